import { z } from 'zod';
import { UrnSchema } from '../directory/types.js';
import { isUniversal, type Meeting } from './programme.js';
import { normaliseAttendeeName, REGISTER_ATTENDEE, type AttendanceRecord } from './record.js';

/** Someone whose profile names a school: who can be reminded about its sessions. */
export interface SchoolPerson {
  readonly aadObjectId: string;
  readonly name: string;
  readonly urn: string;
}

const registerKey = normaliseAttendeeName(REGISTER_ATTENDEE.name);

/** The latest line a school logged itself, of those given (one school's): the SIT's register lines say nothing about who attended. */
export function latestOwnLine(records: readonly AttendanceRecord[]): AttendanceRecord | undefined {
  let latest: AttendanceRecord | undefined;
  for (const record of records) {
    if (normaliseAttendeeName(record.attendeeName) === registerKey) continue;
    if (latest === undefined || record.loggedAt > latest.loggedAt) latest = record;
  }
  return latest;
}

/**
 * Who at a school hears about a session. The school said who attends by logging: the most
 * recent attendee it logged (`latest`, see latestOwnLine; matched to a person by name, else
 * the person who logged it). Until it has logged anyone, everyone whose profile names the
 * school hears, since any of them may be the one who goes.
 */
export function reminderRecipients(urn: string, people: readonly SchoolPerson[], latest: AttendanceRecord | undefined): SchoolPerson[] {
  const atSchool = people.filter((person) => person.urn === urn);
  if (atSchool.length === 0) return [];
  if (!latest) return atSchool;
  const attendee = normaliseAttendeeName(latest.attendeeName);
  const byName = atSchool.find((person) => normaliseAttendeeName(person.name) === attendee);
  if (byName) return [byName];
  const logger = atSchool.find((person) => person.aadObjectId === latest.loggedBy.aadObjectId);
  return logger ? [logger] : atSchool;
}

/**
 * The schools a session is for: the universal sessions are for every signed-up school; a
 * network group is for the champion schools only.
 */
export function sessionAudience<S extends { readonly urn: string }>(meeting: Meeting, signedUp: readonly S[], championUrns: ReadonlySet<string>): S[] {
  return isUniversal(meeting) ? [...signedUp] : signedUp.filter((school) => championUrns.has(school.urn));
}

/*
 * Champion schools come from the liaison groups' nominations, stored by another journey. Only
 * the fields needed here are read, leniently, so that a nomination saved by a newer or older
 * version (or half-written) never stops attendance from working: it just names no champion.
 */
const DecidedNominationSchema = z.object({
  status: z.string(),
  first: z.object({ urn: UrnSchema.optional() }).loose().optional(),
  second: z.object({ urn: UrnSchema.optional() }).loose().optional(),
});

/** The nomination journey stores `{ nomination, conversationId, actedBy }`; a bare nomination is read too. */
function nominationIn(stored: unknown): unknown {
  const wrapped = (stored as { nomination?: unknown } | null | undefined)?.nomination;
  return typeof wrapped === 'object' && wrapped !== null ? wrapped : stored;
}

/**
 * The URNs of champion schools: a group's first choice when its nomination was `selected`,
 * and its second choice (the reserve) when the SIT selected the reserve instead.
 */
export function championUrns(nominations: readonly unknown[]): Set<string> {
  const urns = new Set<string>();
  for (const candidate of nominations) {
    const parsed = DecidedNominationSchema.safeParse(nominationIn(candidate));
    if (!parsed.success) continue;
    const { status, first, second } = parsed.data;
    if (status === 'selected' && first?.urn) urns.add(first.urn);
    if (status === 'reserve_selected' && second?.urn) urns.add(second.urn);
  }
  return urns;
}
