import { type TurnContext } from 'botbuilder';
import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import { actorOf, type Actor } from '../actor.js';
import { ATTENDANCE_VERBS, logFormCard, loggedCard, schoolRecordCard, type LogFormValues } from '../../cards/attendanceCards.js';
import { describeStart, findSession, meetingsInOrder, sessionLabel, startedSessions, type Meeting, type Programme, type Task } from '../../domain/attendance/programme.js';
import { checkSessionLoggable, validateAttendanceLog, validateTaskSubmission, type AttendanceStatus } from '../../domain/attendance/record.js';
import { decide, refusalText } from '../../domain/access/policy.js';
import { formatLongDate } from '../../domain/tsi/academicYear.js';
import { verb, type CardVerb, type CardVerbResult } from '../journey.js';
import { ownSchoolOf, type AttendanceContext } from './context.js';
import { cardActivity } from '../cardActivity.js';

export const LOG_DIALOG = 'attendance.log';
export const TASK_DIALOG = 'attendance.task';
export const RECORD_DIALOG = 'attendance.record';

const ROLE_TITLES = { headteacher: 'Headteacher', staff: 'Member of staff' } as const;

/** The school the actor may log for, or the words that tell them why not. */
function schoolToLog(actor: Actor): { urn: string } | { refused: string } {
  const own = ownSchoolOf(actor);
  if ('refused' in own) return own;
  const decision = decide(actor, 'attendance.log', own);
  return decision.allowed ? own : { refused: refusalText(decision) };
}

function noSessionYet(programme: Programme): string {
  const first = meetingsInOrder(programme).find((meeting) => !meeting.cancelled);
  return first
    ? `No session has started yet, so there is nothing to log. The first is ${sessionLabel(first)} on ${describeStart(first)}.`
    : 'There are no sessions in the calendar yet, so there is nothing to log.';
}

/** The person logging, as the attendee unless they say otherwise. */
function defaultValues(actor: Actor, sessionId: string, status: AttendanceStatus | undefined): LogFormValues {
  const profile = actor.profile?.kind === 'school' ? actor.profile : undefined;
  return { sessionId, attendeeName: profile?.name ?? actor.name, attendeeRole: profile ? ROLE_TITLES[profile.role] : '', status: status ?? '' };
}

const LogDataSchema = z.object({
  sessionId: z.string().optional(),
  attendeeName: z.string().optional(),
  attendeeRole: z.string().optional(),
  status: z.string().optional(),
});

/** Tasks that can be handed in: the latest one whose setting session has started, else the first. */
function taskToHandIn(programme: Programme, now: Date): Task | undefined {
  const tasks = programme.sessions.filter((session): session is Task => session.kind === 'task' && !session.cancelled);
  const started = new Set(startedSessions(programme, now).map((meeting) => meeting.id));
  const open = tasks.filter((task) => started.has(task.opensAfter));
  return open.at(-1) ?? tasks[0];
}

