import { z } from 'zod';
import sessions2021To22 from '../../data/programme/sessions-2021-22.json' with { type: 'json' };
import { fail, ok, type Result } from '../result.js';
import { formatLongDate } from '../tsi/academicYear.js';
import { formatWhen, londonInstant } from '../time/londonTime.js';
import { issueMessages, lineOfText, textField } from './userInput.js';

export const SessionIdSchema = textField('the session id').regex(/^[A-Z][A-Z0-9-]{0,19}$/, 'a session id is a capital letter followed by up to 19 capitals, digits or hyphens, such as T1 or N2');

/** A London wall-clock time on the 24-hour clock. */
export const TimeSchema = z
  .string({ error: 'a time must be text' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time is written on the 24-hour clock, like 14:00');

export const SessionDateSchema = z.iso.date({ error: 'a date must be a real date written like 2022-01-31' });

/** Training sessions and workshop meetings are the universal offer; network groups are the champions' termly meetings. */
export const MEETING_KINDS = ['training', 'workshop', 'network'] as const;
const UNIVERSAL_KINDS: ReadonlySet<string> = new Set(['training', 'workshop']);

const MeetingSchema = z.object({
  id: SessionIdSchema,
  kind: z.enum(MEETING_KINDS),
  title: lineOfText('the session title', 120),
  topic: lineOfText('the session topic', 300).optional(),
  date: SessionDateSchema,
  start: TimeSchema,
  end: TimeSchema,
  /** False where the letter gave no time and ours is a placeholder: shown as "time to be confirmed". */
  timesConfirmed: z.boolean().default(true),
  /** The Teams meeting link, added by the SIT when it exists. */
  onlineLink: z.url({ protocol: /^https$/, error: 'the online link must be an https web address' }).nullable().default(null),
  cancelled: z.boolean().default(false),
});
export type Meeting = z.infer<typeof MeetingSchema>;

/** The intersessional task has no time of its own: it is set at one session and due before another. */
const TaskSchema = z.object({
  id: SessionIdSchema,
  kind: z.literal('task'),
  title: lineOfText('the task title', 120),
  topic: lineOfText('the task topic', 300).optional(),
  opensAfter: SessionIdSchema,
  dueBefore: SessionIdSchema,
  cancelled: z.boolean().default(false),
});
export type Task = z.infer<typeof TaskSchema>;

export const SessionSchema = z.discriminatedUnion('kind', [MeetingSchema, TaskSchema], {
  error: 'the kind of session must be training, workshop, network or task',
});
export type Session = z.infer<typeof SessionSchema>;
export type SessionKind = Session['kind'];

/** Settings for reminders (choices of ours, so they are data). */
const RemindersSchema = z.object({
  /** London time on the day before a session from which its reminder is due. */
  dayBeforeFrom: TimeSchema,
  /** How many days after a session ends the prompt to log attendance is still sent. */
  logPromptForDays: z.number().int().min(1).max(60),
});

export function isMeeting(session: Session): session is Meeting {
  return session.kind !== 'task';
}

/** The six training sessions and workshop meetings every signed-up school attends. */
export function isUniversal(session: Session): session is Meeting {
  return UNIVERSAL_KINDS.has(session.kind);
}

export function sessionStart(meeting: Meeting): Date {
  return londonInstant(meeting.date, meeting.start);
}

/**
 * From when attendance can be logged: the start time once it is confirmed, otherwise the start
 * of the session's day in London, since a placeholder time must not turn away a school that
 * attended earlier that day than the placeholder says.
 */
export function sessionOpensForLogging(meeting: Meeting): Date {
  return meeting.timesConfirmed ? sessionStart(meeting) : londonInstant(meeting.date, '00:00');
}

export function sessionEnd(meeting: Meeting): Date {
  return londonInstant(meeting.date, meeting.end);
}

/** "Training Session 2 (T2)": how a message names a session. */
export function sessionLabel(session: Session): string {
  return `${session.title} (${session.id})`;
}

export function describeStart(meeting: Meeting): string {
  return meeting.timesConfirmed ? formatWhen(meeting.date, meeting.start) : `${formatLongDate(meeting.date)} (time to be confirmed)`;
}

/** Rules across sessions; each problem is a sentence an administrator can act on. */
export function calendarProblems(sessions: readonly Session[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const session of sessions) {
    if (seen.has(session.id)) problems.push(`There is more than one session with the id ${session.id}.`);
    seen.add(session.id);
  }
  for (const session of sessions) {
    if (isMeeting(session)) {
      if (session.end <= session.start) {
        problems.push(`${sessionLabel(session)} ends at ${session.end}, which is not after it starts at ${session.start}.`);
      }
      continue;
    }
    const opens = sessions.find((other) => other.id === session.opensAfter);
    const due = sessions.find((other) => other.id === session.dueBefore);
    if (!opens || !isMeeting(opens)) problems.push(`${sessionLabel(session)} is set at ${session.opensAfter}, which is not a session in the programme.`);
    if (!due || !isMeeting(due)) problems.push(`${sessionLabel(session)} is due before ${session.dueBefore}, which is not a session in the programme.`);
    if (opens && due && isMeeting(opens) && isMeeting(due) && sessionStart(due) <= sessionStart(opens)) {
      problems.push(`${sessionLabel(session)} is set at ${opens.id} but due before ${due.id}, which comes no later.`);
    }
  }
  return problems;
}

export const ProgrammeSchema = z
  .object({
    year: z.string().regex(/^\d{4}\/\d{2}$/, 'the programme year is written like 2021/22'),
    name: lineOfText('the programme name', 200),
    source: lineOfText('the source', 300),
    reminders: RemindersSchema,
    sessions: z.array(SessionSchema).min(1, 'the programme needs at least one session'),
  })
  .superRefine((programme, ctx) => {
    for (const message of calendarProblems(programme.sessions)) ctx.addIssue({ code: 'custom', path: ['sessions'], message });
  });
export type Programme = z.infer<typeof ProgrammeSchema>;

/** Validates a programme calendar (next year's, or one an administrator edited) before it is used. */
export function loadProgramme(json: unknown): Result<Programme> {
  const parsed = ProgrammeSchema.safeParse(json);
  return parsed.success ? ok(parsed.data) : fail(...issueMessages(parsed.error, 'The programme'));
}

function loadDefaultProgramme(): Programme {
  const loaded = loadProgramme(sessions2021To22);
  // The shipped file is ours, not user input: if it is wrong the bot must not start.
  if (!loaded.ok) throw new Error(`data/programme/sessions-2021-22.json is invalid: ${loaded.errors.join(' ')}`);
  return loaded.value;
}

/** The 2021-22 universal offer, validated when this module loads. */
export const DEFAULT_PROGRAMME: Programme = loadDefaultProgramme();

export function findSession(programme: Programme, sessionId: string): Session | undefined {
  return programme.sessions.find((session) => session.id === sessionId);
}

/** Meetings (not the task) in the order they happen. */
export function meetingsInOrder(programme: Programme): Meeting[] {
  return programme.sessions.filter(isMeeting).sort((a, b) => sessionStart(a).getTime() - sessionStart(b).getTime());
}

/**
 * Meetings that have started by `now` (or, with the time to be confirmed, whose day has come),
 * most recent first. A cancelled meeting never started, so it is left out.
 */
export function startedSessions(programme: Programme, now: Date): Meeting[] {
  return meetingsInOrder(programme)
    .filter((meeting) => !meeting.cancelled && sessionOpensForLogging(meeting).getTime() <= now.getTime())
    .reverse();
}

/** The next year's programme copied forward, or why not: the year must be written like 2022/23 and come after the current one. */
export function nextProgrammeYear(programme: Programme, year: string): Result<Programme> {
  const match = /^(\d{4})\/(\d{2})$/.exec(year);
  if (!match || (Number(match[1]) + 1) % 100 !== Number(match[2])) return fail(`“${year}” is not an academic year: write it like 2022/23.`);
  if (year <= programme.year) return fail(`The calendar is already for ${programme.year}; a new programme year must come after it.`);
  const copied = loadProgramme(copyProgrammeForward(programme, year));
  return copied;
}

/**
 * A new programme year from the last one's calendar, for the SIT to adjust: each meeting a
 * whole number of weeks later (so it stays on the same weekday), nearest a year on, its time
 * to be confirmed and its link cleared; cancellations are lifted. The weekday rule is the
 * bot's own choice: the sources give each year's dates, not a rule for the next.
 */
export function copyProgrammeForward(programme: Programme, year: string): Programme {
  const [from] = programme.year.split('/');
  const [to] = year.split('/');
  const years = Number(to) - Number(from);
  const days = Math.round((years * 365.25) / 7) * 7;
  const shift = (date: string) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return {
    ...programme,
    year,
    sessions: programme.sessions.map((session) =>
      session.kind === 'task' ? { ...session, cancelled: false } : { ...session, date: shift(session.date), timesConfirmed: false, onlineLink: null, cancelled: false },
    ),
  };
}
