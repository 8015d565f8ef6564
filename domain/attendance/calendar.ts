import { z } from 'zod';
import { fail, ok, type Result } from '../result.js';
import { issueMessages } from './userInput.js';
import { calendarProblems, findSession, SessionDateSchema, SessionSchema, sessionLabel, TimeSchema, type Programme, type Session } from './programme.js';

/*
 * The SIT keeps the calendar: adds network group meetings, moves a session, cancels one.
 * Each edit returns a new programme, checked as a whole, or the reasons it cannot be made.
 * Attendance records are stored apart from the calendar, so no edit here removes any.
 */

function withSessions(programme: Programme, sessions: Session[]): Result<Programme> {
  const problems = calendarProblems(sessions);
  return problems.length > 0 ? fail(...problems) : ok({ ...programme, sessions });
}

function noSuchSession(programme: Programme, sessionId: string): Result<never> {
  return fail(`There is no session ${sessionId} in the ${programme.year} programme.`);
}

/** Adds a session (typically a termly Side by Side Disadvantaged Network Group, kind `network`). */
export function addSession(programme: Programme, input: unknown): Result<Programme> {
  const parsed = SessionSchema.safeParse(input);
  if (!parsed.success) return fail(...issueMessages(parsed.error));
  const existing = findSession(programme, parsed.data.id);
  if (existing) return fail(`There is already a session with the id ${existing.id}: ${existing.title}.`);
  return withSessions(programme, [...programme.sessions, parsed.data]);
}

const NewTimeSchema = z.object(
  { date: SessionDateSchema, start: TimeSchema, end: TimeSchema },
  { error: 'the new date and times are missing' },
);

/** Moves a meeting to a new date and times; the SIT setting a time confirms it. */
export function moveSession(programme: Programme, sessionId: string, when: unknown): Result<Programme> {
  const session = findSession(programme, sessionId);
  if (!session) return noSuchSession(programme, sessionId);
  if (session.kind === 'task') {
    return fail(`${sessionLabel(session)} has no date of its own: it is set at ${session.opensAfter} and due before ${session.dueBefore}, so move those sessions instead.`);
  }
  const parsed = NewTimeSchema.safeParse(when);
  if (!parsed.success) return fail(...issueMessages(parsed.error));
  const moved: Session = { ...session, ...parsed.data, timesConfirmed: true };
  return withSessions(
    programme,
    programme.sessions.map((other) => (other.id === session.id ? moved : other)),
  );
}

/**
 * Cancels a session. It stays in the calendar (marked cancelled) so that anything already
 * recorded against it keeps its meaning; cancelling twice changes nothing.
 */
export function cancelSession(programme: Programme, sessionId: string): Result<Programme> {
  const session = findSession(programme, sessionId);
  if (!session) return noSuchSession(programme, sessionId);
  if (session.cancelled) return ok(programme);
  return ok({ ...programme, sessions: programme.sessions.map((other) => (other.id === session.id ? { ...other, cancelled: true } : other)) });
}