export function schoolDialogs(context: AttendanceContext): { dialogs: WaterfallDialog[]; verbs: CardVerb[] } {
  const { deps } = context;

  /** Who is logging, for which school, against the programme as it stands now; undefined once told why they may not. */
  async function openForLogging(step: WaterfallStepContext): Promise<{ actor: Actor; school: { urn: string }; programme: Programme; now: Date } | undefined> {
    const actor = actorOf(step.context);
    const school = schoolToLog(actor);
    if ('refused' in school) {
      await step.context.sendActivity(school.refused);
      return undefined;
    }
    return { actor, school, programme: await context.programmes.current(), now: deps.now() };
  }

  const log = new WaterfallDialog(LOG_DIALOG, [
    async (step) => {
      const opened = await openForLogging(step);
      if (!opened) return step.endDialog();
      const { actor, school, programme, now } = opened;
      // "log me present at T1" opens the log with the session and the status already chosen.
      const { sessionId, status } = step.options as { sessionId?: string; status?: AttendanceStatus };
      if (sessionId !== undefined) {
        const loggable = checkSessionLoggable(programme, sessionId, now);
        if (!loggable.ok) {
          const hint = findSession(programme, sessionId)?.kind === 'task' ? '' : ' Say “log attendance” to choose from the sessions that have started.';
          await step.context.sendActivity(`${loggable.errors.join(' ')}${hint}`);
          return step.endDialog();
        }
      }
      const sessions = startedSessions(programme, now);
      const chosen = sessionId ?? sessions[0]?.id;
      if (chosen === undefined) {
        await step.context.sendActivity(noSessionYet(programme));
        return step.endDialog();
      }
      const card = logFormCard({ schoolName: await context.schoolName(school.urn), sessions, values: defaultValues(actor, chosen, status), problems: [] });
      await step.context.sendActivity(cardActivity(card));
      return step.endDialog();
    },
  ]);

  const logVerb: CardVerb<typeof LogDataSchema> = {
    verb: ATTENDANCE_VERBS.log,
    data: LogDataSchema,
    handle: async (_context: TurnContext, data, actor): Promise<CardVerbResult> => {
      const school = schoolToLog(actor);
      if ('refused' in school) return { kind: 'refused', text: school.refused };
      const programme = await context.programmes.current();
      const now = deps.now();
      const logged = validateAttendanceLog(
        { ...data, urn: school.urn, loggedBy: { aadObjectId: actor.aadObjectId, name: actor.name } },
        { programme, now },
      );
      const schoolName = await context.schoolName(school.urn);
      if (!logged.ok) {
        const values: LogFormValues = { sessionId: data.sessionId ?? '', attendeeName: data.attendeeName ?? '', attendeeRole: data.attendeeRole ?? '', status: data.status ?? '' };
        return { kind: 'card', card: logFormCard({ schoolName, sessions: startedSessions(programme, now), values, problems: logged.errors }) };
      }
      const { corrected } = await context.attendance.log(logged.value);
      const session = findSession(programme, logged.value.sessionId) as Meeting;
      return { kind: 'card', card: loggedCard({ record: logged.value, session, schoolName, corrected }) };
    },
  };

  const task = new WaterfallDialog(TASK_DIALOG, [
    async (step) => {
      const opened = await openForLogging(step);
      if (!opened) return step.endDialog();
      const { actor, school, programme, now } = opened;
      const toHandIn = taskToHandIn(programme, now);
      if (!toHandIn) {
        await step.context.sendActivity(`There is no task to hand in in the ${programme.year} programme.`);
        return step.endDialog();
      }
      const submission = validateTaskSubmission(
        { taskId: toHandIn.id, urn: school.urn, submittedBy: { aadObjectId: actor.aadObjectId, name: actor.name } },
        { programme, now },
      );
      if (!submission.ok) {
        await step.context.sendActivity(submission.errors.join(' '));
        return step.endDialog();
      }
      const { earlier } = await context.attendance.submitTask(submission.value);
      const schoolName = await context.schoolName(school.urn);
      await step.context.sendActivity(
        earlier
          ? `${schoolName}’s ${toHandIn.title.toLowerCase()} was already recorded as submitted on ${formatLongDate(earlier.submittedAt.slice(0, 10))}, so there is nothing more to do.`
          : `Thank you. I have recorded ${schoolName}’s ${toHandIn.title.toLowerCase()} as submitted today. The School Improvement Team will send individual feedback on your strategy plan.`,
      );
      return step.endDialog();
    },
  ]);

  const record = new WaterfallDialog(RECORD_DIALOG, [
    async (step) => {
      const actor = actorOf(step.context);
      const asked = (step.options as { urn?: string }).urn;
      const own = asked === undefined ? ownSchoolOf(actor) : { urn: asked };
      if ('refused' in own) {
        await step.context.sendActivity(own.refused);
        return step.endDialog();
      }
      const decision = decide(actor, 'school.view', own);
      if (!decision.allowed) {
        await step.context.sendActivity(refusalText(decision));
        return step.endDialog();
      }
      const now = deps.now();
      const [{ programme, taskSubmissions, isChampion, summary }, school] = await Promise.all([context.queries.schoolRecord(own.urn, now), deps.directory.getSchool(own.urn)]);
      const byTheSchool = actor.profile?.kind === 'school' && actor.profile.urn === own.urn;
      const openTask = taskToHandIn(programme, now);
      const offerTask =
        byTheSchool &&
        openTask !== undefined &&
        !taskSubmissions.some((submission) => submission.taskId === openTask.id) &&
        validateTaskSubmission({ taskId: openTask.id, urn: own.urn, submittedBy: { aadObjectId: actor.aadObjectId, name: actor.name } }, { programme, now }).ok;
      const card = schoolRecordCard({ school: school ?? { name: `URN ${own.urn}`, urn: own.urn }, programme, summary, isChampion, offerTask });
      await step.context.sendActivity(cardActivity(card));
      return step.endDialog();
    },
  ]);

  return { dialogs: [log, task, record], verbs: [verb(logVerb)] };
}
