import { describe, expect, it } from 'vitest';
import { REGISTER_ATTENDEE, type AttendanceRecord } from '../../../domain/attendance/record.js';
import { REGISTER_PAGE_SIZE, registerChanges, registerPages } from '../../../domain/attendance/register.js';
import type { School } from '../../../domain/directory/types.js';
import { statusesFrom } from '../../../domain/attendance/summary.js';
import { AFTER_W2, record, SIT } from './fixtures.js';

const CONTEXT = { by: SIT, now: AFTER_W2 };

const PAGE = ['100001', '100002', '100003'];

function changes(present: string[], apologies: string[], existing: AttendanceRecord[] = [], covered = PAGE): AttendanceRecord[] {
  const result = registerChanges('W2', covered, present, apologies, existing, CONTEXT);
  if (!result.ok) throw new Error(result.errors.join(' '));
  return result.value;
}

describe('registerChanges', () => {
  it('writes one register line per school on the page', () => {
    expect(changes(['100002', '100001', '100001'], ['100003']).map((line) => [line.urn, line.attendeeName, line.status])).toEqual([
      ['100001', REGISTER_ATTENDEE.name, 'present'],
      ['100002', REGISTER_ATTENDEE.name, 'present'],
      ['100003', REGISTER_ATTENDEE.name, 'apologies'],
    ]);
  });

  it('a school on the page marked neither present nor apologies is recorded absent', () => {
    expect(changes(['100001'], []).map((line) => [line.urn, line.status])).toEqual([
      ['100001', 'present'],
      ['100002', 'absent'],
      ['100003', 'absent'],
    ]);
  });

  it('a save leaves the schools of other pages as they are', () => {
    const otherPage = changes(['100003'], [], [], ['100003']);
    expect(changes(['100001'], [], otherPage, ['100001', '100002']).map((line) => [line.urn, line.status])).toEqual([
      ['100001', 'present'],
      ['100002', 'absent'],
    ]);
  });

  it('refuses a school that is not on the page saved', () => {
    expect(registerChanges('W2', ['100001'], ['100001'], ['100002'], [], CONTEXT)).toEqual({
      ok: false,
      errors: ['The school with URN 100002 is not on this page of the register.'],
    });
  });

  it('refuses a school marked both present and sending apologies', () => {
    expect(registerChanges('W2', PAGE, ['100001', '100002'], ['100002'], [], CONTEXT)).toEqual({
      ok: false,
      errors: ['The school with URN 100002 is marked both present and sending apologies: choose one.'],
    });
  });

  it('refuses something that is not a URN', () => {
    expect(registerChanges('W2', PAGE, ['abc'], [], [], CONTEXT)).toEqual({ ok: false, errors: ['abc is not a school URN (six digits).'] });
  });

  it('saving the same register again writes nothing', () => {
    const first = changes(['100001'], ['100003']);
    expect(changes(['100001'], ['100003'], first)).toEqual([]);
  });

  it('a school set back from present becomes absent; one moved from apologies to present is corrected', () => {
    const first = changes(['100001'], ['100003']);
    expect(changes(['100003'], [], first).map((line) => [line.urn, line.status])).toEqual([
      ['100001', 'absent'],
      ['100003', 'present'],
    ]);
  });

  it("the register never overwrites a school's own record of a named attendee", () => {
    const own = record('W2', '100001', 'present');
    const lines = changes([], ['100001'], [own], ['100001']);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.attendeeName).toBe(REGISTER_ATTENDEE.name);
    expect(statusesFrom([own, ...lines])('W2', '100001')).toBe('present');
  });
});

describe('registerPages', () => {
  const school = (index: number, liaisonGroupId?: string): School => ({
    urn: String(100000 + index),
    name: `School ${index}`,
    type: 'Community school',
    phase: 'primary',
    localAuthority: 'Buckinghamshire',
    ...(liaisonGroupId ? { liaisonGroupId } : {}),
  });
  const groups = [
    { id: 'lg-01', name: 'Amersham' },
    { id: 'lg-02', name: 'Wycombe' },
    { id: 'lg-03', name: 'Empty' },
  ];

  it('one page per liaison group in the groups’ order, a big group in parts, schools outside every group last', () => {
    const big = Array.from({ length: REGISTER_PAGE_SIZE + 1 }, (_, index) => school(index + 10, 'lg-02'));
    const pages = registerPages([school(1, 'lg-01'), ...big, school(2), school(3, 'lg-99')], groups);
    expect(pages.map((page) => [page.id, page.title, page.schools.length])).toEqual([
      ['lg-01/1', 'Amersham', 1],
      ['lg-02/1', 'Wycombe (part 1 of 2)', REGISTER_PAGE_SIZE],
      ['lg-02/2', 'Wycombe (part 2 of 2)', 1],
      ['none/1', 'Not in a liaison group', 2],
    ]);
    expect(new Set(pages.flatMap((page) => page.schools.map((entry) => entry.urn))).size).toBe(REGISTER_PAGE_SIZE + 4);
  });
});
