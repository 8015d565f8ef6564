import { ChoiceFactory, WaterfallDialog, type FoundChoice } from 'botbuilder-dialogs';
import { TapChoicePrompt } from '../tapPrompts.js';
import { z } from 'zod';
import { actorOf } from '../actor.js';
import { ATTENDANCE_VERBS, exportCard, registerCard, summaryCard } from '../../cards/attendanceCards.js';
import { sessionAudience } from '../../domain/attendance/audience.js';
import { attendanceExportFiles } from '../exportFiles.js';
import { isUniversal, meetingsInOrder, sessionLabel, startedSessions, type Meeting } from '../../domain/attendance/programme.js';
import { checkSessionLoggable, normaliseAttendeeName, REGISTER_ATTENDEE, type AttendanceRecord } from '../../domain/attendance/record.js';
import { registerChanges } from '../../domain/attendance/register.js';
import { liaisonGroupSummary, schoolsWithNoAttendanceAtLastSession, sessionSummary } from '../../domain/attendance/summary.js';
import { decide, refusalText } from '../../domain/access/policy.js';
import type { School } from '../../domain/directory/types.js';
import type { Result } from '../../domain/result.js';
import type { CardVerb, CardVerbResult } from '../journey.js';
import { type AttendanceContext } from './context.js';
import { cardActivity } from '../cardActivity.js';

export const REGISTER_DIALOG = 'attendance.register';
export const SUMMARY_DIALOG = 'attendance.summary';
export const EXPORT_DIALOG = 'attendance.export';
const CHOOSE_SESSION = 'attendance.register.chooseSession';

const registerKey = normaliseAttendeeName(REGISTER_ATTENDEE.name);
const isRegisterLine = (record: AttendanceRecord) => normaliseAttendeeName(record.attendeeName) === registerKey;

/** A multi-select's answer: Teams sends the chosen values joined by commas. */
const UrnListSchema = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (Array.isArray(value) ? value : (value ?? '').split(',')).map((urn) => urn.trim()).filter((urn) => urn.length > 0));

const RegisterDataSchema = z.object({ sessionId: z.string(), present: UrnListSchema, apologies: UrnListSchema });

