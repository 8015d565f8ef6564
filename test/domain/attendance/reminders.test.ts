import { describe, expect, it } from 'vitest';
import { cancelSession } from '../../../domain/attendance/calendar.js';
import { DEFAULT_PROGRAMME } from '../../../domain/attendance/programme.js';
import { remindersDue } from '../../../domain/attendance/reminders.js';

const due = (at: string, sent: string[] = []) => remindersDue(DEFAULT_PROGRAMME, new Date(at), sent).map((reminder) => reminder.id);

describe('remindersDue', () => {
  it.each([
    ['08:59 London time the day before T1 (summer time)', '2021-09-30T07:59:00Z', []],
    ['09:00 London time the day before T1', '2021-09-30T08:00:00Z', ['day_before/T1']],
    ['the morning of T1, before it starts', '2021-10-01T12:59:00Z', ['day_before/T1']],
    ['once T1 has started and before it ends', '2021-10-01T13:30:00Z', []],
    ['once T1 has ended', '2021-10-01T15:00:00Z', ['log_prompt/T1']],
    ['6 days after T1', '2021-10-07T15:00:00Z', ['log_prompt/T1']],
    ['7 days after T1', '2021-10-08T15:00:00Z', []],
    ['09:00 the day before T2 (winter time)', '2022-01-30T09:00:00Z', ['day_before/T2']],
    ['the day before W2', '2022-02-10T10:00:00Z', ['day_before/W2']],
    ['the day after T2', '2022-02-01T10:00:00Z', ['log_prompt/T2']],
  ])('due %s', (_when, at, ids) => {
    expect(due(at)).toEqual(ids);
  });

  it('each reminder is due once: a sent one is not due again', () => {
    expect(due('2022-02-01T10:00:00Z', ['log_prompt/T2'])).toEqual([]);
    expect(due('2022-02-10T10:00:00Z', ['log_prompt/T2', 'day_before/W2'])).toEqual([]);
    expect(due('2022-02-10T10:00:00Z', ['day_before/T2'])).toEqual(['day_before/W2']);
  });

  it('a cancelled session gets no reminders', () => {
    const result = cancelSession(DEFAULT_PROGRAMME, 'W2');
    if (!result.ok) throw new Error(result.errors.join(' '));
    expect(remindersDue(result.value, new Date('2022-02-10T10:00:00Z'), [])).toEqual([]);
    expect(remindersDue(result.value, new Date('2022-02-11T14:00:00Z'), [])).toEqual([]);
  });
});
