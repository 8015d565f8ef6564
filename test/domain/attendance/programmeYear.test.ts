import { describe, expect, it } from 'vitest';
import { copyProgrammeForward, DEFAULT_PROGRAMME, findSession, nextProgrammeYear, startedSessions, type Meeting } from '../../../domain/attendance/programme.js';
import { checkSessionLoggable } from '../../../domain/attendance/record.js';

describe('a session whose time is to be confirmed', () => {
  // T2 (31 January 2022) has a placeholder time of 14:00.
  it.each([
    ['the evening before its day', '2022-01-30T23:30:00Z', false],
    ['the start of its day in London', '2022-01-31T00:00:00Z', true],
    ['the morning of its day, before the placeholder time', '2022-01-31T09:00:00Z', true],
  ])('%s: logging allowed is %s', (_when, at, allowed) => {
    expect(checkSessionLoggable(DEFAULT_PROGRAMME, 'T2', new Date(at)).ok).toBe(allowed);
    expect(startedSessions(DEFAULT_PROGRAMME, new Date(at)).some((meeting) => meeting.id === 'T2')).toBe(allowed);
  });

  it('a confirmed time still opens logging only at the start time', () => {
    expect(checkSessionLoggable(DEFAULT_PROGRAMME, 'T1', new Date('2021-10-01T09:00:00Z')).ok).toBe(false);
    expect(checkSessionLoggable(DEFAULT_PROGRAMME, 'T1', new Date('2021-10-01T13:00:00Z')).ok).toBe(true);
  });
});

describe('a new programme year copied forward', () => {
  const next = copyProgrammeForward(DEFAULT_PROGRAMME, '2022/23');

  it('moves each meeting a whole number of weeks on, so it keeps its weekday, and marks its time to be confirmed', () => {
    const before = findSession(DEFAULT_PROGRAMME, 'T1') as Meeting;
    const after = findSession(next, 'T1') as Meeting;
    expect(after.date).toBe('2022-09-30');
    expect(new Date(after.date).getUTCDay()).toBe(new Date(before.date).getUTCDay());
    expect(after).toMatchObject({ timesConfirmed: false, onlineLink: null, cancelled: false });
    expect(next.year).toBe('2022/23');
  });

  it('keeps the intersessional task, with the strategy plan and the signposting on system wide support', () => {
    expect(findSession(next, 'IT')).toMatchObject({ kind: 'task', opensAfter: 'T2', dueBefore: 'T3' });
    expect(findSession(next, 'IT')?.topic).toContain('signposting on system wide support');
  });

  it.each([
    ['2022/23', true, ''],
    ['2021/22', false, 'already for 2021/22'],
    ['2022/24', false, 'not an academic year'],
    ['next year', false, 'not an academic year'],
  ])('"%s" as the new year', (year, ok, reason) => {
    const result = nextProgrammeYear(DEFAULT_PROGRAMME, year);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.errors.join(' ')).toContain(reason);
  });
});
