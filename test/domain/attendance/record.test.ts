import { describe, expect, it } from 'vitest';
import { cancelSession } from '../../../domain/attendance/calendar.js';
import { DEFAULT_PROGRAMME, type Programme } from '../../../domain/attendance/programme.js';
import {
  attendanceKey,
  upsertAttendance,
  validateAttendanceLog,
  validateTaskSubmission,
  type AttendanceRecord,
} from '../../../domain/attendance/record.js';
import { AFTER_W2, HEAD } from './fixtures.js';

const log = (overrides: Record<string, unknown> = {}) => ({
  sessionId: 'W2',
  urn: '100001',
  attendeeName: 'Jane Doe',
  attendeeRole: 'Pupil Premium Lead',
  status: 'present',
  loggedBy: HEAD,
  ...overrides,
});

function cancelledW2(): Programme {
  const result = cancelSession(DEFAULT_PROGRAMME, 'W2');
  if (!result.ok) throw new Error(result.errors.join(' '));
  return result.value;
}

describe('validateAttendanceLog', () => {
  it('accepts a log for a session that has started and stamps when it was logged', () => {
    expect(validateAttendanceLog(log({ attendeeName: '  Jane Doe ' }), { programme: DEFAULT_PROGRAMME, now: AFTER_W2 })).toEqual({
      ok: true,
      value: { ...log(), loggedAt: '2022-02-11T15:00:00.000Z' },
    });
  });

  it('accepts a log once the session has started, before it ends', () => {
    expect(validateAttendanceLog(log(), { programme: DEFAULT_PROGRAMME, now: new Date('2022-02-11T11:00:00Z') }).ok).toBe(true);
  });

  const refusals: { rule: string; log: unknown; programme?: Programme; error: string | RegExp }[] = [
    { rule: 'a session that has not started yet is refused, saying when it starts', log: log({ sessionId: 'T3' }), error: 'Training Session 3 (T3) has not started yet: it is on 20 May 2022 (time to be confirmed).' },
    { rule: 'a session that does not exist is refused', log: log({ sessionId: 'T9' }), error: 'There is no session T9 in the 2021/22 programme.' },
    { rule: 'a cancelled session takes no new attendance', log: log(), programme: cancelledW2(), error: 'Workshop Meeting 2 (W2) was cancelled, so there is no attendance to log for it.' },
    { rule: 'the intersessional task is handed in, not attended', log: log({ sessionId: 'IT' }), error: /handed in, not attended/ },
    { rule: 'the status is present, apologies or absent', log: log({ status: 'late' }), error: 'The status must be present, apologies or absent.' },
    { rule: "the attendee's name is not empty", log: log({ attendeeName: '   ' }), error: "The attendee's name is empty." },
    { rule: "the attendee's name is at most 100 characters", log: log({ attendeeName: 'J'.repeat(101) }), error: "The attendee's name is longer than 100 characters." },
    { rule: "the attendee's name has no control characters", log: log({ attendeeName: 'Jane\u0007Doe' }), error: /attendee's name contains characters that cannot be used/ },
    { rule: "the attendee's role is given", log: log({ attendeeRole: undefined }), error: "The attendee's role is missing." },
    { rule: 'the URN is six digits', log: log({ urn: '10001' }), error: /six digits/ },
    { rule: "the register's name is reserved", log: log({ attendeeName: 'school  REGISTER' }), error: /kept for the School Improvement Team's register/ },
    { rule: 'a log that is not an object is refused', log: 'present', error: /./ },
  ];
  it.each(refusals)('$rule', ({ log: input, programme, error }) => {
    const result = validateAttendanceLog(input, { programme: programme ?? DEFAULT_PROGRAMME, now: AFTER_W2 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      if (typeof error === 'string') expect(result.errors).toContain(error);
      else expect(result.errors.join('\n')).toMatch(error);
    }
  });

  it('reports every problem at once', () => {
    const result = validateAttendanceLog(log({ sessionId: 'T3', status: 'late' }), { programme: DEFAULT_PROGRAMME, now: AFTER_W2 });
    expect(result.ok ? [] : result.errors).toHaveLength(2);
  });
});

describe('attendanceKey', () => {
  it.each([
    ['Jane Doe', 'W2/100001/jane-doe'],
    ['  JANE   doe ', 'W2/100001/jane-doe'],
    ['Jane-Doe', 'W2/100001/jane-doe'],
    ["Siobhán O'Brien", "W2/100001/siobh%C3%A1n-o'brien"],
    ['A/B Smith', 'W2/100001/a%2Fb-smith'],
    ['..', 'W2/100001/%2E%2E'],
  ])('normalises case and spaces, and keeps the name one key segment: %j', (name, key) => {
    expect(attendanceKey('W2', '100001', name)).toBe(key);
  });
});

describe('upsertAttendance', () => {
  const first = (): AttendanceRecord => {
    const result = validateAttendanceLog(log({ status: 'apologies' }), { programme: DEFAULT_PROGRAMME, now: AFTER_W2 });
    if (!result.ok) throw new Error(result.errors.join(' '));
    return result.value;
  };

  it('logging again for the same session, school and attendee corrects the record, never duplicates it', () => {
    const correction = { ...first(), attendeeName: 'JANE  DOE', status: 'present' as const };
    const records = upsertAttendance(upsertAttendance([], first()), correction);
    expect(records).toEqual([correction]);
  });

  it('a second attendee from the same school is a second record', () => {
    const records = upsertAttendance([first()], { ...first(), attendeeName: 'John Roe' });
    expect(records).toHaveLength(2);
  });
});

describe('validateTaskSubmission', () => {
  const submission = { taskId: 'IT', urn: '100001', submittedBy: HEAD };

  it('records the intersessional task as handed in after Training Session 2', () => {
    expect(validateTaskSubmission(submission, { programme: DEFAULT_PROGRAMME, now: AFTER_W2 })).toEqual({
      ok: true,
      value: { ...submission, submittedAt: AFTER_W2.toISOString() },
    });
  });

  it.each([
    ['before the session it is set at', submission, new Date('2022-01-20T10:00:00Z'), /can be handed in after that/],
    ['for a session rather than a task', { ...submission, taskId: 'W2' }, AFTER_W2, /not a task to hand in/],
    ['for a task not in the programme', { ...submission, taskId: 'IT2' }, AFTER_W2, /no task IT2/],
  ])('refuses a task handed in %s', (_case, input, now, error) => {
    const result = validateTaskSubmission(input, { programme: DEFAULT_PROGRAMME, now });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(error);
  });
});
