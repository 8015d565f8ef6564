import { z } from 'zod';
import { fail, ok, type Result } from '../result.js';
import { parseDateAnswer } from '../tsi/dateAnswer.js';
import { addSession } from './calendar.js';
import { calendarProblems, findSession, MEETING_KINDS, SessionDateSchema, sessionLabel, TimeSchema, type Meeting, type Programme, type Session } from './programme.js';
import { issueMessages, lineOfText } from './userInput.js';

/*
 * What the SIT types or fills in when it adds a session or changes one: the title, kind, date,
 * times and online link together. Ids are given by the bot, never typed, so that they stay
 * short and unique (T4, W4, N1).
 */

/** A blank link (or "none") means there is no link yet. */
const OnlineLinkSchema = z.preprocess(
  (value) => (typeof value === 'string' ? (/^(|none|no|no link|not yet)$/i.test(value.trim()) ? null : value.trim()) : value),
  z.url({ protocol: /^https$/, error: 'the online link must be an https web address, such as a Teams meeting link' }).nullable(),
);

export const SessionDetailsSchema = z.object(
  {
    title: lineOfText('the session title', 120),
    kind: z.enum(MEETING_KINDS, { error: 'the kind of session must be training, workshop or network' }),
    date: SessionDateSchema,
    start: TimeSchema,
    end: TimeSchema,
    onlineLink: OnlineLinkSchema.default(null),
  },
  { error: 'the session details are missing' },
);
export type SessionDetails = z.input<typeof SessionDetailsSchema>;

const ID_LETTER: Record<Meeting['kind'], string> = { training: 'T', workshop: 'W', network: 'N' };

/** The next free id for a kind of session: T4 after T1–T3, N1 for the first network group. */
export function nextSessionId(programme: Programme, kind: Meeting['kind']): string {
  const letter = ID_LETTER[kind];
  const pattern = new RegExp(`^${letter}(\\d+)$`);
  const taken = programme.sessions.map((session) => Number(pattern.exec(session.id)?.[1] ?? 0));
  return `${letter}${Math.max(0, ...taken) + 1}`;
}

/** Adds a session from what the SIT gave, with the next free id for its kind. */
export function addSessionFromDetails(programme: Programme, input: unknown): Result<{ programme: Programme; added: Meeting }> {
  const parsed = SessionDetailsSchema.safeParse(input);
  if (!parsed.success) return fail(...issueMessages(parsed.error));
  const id = nextSessionId(programme, parsed.data.kind);
  const added = addSession(programme, { id, ...parsed.data, timesConfirmed: true });
  if (!added.ok) return added;
  const meeting = findSession(added.value, id) as Meeting;
  return ok({ programme: added.value, added: meeting });
}

/**
 * Changes a session's title, kind, date, times and link at once (the calendar card's form).
 * The SIT setting the times confirms them. The intersessional task has no date to change.
 */
export function editSession(programme: Programme, sessionId: string, input: unknown): Result<Programme> {
  const session = findSession(programme, sessionId);
  if (!session) return fail(`There is no session ${sessionId} in the ${programme.year} programme.`);
  if (session.kind === 'task') {
    return fail(`${sessionLabel(session)} has no date of its own: it is set at ${session.opensAfter} and due before ${session.dueBefore}, so change those sessions instead.`);
  }
  const parsed = SessionDetailsSchema.safeParse(input);
  if (!parsed.success) return fail(...issueMessages(parsed.error));
  const edited: Session = { ...session, ...parsed.data, timesConfirmed: true };
  const sessions = programme.sessions.map((other) => (other.id === session.id ? edited : other));
  const problems = calendarProblems(sessions);
  return problems.length > 0 ? fail(...problems) : ok({ ...programme, sessions });
}

/** Any date the SIT types for a session: past or future, as long as it is a real date. */
export function readSessionDate(text: string): Result<string> {
  // Sessions may be in the future, so no date counts as "after today" here.
  return parseDateAnswer(text, '9999-12-31');
}

const TIME_EXAMPLES = 'Write it like 14:00 or 2pm.';

/** A time as the SIT types it: '14:00', '14.30', '1400', '2pm', '2:30 pm', 'noon'. Returns HH:MM. */
export function readSessionTime(text: string): Result<string> {
  const words = text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\./g, ':').replace(/:$/, '');
  if (words === 'noon' || words === 'midday') return ok('12:00');
  const match = /^(\d{1,2})(?::?(\d{2}))? ?(am|pm|a:m|p:m)?$/.exec(words);
  if (!match) return fail(`I could not read "${text.trim().slice(0, 40)}" as a time. ${TIME_EXAMPLES}`);
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  const half = match[3]?.replace(':', '');
  if (half !== undefined) {
    if (hour < 1 || hour > 12) return fail(`"${text.trim()}" is not a time on the 12-hour clock. ${TIME_EXAMPLES}`);
    if (half === 'pm' && hour !== 12) hour += 12;
    if (half === 'am' && hour === 12) hour = 0;
  } else if (match[2] === undefined) {
    // A bare "2" could be 02:00 or 14:00: ask rather than guess.
    return fail(`Is that in the morning or the afternoon? ${TIME_EXAMPLES}`);
  }
  const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  return TimeSchema.safeParse(time).success ? ok(time) : fail(`"${text.trim()}" is not a time of day. ${TIME_EXAMPLES}`);
}
