import { type TurnContext } from 'botbuilder';
import { ChoiceFactory, WaterfallDialog, type Dialog, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { TapChoicePrompt, TapConfirmPrompt, type UnsureHelp } from '../tapPrompts.js';
import { z } from 'zod';
import { actorOf, type Actor } from '../actor.js';
import {
  ATTENDANCE_VERBS,
  calendarCard,
  confirmCancelCard,
  describeTimes,
  EMPTY_SESSION_FORM,
  sessionFormCard,
  sessionFormValues,
  type SessionFormValues,
} from '../../cards/attendanceCards.js';
import { cancelSession, moveSession } from '../../domain/attendance/calendar.js';
import { findSession, isMeeting, nextProgrammeYear, sessionLabel, type Meeting, type Programme } from '../../domain/attendance/programme.js';
import { addSessionFromDetails, editSession, readSessionDate, readSessionTime, SessionDetailsSchema } from '../../domain/attendance/sessionEdit.js';
import { lineOfText } from '../../domain/attendance/userInput.js';
import { decide, refusalText } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/result.js';
import { verb, type CardVerb, type CardVerbResult } from '../journey.js';
import { type AttendanceContext } from './context.js';
import { readAnswerPrompt } from './prompts.js';
import { cardActivity } from '../cardActivity.js';

export const CALENDAR_DIALOG = 'attendance.calendar';
export const START_YEAR_DIALOG = 'attendance.startYear';
export const ADD_SESSION_DIALOG = 'attendance.calendar.add';
export const MOVE_SESSION_DIALOG = 'attendance.calendar.move';
export const CANCEL_SESSION_DIALOG = 'attendance.calendar.cancel';

const KIND_PROMPT = 'attendance.calendar.kind';
const TITLE_PROMPT = 'attendance.calendar.title';
const DATE_PROMPT = 'attendance.calendar.date';
const TIME_PROMPT = 'attendance.calendar.time';
const LINK_PROMPT = 'attendance.calendar.link';
const CONFIRM_PROMPT = 'attendance.calendar.confirm';

const KIND_CHOICES: { title: string; kind: Meeting['kind'] }[] = [
  { title: 'Network group', kind: 'network' },
  { title: 'Training session', kind: 'training' },
  { title: 'Workshop meeting', kind: 'workshop' },
];

const TitleSchema = lineOfText('the session title', 120);
const LinkSchema = SessionDetailsSchema.shape.onlineLink;

/** An end time must come after the start it is asked with (passed as the prompt's validations). */
function readEndTime(text: string, validations: unknown): Result<string> {
  const time = readSessionTime(text);
  const start = (validations as { after?: string } | undefined)?.after;
  if (!time.ok || start === undefined || time.value > start) return time;
  return fail(`It must end after it starts (${start}). What time does it end?`);
}

/** An answer the prompt's validator accepted, read again with the same rule. */
function accepted<T>(result: Result<T>): T {
  if (!result.ok) throw new Error('A prompt let through an answer its rule refuses');
  return result.value;
}

function readLink(text: string): Result<string | null> {
  const parsed = LinkSchema.safeParse(text);
  return parsed.success ? ok(parsed.data) : fail('That is not a web address starting with https://. Paste the Teams meeting link, or say “none”.');
}

/** The meeting an administrator names, or why it cannot be changed. */
function meetingToChange(programme: Programme, sessionId: string): Result<Meeting> {
  const session = findSession(programme, sessionId);
  if (!session) return fail(`There is no session ${sessionId} in the ${programme.year} calendar. Say “calendar” to see the sessions.`);
  if (!isMeeting(session)) return fail(`${sessionLabel(session)} has no date of its own: it is set at ${session.opensAfter} and due before ${session.dueBefore}.`);
  return ok(session);
}

function mayEdit(actor: Actor): { allowed: true } | { allowed: false; text: string } {
  const decision = decide(actor, 'calendar.edit', {});
  return decision.allowed ? { allowed: true } : { allowed: false, text: refusalText(decision) };
}

const SessionIdDataSchema = z.object({ sessionId: z.string().optional() });
const CancelDataSchema = z.object({ sessionId: z.string(), confirmed: z.union([z.boolean(), z.string()]).optional() });
const SaveDataSchema = z.object({
  sessionId: z.string().optional(),
  title: z.string().optional(),
  kind: z.string().optional(),
  date: z.string().optional(),
  start: z.string().optional(),
  end: z.string().optional(),
  onlineLink: z.string().optional(),
});

interface AddValues {
  kind?: Meeting['kind'];
  title?: string;
  date?: string;
  start?: string;
  end?: string;
}

interface MoveValues {
  sessionId: string;
  date?: string;
  start?: string;
}

export function calendarDialogs(context: AttendanceContext): { dialogs: Dialog[]; verbs: CardVerb[] } {
  async function calendarView(actor: Actor, notice?: string) {
    const programme = await context.programmes.current();
    return calendarCard({ programme, canEdit: mayEdit(actor).allowed, ...(notice ? { notice } : {}) });
  }

  async function refuseUnlessAdmin(step: WaterfallStepContext): Promise<boolean> {
    const may = mayEdit(actorOf(step.context));
    if (!may.allowed) await step.context.sendActivity(may.text);
    return may.allowed;
  }

  const show = new WaterfallDialog(CALENDAR_DIALOG, [
    async (step) => {
      await step.context.sendActivity(cardActivity(await calendarView(actorOf(step.context))));
      return step.endDialog();
    },
  ]);

  /** "Start the 2022/23 programme": last year's calendar copied forward, for the SIT to date and time. */
  const startYear = new WaterfallDialog(START_YEAR_DIALOG, [
    async (step) => {
      if (!(await refuseUnlessAdmin(step))) return step.endDialog();
      const { year } = step.options as { year: string };
      const current = await context.programmes.current();
      const next = nextProgrammeYear(current, year);
      if (!next.ok) {
        await step.context.sendActivity(next.errors.join(' '));
        return step.endDialog();
      }
      const { archived } = await context.programmes.replace(next.value, context.attendance);
      const notice =
        `The ${year} programme has started from the ${current.year} calendar: each session is a whole number of weeks on, on the same weekday, ` +
        `with its time to be confirmed and no link yet (the bot's own way of copying; change any date with “move T1”). ` +
        `The ${current.year} attendance (${archived} records) is kept in the archive.`;
      await step.context.sendActivity(cardActivity(await calendarView(actorOf(step.context), notice)));
      return step.endDialog();
    },
  ]);

  const add = new WaterfallDialog(ADD_SESSION_DIALOG, [
    async (step) => {
      if (!(await refuseUnlessAdmin(step))) return step.endDialog();
      return step.prompt(KIND_PROMPT, {
        prompt: 'What kind of session is it?',
        retryPrompt: 'Please choose network group, training session or workshop meeting.',
        choices: ChoiceFactory.toChoices(KIND_CHOICES.map((choice) => choice.title)),
      });
    },
    async (step) => {
      (step.values as AddValues).kind = KIND_CHOICES[(step.result as FoundChoice).index]?.kind ?? 'network';
      return step.prompt(TITLE_PROMPT, { prompt: 'What is it called? For example “Disadvantaged Network Group, summer term”.' });
    },
    async (step) => {
      (step.values as AddValues).title = String(step.result).trim();
      return step.prompt(DATE_PROMPT, { prompt: 'What date is it on? For example 14 March 2022.' });
    },
    async (step) => {
      (step.values as AddValues).date = accepted(readSessionDate(String(step.result)));
      return step.prompt(TIME_PROMPT, { prompt: 'What time does it start (UK time)? For example 14:00.' });
    },
    async (step) => {
      const start = accepted(readSessionTime(String(step.result)));
      (step.values as AddValues).start = start;
      return step.prompt(TIME_PROMPT, { prompt: 'And what time does it end?', validations: { after: start } });
    },
    async (step) => {
      (step.values as AddValues).end = accepted(readSessionTime(String(step.result)));
      return step.prompt(LINK_PROMPT, { prompt: 'Paste the online meeting link, or say “none” if you do not have it yet.' });
    },
    async (step) => {
      const details = { ...(step.values as AddValues), onlineLink: String(step.result) };
      let added: Meeting | undefined;
      const saved = await context.programmes.change((programme) => {
        const result = addSessionFromDetails(programme, details);
        if (!result.ok) return result;
        added = result.value.added;
        return ok(result.value.programme);
      });
      await step.context.sendActivity(
        saved.ok && added
          ? `Added ${sessionLabel(added)}: ${describeTimes(added)}. ${added.kind === 'network' ? 'Champion schools' : 'Every signed-up school'} will get a reminder the day before.`
          : `I could not add it: ${saved.ok ? 'please try again.' : saved.errors.join(' ')}`,
      );
      return step.endDialog();
    },
  ]);

  /** The session an administrator named to move or cancel, or undefined after saying why not. */
  async function sessionToChange(step: WaterfallStepContext) {
    if (!(await refuseUnlessAdmin(step))) return undefined;
    const { sessionId } = step.options as { sessionId: string };
    const meeting = meetingToChange(await context.programmes.current(), sessionId);
    if (meeting.ok) return meeting.value;
    await step.context.sendActivity(meeting.errors.join(' '));
    return undefined;
  }

  const move = new WaterfallDialog(MOVE_SESSION_DIALOG, [
    async (step) => {
      const meeting = await sessionToChange(step);
      if (!meeting) return step.endDialog();
      (step.values as MoveValues).sessionId = meeting.id;
      return step.prompt(DATE_PROMPT, { prompt: `${sessionLabel(meeting)} is on ${describeTimes(meeting)}. What is the new date?` });
    },
    async (step) => {
      (step.values as MoveValues).date = accepted(readSessionDate(String(step.result)));
      return step.prompt(TIME_PROMPT, { prompt: 'What time does it start (UK time)?' });
    },
    async (step) => {
      const start = accepted(readSessionTime(String(step.result)));
      (step.values as MoveValues).start = start;
      return step.prompt(TIME_PROMPT, { prompt: 'And what time does it end?', validations: { after: start } });
    },
    async (step) => {
      const values = step.values as MoveValues;
      const end = accepted(readSessionTime(String(step.result)));
      const saved = await context.programmes.change((programme) => moveSession(programme, values.sessionId, { date: values.date, start: values.start, end }));
      const moved = saved.ok ? findSession(saved.value, values.sessionId) : undefined;
      await step.context.sendActivity(
        saved.ok && moved && isMeeting(moved)
          ? `Moved ${sessionLabel(moved)} to ${describeTimes(moved)}. Attendance already recorded for it is kept.`
          : `I could not move it: ${saved.ok ? 'please try again.' : saved.errors.join(' ')}`,
      );
      return step.endDialog();
    },
  ]);

  const cancel = new WaterfallDialog(CANCEL_SESSION_DIALOG, [
    async (step) => {
      const meeting = await sessionToChange(step);
      if (!meeting) return step.endDialog();
      if (meeting.cancelled) {
        await step.context.sendActivity(`${sessionLabel(meeting)} is already cancelled.`);
        return step.endDialog();
      }
      (step.values as MoveValues).sessionId = meeting.id;
      return step.prompt(CONFIRM_PROMPT, {
        prompt: `Cancel ${sessionLabel(meeting)} on ${describeTimes(meeting)}? It stays in the calendar marked as cancelled, and any attendance already recorded for it is kept.`,
        retryPrompt: 'Please say yes to cancel it, or no to keep it.',
        validations: {
          whenUnsure: `Say “no” and ${meeting.id} stays as it is. “Yes” marks it cancelled: it stays in the calendar, attendance already recorded for it is kept, and schools get no reminders for it.`,
        } satisfies UnsureHelp,
      });
    },
    async (step) => {
      const { sessionId } = step.values as MoveValues;
      if (step.result !== true) {
        await step.context.sendActivity(`I have left ${sessionId} as it is.`);
        return step.endDialog();
      }
      const saved = await context.programmes.change((programme) => cancelSession(programme, sessionId));
      await step.context.sendActivity(
        saved.ok
          ? `Cancelled ${sessionId}. Attendance already recorded for it is kept, and schools get no reminders for it.`
          : `I could not cancel it: ${saved.errors.join(' ')}`,
      );
      return step.endDialog();
    },
  ]);

  const showVerb: CardVerb = {
    verb: ATTENDANCE_VERBS.calendarShow,
    data: z.object({}),
    handle: async (_context: TurnContext, _data, actor) => ({ kind: 'card', card: await calendarView(actor) }),
  };

  const editVerb: CardVerb<typeof SessionIdDataSchema> = {
    verb: ATTENDANCE_VERBS.calendarEdit,
    data: SessionIdDataSchema,
    handle: async (_context, data, actor): Promise<CardVerbResult> => {
      const may = mayEdit(actor);
      if (!may.allowed) return { kind: 'refused', text: may.text };
      if (!data.sessionId) return { kind: 'card', card: sessionFormCard({ session: undefined, values: EMPTY_SESSION_FORM, problems: [] }) };
      const meeting = meetingToChange(await context.programmes.current(), data.sessionId);
      if (!meeting.ok) return { kind: 'refused', text: meeting.errors.join(' ') };
      return { kind: 'card', card: sessionFormCard({ session: meeting.value, values: sessionFormValues(meeting.value), problems: [] }) };
    },
  };

  const saveVerb: CardVerb<typeof SaveDataSchema> = {
    verb: ATTENDANCE_VERBS.calendarSave,
    data: SaveDataSchema,
    handle: async (_context, data, actor): Promise<CardVerbResult> => {
      const may = mayEdit(actor);
      if (!may.allowed) return { kind: 'refused', text: may.text };
      const details = { title: data.title, kind: data.kind, date: data.date, start: data.start, end: data.end, onlineLink: data.onlineLink ?? '' };
      const editing = data.sessionId ? data.sessionId : undefined;
      let saved: Meeting | undefined;
      const result = await context.programmes.change((programme) => {
        if (editing !== undefined) {
          const edited = editSession(programme, editing, details);
          if (edited.ok) saved = findSession(edited.value, editing) as Meeting;
          return edited;
        }
        const added = addSessionFromDetails(programme, details);
        if (!added.ok) return added;
        saved = added.value.added;
        return ok(added.value.programme);
      });
      if (!result.ok || !saved) {
        const current = editing !== undefined ? findSession(await context.programmes.current(), editing) : undefined;
        const values: SessionFormValues = {
          title: data.title ?? '',
          kind: data.kind ?? '',
          date: data.date ?? '',
          start: data.start ?? '',
          end: data.end ?? '',
          onlineLink: data.onlineLink ?? '',
        };
        const problems = result.ok ? ['Please try again.'] : result.errors;
        return { kind: 'card', card: sessionFormCard({ session: current && isMeeting(current) ? current : undefined, values, problems }) };
      }
      const notice = `${editing !== undefined ? 'Saved' : 'Added'} ${sessionLabel(saved)}: ${describeTimes(saved)}.`;
      return { kind: 'card', card: await calendarView(actor, notice) };
    },
  };

  const cancelVerb: CardVerb<typeof CancelDataSchema> = {
    verb: ATTENDANCE_VERBS.calendarCancel,
    data: CancelDataSchema,
    handle: async (_context, data, actor): Promise<CardVerbResult> => {
      const may = mayEdit(actor);
      if (!may.allowed) return { kind: 'refused', text: may.text };
      const meeting = meetingToChange(await context.programmes.current(), data.sessionId);
      if (!meeting.ok) return { kind: 'refused', text: meeting.errors.join(' ') };
      if (data.confirmed !== true && data.confirmed !== 'true') return { kind: 'card', card: confirmCancelCard(meeting.value) };
      const saved = await context.programmes.change((programme) => cancelSession(programme, meeting.value.id));
      if (!saved.ok) return { kind: 'refused', text: saved.errors.join(' ') };
      return { kind: 'card', card: await calendarView(actor, `Cancelled ${sessionLabel(meeting.value)}. Attendance already recorded for it is kept.`) };
    },
  };

  const prompts = [
    new TapChoicePrompt(KIND_PROMPT),
    new TapConfirmPrompt(CONFIRM_PROMPT),
    readAnswerPrompt(TITLE_PROMPT, (text) => {
      const parsed = TitleSchema.safeParse(text);
      return parsed.success ? ok(parsed.data) : fail('Please give a title of up to 120 characters on one line.');
    }),
    readAnswerPrompt(DATE_PROMPT, (text) => readSessionDate(text)),
    readAnswerPrompt(TIME_PROMPT, readEndTime),
    readAnswerPrompt(LINK_PROMPT, (text) => readLink(text)),
  ];

  return {
    dialogs: [show, startYear, add, move, cancel, ...prompts],
    verbs: [verb(showVerb), verb(editVerb), verb(saveVerb), verb(cancelVerb)],
  };
}
