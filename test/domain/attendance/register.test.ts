import { describe, expect, it } from 'vitest';
import { REGISTER_ATTENDEE, type AttendanceRecord } from '../../../domain/attendance/record.js';
import { registerChanges } from '../../../domain/attendance/register.js';
import { schoolStatusAt } from '../../../domain/attendance/summary.js';
import { AFTER_W2, record, SIT } from './fixtures.js';

const CONTEXT = { by: SIT, now: AFTER_W2 };

function changes(present: string[], apologies: string[], existing: AttendanceRecord[] = []): AttendanceRecord[] {
  const result = registerChanges('W2', present, apologies, existing, CONTEXT);
  if (!result.ok) throw new Error(result.errors.join(' '));
  return result.value;
}

describe('registerChanges', () => {
  it('writes one register line per school ticked', () => {
    expect(changes(['100002', '100001', '100001'], ['100003']).map((line) => [line.urn, line.attendeeName, line.status])).toEqual([
      ['100001', REGISTER_ATTENDEE.name, 'present'],
      ['100002', REGISTER_ATTENDEE.name, 'present'],
      ['100003', REGISTER_ATTENDEE.name, 'apologies'],
    ]);
  });

  it('refuses a school marked both present and sending apologies', () => {
    expect(registerChanges('W2', ['100001', '100002'], ['100002'], [], CONTEXT)).toEqual({
      ok: false,
      errors: ['The school with URN 100002 is marked both present and sending apologies: choose one.'],
    });
  });

  it('refuses something that is not a URN', () => {
    expect(registerChanges('W2', ['abc'], [], [], CONTEXT)).toEqual({ ok: false, errors: ['abc is not a school URN (six digits).'] });
  });

  it('saving the same register again writes nothing', () => {
    const first = changes(['100001'], ['100003']);
    expect(changes(['100001'], ['100003'], first)).toEqual([]);
  });

  it('a school unticked since the last save becomes absent; one moved from apologies to present is corrected', () => {
    const first = changes(['100001'], ['100003']);
    expect(changes(['100003'], [], first).map((line) => [line.urn, line.status])).toEqual([
      ['100001', 'absent'],
      ['100003', 'present'],
    ]);
  });

  it("the register never overwrites a school's own record of a named attendee", () => {
    const own = record('W2', '100001', 'present');
    const lines = changes([], ['100001'], [own]);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.attendeeName).toBe(REGISTER_ATTENDEE.name);
    expect(schoolStatusAt('W2', '100001', [own, ...lines])).toBe('present');
  });
});
