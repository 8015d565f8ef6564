import { z } from 'zod';
import { fail, ok, type Result } from '../result.js';
import { isValidInstant } from '../time/londonTime.js';
import { issueMessages, lineOfText, noteText, PersonSchema, SchoolUrnSchema } from './userInput.js';
import { describeStart, findSession, SessionIdSchema, sessionLabel, sessionOpensForLogging, type Meeting, type Programme, type Task } from './programme.js';

export const ATTENDANCE_STATUSES = ['present', 'apologies', 'absent'] as const;
export const AttendanceStatusSchema = z.enum(ATTENDANCE_STATUSES, { error: 'the status must be present, apologies or absent' });
export type AttendanceStatus = z.infer<typeof AttendanceStatusSchema>;

/** One attendee from one school at one session; see {@link attendanceKey} for what makes two records the same. */
export const AttendanceRecordSchema = z.object({
  sessionId: SessionIdSchema,
  urn: SchoolUrnSchema,
  attendeeName: lineOfText("the attendee's name"),
  attendeeRole: lineOfText("the attendee's role"),
  status: AttendanceStatusSchema,
  loggedBy: PersonSchema,
  loggedAt: z.iso.datetime(),
});
export type AttendanceRecord = z.infer<typeof AttendanceRecordSchema>;

const AttendanceLogSchema = z.object(AttendanceRecordSchema.omit({ loggedAt: true }).shape, { error: 'the attendance log was not understood' });
/** What a headteacher (or the SIT) sends to log attendance: a record without its time, which the rule stamps. */
export type AttendanceLog = z.input<typeof AttendanceLogSchema>;

/**
 * The name the SIT's register writes its one line per school under (see registerChanges). It
 * is reserved so that a logged attendee can never be mistaken for the register's line.
 */
export const REGISTER_ATTENDEE = { name: 'School register', role: 'Recorded by the School Improvement Team' } as const;

/**
 * An attendee's name as it identifies them: compatibility forms folded (NFKC), lower case, and
 * every run of spaces made one hyphen, so "Jane  Doe", "jane doe" and "Jane-Doe" are the same
 * person. The result is escaped to be one key segment (no `/`, no dot segments).
 */
export function normaliseAttendeeName(attendeeName: string): string {
  const folded = attendeeName.normalize('NFKC').toLowerCase().trim().replace(/\s+/gu, '-');
  return encodeURIComponent(folded).replace(/\./g, '%2E');
}

/**
 * The identity of an attendance record: session, school and normalised attendee name, as
 * `T1/100001/jane-doe`. Logging again with the same key replaces the earlier record, so a
 * second log for the same person CORRECTS their attendance and never adds a duplicate.
 * A repository puts its own prefix in front (`attendance/`), so a session's records list by
 * the prefix `attendance/T1/`.
 */
export function attendanceKey(sessionId: string, urn: string, attendeeName: string): string {
  return `${sessionId}/${urn}/${normaliseAttendeeName(attendeeName)}`;
}

export function keyOf(record: AttendanceRecord): string {
  return attendanceKey(record.sessionId, record.urn, record.attendeeName);
}

/** The records with `record` in place of any with the same key: a correction, not a second line. */
export function upsertAttendance(records: readonly AttendanceRecord[], record: AttendanceRecord): AttendanceRecord[] {
  const key = keyOf(record);
  let replaced = false;
  const next = records.map((existing) => {
    if (keyOf(existing) !== key) return existing;
    replaced = true;
    return record;
  });
  return replaced ? next : [...next, record];
}

/**
 * Whether attendance can be logged for a session now: it must exist, be a meeting (the task
 * is handed in, not attended), not be cancelled, and have started. Logging stays open after
 * a session ends so that a school can log late or correct itself.
 */
