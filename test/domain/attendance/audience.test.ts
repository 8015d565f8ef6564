import { describe, expect, it } from 'vitest';
import { championUrns, latestOwnLine, reminderRecipients, sessionAudience, type SchoolPerson } from '../../../domain/attendance/audience.js';
import { addSession } from '../../../domain/attendance/calendar.js';
import { DEFAULT_PROGRAMME, findSession, type Meeting } from '../../../domain/attendance/programme.js';
import { REGISTER_ATTENDEE, type AttendanceRecord } from '../../../domain/attendance/record.js';
import { record, SCHOOLS, SIT } from './fixtures.js';

const HEAD: SchoolPerson = { aadObjectId: 'aad-head', name: 'Hana Head', urn: '100001' };
const LEAD: SchoolPerson = { aadObjectId: 'aad-lead', name: 'Jane Doe', urn: '100001' };
const OTHER: SchoolPerson = { aadObjectId: 'aad-other', name: 'Omar Other', urn: '100002' };
const PEOPLE = [HEAD, LEAD, OTHER];

const at = (entry: AttendanceRecord, loggedAt: string, loggedBy = { aadObjectId: 'aad-head', name: 'Hana Head' }): AttendanceRecord => ({ ...entry, loggedAt, loggedBy });

describe('reminderRecipients', () => {
  it('before the school has logged anyone, everyone whose profile names it', () => {
    expect(reminderRecipients('100001', PEOPLE, undefined)).toEqual([HEAD, LEAD]);
  });

  it('the most recent attendee logged, matched by name', () => {
    const records = [at(record('T1', '100001', 'present', 'Hana Head'), '2021-10-01T16:00:00.000Z'), at(record('W1', '100001', 'present', 'jane  doe'), '2021-11-01T13:00:00.000Z')];
    expect(reminderRecipients('100001', PEOPLE, latestOwnLine(records))).toEqual([LEAD]);
  });

  it('the person who logged the most recent attendee, when that attendee has no profile', () => {
    const records = [at(record('W1', '100001', 'present', 'Someone New'), '2021-11-01T13:00:00.000Z', { aadObjectId: 'aad-lead', name: 'Jane Doe' })];
    expect(reminderRecipients('100001', PEOPLE, latestOwnLine(records))).toEqual([LEAD]);
  });

  it("the SIT's register says nothing about who attends", () => {
    const register: AttendanceRecord = { ...record('W1', '100001', 'present', REGISTER_ATTENDEE.name), loggedBy: SIT };
    expect(reminderRecipients('100001', PEOPLE, latestOwnLine([register]))).toEqual([HEAD, LEAD]);
  });

  it('nobody, for a school nobody has a profile for', () => {
    expect(reminderRecipients('100003', PEOPLE, undefined)).toEqual([]);
  });
});

describe('sessionAudience', () => {
  const withNetwork = addSession(DEFAULT_PROGRAMME, { id: 'N1', kind: 'network', title: 'Network Group', date: '2022-03-02', start: '15:30', end: '17:00' });
  const network = withNetwork.ok ? (findSession(withNetwork.value, 'N1') as Meeting) : undefined;

  it('a universal session is for every signed-up school', () => {
    expect(sessionAudience(findSession(DEFAULT_PROGRAMME, 'T2') as Meeting, SCHOOLS, new Set(['100001']))).toEqual(SCHOOLS);
  });

  it('a network group is for the champion schools only', () => {
    expect(sessionAudience(network as Meeting, SCHOOLS, new Set(['100001'])).map((school) => school.urn)).toEqual(['100001']);
  });
});

describe('championUrns', () => {
  it.each([
    ['a selected nomination names its first choice', [{ status: 'selected', first: { urn: '100001' }, second: { urn: '100002' } }], ['100001']],
    ['a nomination as the nomination journey stores it, wrapped with its chat', [{ nomination: { status: 'selected', first: { urn: '100003' } }, conversationId: '19:chat', actedBy: [] }], ['100003']],
    ['a reserve selected names the second choice', [{ status: 'reserve_selected', first: { urn: '100001' }, second: { urn: '100002' } }], ['100002']],
    ['a submitted or unselected nomination names nobody', [{ status: 'submitted', first: { urn: '100001' } }, { status: 'not_selected', first: { urn: '100003' } }], []],
    ['a record of another shape is ignored', [null, 'text', { status: 'selected', first: { urn: 'not-a-urn' } }, { first: { urn: '100001' } }], []],
  ])('%s', (_rule, nominations, urns) => {
    expect([...championUrns(nominations)]).toEqual(urns);
  });
});
