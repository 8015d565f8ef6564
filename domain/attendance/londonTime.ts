import { formatLongDate } from '../tsi/academicYear.js';

/**
 * The programme's sessions are advertised in UK local time. Converting through Intl (rather
 * than a hand-written summer-time rule) keeps the conversion right if the law changes, and
 * it is still pure: the answer depends only on the arguments.
 */
export const PROGRAMME_TIME_ZONE = 'Europe/London';

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: PROGRAMME_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function londonWallClock(instant: Date): { date: string; time: string; asUtcMillis: number } {
  const parts = londonParts.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '00';
  const date = `${part('year')}-${part('month')}-${part('day')}`;
  const time = `${part('hour')}:${part('minute')}`;
  const asUtcMillis = Date.UTC(Number(part('year')), Number(part('month')) - 1, Number(part('day')), Number(part('hour')), Number(part('minute')), Number(part('second')));
  return { date, time, asUtcMillis };
}

/** The instant a London wall-clock time happens: `('2022-01-31', '14:00')` → 2022-01-31T14:00Z. */
export function londonInstant(date: string, time: string): Date {
  const wallAsUtc = Date.parse(`${date}T${time}:00Z`);
  // Two passes settle the offset even on the day the clocks change.
  let guess = wallAsUtc;
  for (let pass = 0; pass < 2; pass++) {
    const offset = londonWallClock(new Date(guess)).asUtcMillis - guess;
    guess = wallAsUtc - offset;
  }
  return new Date(guess);
}

/** The London calendar date (YYYY-MM-DD) at an instant. */
export function londonDateOf(instant: Date): string {
  return londonWallClock(instant).date;
}

/** The London calendar date before a YYYY-MM-DD date. */
export function dayBefore(date: string): string {
  const previous = new Date(Date.parse(`${date}T12:00:00Z`) - 24 * 60 * 60 * 1000);
  return previous.toISOString().slice(0, 10);
}

/** '2022-01-31', '14:00' → '31 January 2022 at 14:00', as a headteacher reads it. */
export function formatWhen(date: string, time: string): string {
  return `${formatLongDate(date)} at ${time}`;
}

export function isValidInstant(instant: Date): boolean {
  return instant instanceof Date && !Number.isNaN(instant.getTime());
}
