import { UrnSchema } from '../directory/types.js';
import { fail, ok, type Result } from '../result.js';
import { isValidInstant } from '../time/londonTime.js';
import { issueMessages, PersonSchema, type Person } from './userInput.js';
import { SessionIdSchema } from './programme.js';
import { normaliseAttendeeName, REGISTER_ATTENDEE, type AttendanceRecord, type AttendanceStatus } from './record.js';

/**
 * The records the SIT's register writes for a session: one line per school, under the
 * reserved attendee {@link REGISTER_ATTENDEE}, so the register never overwrites what a school
 * logged for a named attendee. A school's status at a session is the best of all its lines
 * (see schoolStatusAt), so a school present by either account counts as present.
 *
 * Schools ticked present or apologies get that status; a school the register marked before
 * and that is now in neither list becomes absent (the SIT unticked it). Only records that
 * change are returned, so saving an unchanged register writes nothing. The caller checks the
 * session can be logged (checkSessionLoggable) before saving.
 */
export function registerChanges(
  sessionId: string,
  present: readonly string[],
  apologies: readonly string[],
  existing: readonly AttendanceRecord[],
  context: { by: Person; now: Date },
): Result<AttendanceRecord[]> {
  const errors: string[] = [];
  if (!SessionIdSchema.safeParse(sessionId).success) errors.push(`${String(sessionId)} is not a session id.`);
  const by = PersonSchema.safeParse(context.by);
  if (!by.success) errors.push(...issueMessages(by.error));
  if (!isValidInstant(context.now)) errors.push('The time now is not known, so the register was not saved. Please try again.');
  for (const urn of [...present, ...apologies]) {
    if (!UrnSchema.safeParse(urn).success) errors.push(`${String(urn)} is not a school URN (six digits).`);
  }
  const apologySet = new Set(apologies);
  for (const urn of new Set(present)) {
    if (apologySet.has(urn)) errors.push(`The school with URN ${urn} is marked both present and sending apologies: choose one.`);
  }
  if (errors.length > 0 || !by.success) return fail(...errors);

  const registerKey = normaliseAttendeeName(REGISTER_ATTENDEE.name);
  const registered = new Map(
    existing
      .filter((record) => record.sessionId === sessionId && normaliseAttendeeName(record.attendeeName) === registerKey)
      .map((record) => [record.urn, record.status] as const),
  );
  const wanted = new Map<string, AttendanceStatus>();
  for (const urn of registered.keys()) wanted.set(urn, 'absent');
  for (const urn of present) wanted.set(urn, 'present');
  for (const urn of apologies) wanted.set(urn, 'apologies');

  const loggedAt = context.now.toISOString();
  const changes: AttendanceRecord[] = [];
  for (const [urn, status] of [...wanted].sort(([a], [b]) => a.localeCompare(b))) {
    if (registered.get(urn) === status) continue;
    changes.push({
      sessionId,
      urn,
      attendeeName: REGISTER_ATTENDEE.name,
      attendeeRole: REGISTER_ATTENDEE.role,
      status,
      loggedBy: by.data,
      loggedAt,
    });
  }
  return ok(changes);
}