export function sitDialogs(context: AttendanceContext): { dialogs: (WaterfallDialog | TapChoicePrompt)[]; verbs: CardVerb[] } {
  const { deps } = context;

  /** Who is on a session's register: every signed-up school, or the champion schools for a network group. */
  async function registerSchools(session: Meeting): Promise<School[]> {
    const [signedUp, champions] = await Promise.all([context.signedUpSchools(), context.championUrns()]);
    return sessionAudience(session, signedUp, champions);
  }

  async function registerView(session: Meeting, extra: { saved?: string; problems?: readonly string[]; present?: readonly string[]; apologies?: readonly string[] } = {}) {
    const [schools, records, unverified] = await Promise.all([registerSchools(session), context.attendance.forSession(session.id), context.unverifiedPeople()]);
    const byUrn = new Map(schools.map((school) => [school.urn, school]));
    const lines = records.filter(isRegisterLine);
    const ownLogs = await Promise.all(
      records
        .filter((record) => !isRegisterLine(record))
        .map(async (record) => ({
          school: byUrn.get(record.urn) ?? { name: await context.schoolName(record.urn), urn: record.urn },
          record,
          loggedByVerified: !unverified.has(record.loggedBy.aadObjectId),
        })),
    );
    ownLogs.sort((a, b) => a.school.name.localeCompare(b.school.name, 'en-GB'));
    return registerCard({
      session,
      schools,
      present: extra.present ?? lines.filter((line) => line.status === 'present').map((line) => line.urn),
      apologies: extra.apologies ?? lines.filter((line) => line.status === 'apologies').map((line) => line.urn),
      ownLogs,
      ...(extra.saved ? { saved: extra.saved } : {}),
      ...(extra.problems ? { problems: extra.problems } : {}),
    });
  }

  const register = new WaterfallDialog(REGISTER_DIALOG, [
    async (step) => {
      const decision = decide(actorOf(step.context), 'attendance.register', {});
      if (!decision.allowed) {
        await step.context.sendActivity(refusalText(decision));
        return step.endDialog();
      }
      const { sessionId } = step.options as { sessionId?: string };
      if (sessionId !== undefined) return step.next(sessionId);
      const started = startedSessions(await context.programmes.current(), deps.now());
      if (started.length === 0) {
        await step.context.sendActivity('No session has started yet, so there is no register to keep.');
        return step.endDialog();
      }
      return step.prompt(CHOOSE_SESSION, {
        prompt: 'Which session’s register?',
        retryPrompt: 'Please choose one of the sessions, or say “cancel”.',
        choices: ChoiceFactory.toChoices(started.slice(0, 10).map(sessionLabel)),
      });
    },
    async (step) => {
      const programme = await context.programmes.current();
      const answer = step.result as string | FoundChoice;
      const sessionId = typeof answer === 'string' ? answer : (programme.sessions.find((session) => sessionLabel(session) === answer.value)?.id ?? answer.value);
      const loggable = checkSessionLoggable(programme, sessionId, deps.now());
      if (!loggable.ok) {
        await step.context.sendActivity(loggable.errors.join(' '));
        return step.endDialog();
      }
      await step.context.sendActivity(cardActivity(await registerView(loggable.value)));
      return step.endDialog();
    },
  ]);

  const registerVerb: CardVerb<typeof RegisterDataSchema> = {
    verb: ATTENDANCE_VERBS.registerSave,
    data: RegisterDataSchema,
    handle: async (_context, data, actor): Promise<CardVerbResult> => {
      const decision = decide(actor, 'attendance.register', {});
      if (!decision.allowed) return { kind: 'refused', text: refusalText(decision) };
      const programme = await context.programmes.current();
      const now = deps.now();
      const loggable = checkSessionLoggable(programme, data.sessionId, now);
      if (!loggable.ok) return { kind: 'refused', text: loggable.errors.join(' ') };
      const onRegister = new Set((await registerSchools(loggable.value)).map((school) => school.urn));
      const strangers = [...new Set([...data.present, ...data.apologies])].filter((urn) => !onRegister.has(urn));
      const changes: Result<AttendanceRecord[]> =
        strangers.length > 0
          ? { ok: false, errors: strangers.map((urn) => `The school with URN ${urn} is not on this session’s register.`) }
          : registerChanges(data.sessionId, data.present, data.apologies, await context.attendance.forSession(data.sessionId), {
              by: { aadObjectId: actor.aadObjectId, name: actor.name },
              now,
            });
      if (!changes.ok) {
        return { kind: 'card', card: await registerView(loggable.value, { problems: changes.errors, present: data.present, apologies: data.apologies }) };
      }
      await context.attendance.saveRegister(changes.value);
      const absent = changes.value.filter((line) => line.status === 'absent').length;
      const saved =
        changes.value.length === 0
          ? 'Nothing had changed since the register was last saved.'
          : `Saved: ${data.present.length} present, ${data.apologies.length} sent apologies${absent > 0 ? `, ${absent} now marked absent` : ''}.`;
      return { kind: 'card', card: await registerView(loggable.value, { saved }) };
    },
  };

  const summary = new WaterfallDialog(SUMMARY_DIALOG, [
    async (step) => {
      const decision = decide(actorOf(step.context), 'attendance.register', {});
      if (!decision.allowed) {
        await step.context.sendActivity(refusalText(decision));
        return step.endDialog();
      }
      const programme = await context.programmes.current();
      const now = deps.now();
      const { sessionId } = step.options as { sessionId?: string };
      const started = startedSessions(programme, now);
      let groupSession = started.find(isUniversal);
      if (sessionId !== undefined) {
        const loggable = checkSessionLoggable(programme, sessionId, now);
        if (!loggable.ok) {
          await step.context.sendActivity(loggable.errors.join(' '));
          return step.endDialog();
        }
        groupSession = loggable.value;
      }
      const [signedUp, records, champions, groups] = await Promise.all([
        context.signedUpSchools(),
        context.attendance.all(),
        context.championUrns(),
        deps.directory.liaisonGroups(),
      ]);
      const card = summaryCard({
        programme,
        signedUpCount: signedUp.length,
        sessions: [...started].reverse().map((meeting) => ({ meeting, summary: sessionSummary(meeting.id, sessionAudience(meeting, signedUp, champions), records) })),
        groups: groupSession ? { meeting: groupSession, lines: liaisonGroupSummary(groupSession.id, groups, signedUp, records) } : undefined,
        lastSession: schoolsWithNoAttendanceAtLastSession(programme, now, signedUp, records),
      });
      await step.context.sendActivity(cardActivity(card));
      return step.endDialog();
    },
  ]);

  const exportDialog = new WaterfallDialog(EXPORT_DIALOG, [
    async (step) => {
      const actor = actorOf(step.context);
      const decision = decide(actor, 'export.acrossSchools', {});
      if (!decision.allowed) {
        await step.context.sendActivity(refusalText(decision));
        return step.endDialog();
      }
      const now = deps.now();
      const [programme, signedUp, records, submissions, groups] = await Promise.all([
        context.programmes.current(),
        context.signedUpSchools(),
        context.attendance.all(),
        context.attendance.allTaskSubmissions(),
        deps.directory.liaisonGroups(),
      ]);
      const files = await attendanceExportFiles({ programme, groups, signedUp, records, submissions, now, getSchool: (urn) => deps.directory.getSchool(urn) });
      const [xlsx, csv] = await Promise.all(files.map((file) => deps.exports.create(actor.aadObjectId, file)));
      if (!xlsx || !csv) throw new Error('The attendance export has no files');
      const schoolCount = new Set([...signedUp.map((school) => school.urn), ...records.map((record) => record.urn)]).size;
      const card = exportCard({ xlsxUrl: xlsx.url, csvUrl: csv.url, expiresAt: xlsx.expiresAt, schoolCount, sessionCount: meetingsInOrder(programme).length });
      await step.context.sendActivity(cardActivity(card));
      return step.endDialog();
    },
  ]);

  return { dialogs: [register, summary, exportDialog, new TapChoicePrompt(CHOOSE_SESSION)], verbs: [registerVerb as CardVerb] };
}