export function checkSessionLoggable(programme: Programme, sessionId: string, now: Date): Result<Meeting> {
  const session = findSession(programme, sessionId);
  if (!session) return fail(`There is no session ${sessionId} in the ${programme.year} programme.`);
  if (session.kind === 'task') return fail(`${sessionLabel(session)} is handed in, not attended: record it as submitted instead.`);
  if (session.cancelled) return fail(`${sessionLabel(session)} was cancelled, so there is no attendance to log for it.`);
  if (sessionOpensForLogging(session).getTime() > now.getTime()) {
    return fail(`${sessionLabel(session)} has not started yet: it is on ${describeStart(session)}.`);
  }
  return ok(session);
}

const UNKNOWN_NOW = 'The time now is not known, so nothing was logged. Please try again.';

/** Checks a log of attendance and stamps it; the caller stores it under {@link attendanceKey}. */
export function validateAttendanceLog(log: unknown, context: { programme: Programme; now: Date }): Result<AttendanceRecord> {
  if (!isValidInstant(context.now)) return fail(UNKNOWN_NOW);
  const parsed = AttendanceLogSchema.safeParse(log);
  const errors = parsed.success ? [] : issueMessages(parsed.error);
  const sessionId = (log as { sessionId?: unknown } | null | undefined)?.sessionId;
  if (typeof sessionId === 'string' && SessionIdSchema.safeParse(sessionId).success) {
    const loggable = checkSessionLoggable(context.programme, sessionId, context.now);
    if (!loggable.ok) errors.push(...loggable.errors);
  }
  if (parsed.success && normaliseAttendeeName(parsed.data.attendeeName) === normaliseAttendeeName(REGISTER_ATTENDEE.name)) {
    errors.push(`"${REGISTER_ATTENDEE.name}" is kept for the School Improvement Team's register: please give the attendee's own name.`);
  }
  if (!parsed.success || errors.length > 0) return fail(...errors);
  return ok({ ...parsed.data, loggedAt: context.now.toISOString() });
}

/** A school's intersessional task handed in. */
export const TaskSubmissionSchema = z.object({
  taskId: SessionIdSchema,
  urn: SchoolUrnSchema,
  submittedBy: PersonSchema,
  submittedAt: z.iso.datetime(),
  note: noteText('the note', 1000).optional(),
});
export type TaskSubmission = z.infer<typeof TaskSubmissionSchema>;

const TaskSubmissionInputSchema = z.object(TaskSubmissionSchema.omit({ submittedAt: true }).shape, { error: 'the task submission was not understood' });

function checkTaskOpen(programme: Programme, taskId: string, now: Date): Result<Task> {
  const task = findSession(programme, taskId);
  if (!task) return fail(`There is no task ${taskId} in the ${programme.year} programme.`);
  if (task.kind !== 'task') return fail(`${sessionLabel(task)} is a session to attend, not a task to hand in.`);
  if (task.cancelled) return fail(`${sessionLabel(task)} was cancelled, so there is nothing to hand in.`);
  const opens = findSession(programme, task.opensAfter);
  if (opens && opens.kind !== 'task' && sessionOpensForLogging(opens).getTime() > now.getTime()) {
    return fail(`${sessionLabel(task)} is set at ${sessionLabel(opens)}, on ${describeStart(opens)}: it can be handed in after that.`);
  }
  return ok(task);
}

/** Checks that a school's task can be recorded as handed in now, and stamps it. Handing in again replaces the earlier one. */
export function validateTaskSubmission(input: unknown, context: { programme: Programme; now: Date }): Result<TaskSubmission> {
  if (!isValidInstant(context.now)) return fail(UNKNOWN_NOW);
  const parsed = TaskSubmissionInputSchema.safeParse(input);
  if (!parsed.success) return fail(...issueMessages(parsed.error));
  const open = checkTaskOpen(context.programme, parsed.data.taskId, context.now);
  if (!open.ok) return open;
  return ok({ ...parsed.data, submittedAt: context.now.toISOString() });
}
