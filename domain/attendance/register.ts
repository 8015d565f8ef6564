import { UrnSchema, type LiaisonGroup, type School } from '../directory/types.js';
import { fail, ok, type Result } from '../result.js';
import { isValidInstant } from '../time/londonTime.js';
import { issueMessages, PersonSchema, type Person } from './userInput.js';
import { SessionIdSchema } from './programme.js';
import { normaliseAttendeeName, REGISTER_ATTENDEE, type AttendanceRecord, type AttendanceStatus } from './record.js';

/**
 * The records the SIT's register writes for a session: one line per school, under the
 * reserved attendee {@link REGISTER_ATTENDEE}, so the register never overwrites what a school
 * logged for a named attendee. A school's status at a session is the best of all its lines
 * (see StatusAt in summary.ts), so a school present by either account counts as present.
 *
 * A save covers one page of the register (`covered`, see registerPages): each school on it is
 * present, sent apologies, or otherwise absent, as the page showed it. Schools on other pages
 * keep what they have (or stay with no record). Only records that change are returned, so saving
 * an unchanged page writes nothing. The caller checks the session can be logged
 * (checkSessionLoggable) before saving.
 */
export function registerChanges(
  sessionId: string,
  covered: readonly string[],
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
  const onPage = new Set(covered);
  for (const urn of [...present, ...apologies]) {
    if (!UrnSchema.safeParse(urn).success) errors.push(`${String(urn)} is not a school URN (six digits).`);
    else if (!onPage.has(urn)) errors.push(`The school with URN ${urn} is not on this page of the register.`);
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
  for (const urn of onPage) wanted.set(urn, 'absent');
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

/** The council's own page size: a register page of this many long-named schools stays well within a Teams card's 80 KB. */
export const REGISTER_PAGE_SIZE = 30;

export interface RegisterPage {
  /** `<liaison group id>/<part>`, or `none/<part>` for schools outside every group. */
  readonly id: string;
  readonly title: string;
  readonly schools: readonly School[];
}

/**
 * A session's register in pages, one per liaison group (in the groups' order), so each card
 * stays within Teams' size limit and a save covers only the schools its card showed. A group
 * larger than {@link REGISTER_PAGE_SIZE} is split into parts; schools outside every group come last.
 */
export function registerPages(schools: readonly School[], groups: readonly LiaisonGroup[]): RegisterPage[] {
  const known = new Set(groups.map((group) => group.id));
  const sections: { key: string; name: string; schools: School[] }[] = [
    ...groups.map((group) => ({ key: group.id, name: group.name, schools: schools.filter((school) => school.liaisonGroupId === group.id) })),
    { key: 'none', name: 'Not in a liaison group', schools: schools.filter((school) => !school.liaisonGroupId || !known.has(school.liaisonGroupId)) },
  ];
  return sections.flatMap(({ key, name, schools: members }) => {
    const parts = Math.ceil(members.length / REGISTER_PAGE_SIZE);
    return Array.from({ length: parts }, (_, index) => ({
      id: `${key}/${index + 1}`,
      title: parts > 1 ? `${name} (part ${index + 1} of ${parts})` : name,
      schools: members.slice(index * REGISTER_PAGE_SIZE, (index + 1) * REGISTER_PAGE_SIZE),
    }));
  });
}
