import { describe, expect, it } from 'vitest';
import { mayRemindByTheDay } from '../../../domain/time/reminderHours.js';

describe('reminders due by the day go in the working day, London time', () => {
  it.each([
    ['midnight in winter', '2025-01-16T00:00:00Z', false],
    ['08:59 in winter (GMT)', '2025-01-16T08:59:00Z', false],
    ['09:00 in winter', '2025-01-16T09:00:00Z', true],
    ['the evening', '2025-01-16T21:30:00Z', true],
    ['08:30 London in summer (07:30 UTC)', '2025-06-16T07:30:00Z', false],
    ['09:00 London in summer (08:00 UTC)', '2025-06-16T08:00:00Z', true],
    ['the clocks going forward, 09:00 London', '2025-03-30T08:00:00Z', true],
    ['the clocks going back, 08:00 London', '2025-10-26T08:00:00Z', false],
  ])('%s', (_label, at, expected) => {
    expect(mayRemindByTheDay(new Date(at))).toBe(expected);
  });
});
