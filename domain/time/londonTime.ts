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

const HOUR_MS = 60 * 60 * 1000;

/** London's offset from UTC in each UTC hour asked about, worked out once per hour. */
const offsetByUtcHour = new Map<number, number>();

/**
 * London's offset from UTC at an instant. The clocks change on the hour in UTC (01:00), so the
 * offset is the same for a whole UTC hour; formatting through Intl is slow enough to matter on
 * every turn, so each hour's offset is remembered (a few thousand hours at most).
 */
function londonOffsetMillis(instant: Date): number {
  const hour = Math.floor(instant.getTime() / HOUR_MS);
  const known = offsetByUtcHour.get(hour);
  if (known !== undefined) return known;
  const hourStart = hour * HOUR_MS;
  const parts = londonParts.formatToParts(new Date(hourStart));
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? '0');
  const offset = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - hourStart;
  if (offsetByUtcHour.size >= 10_000) offsetByUtcHour.clear();
  offsetByUtcHour.set(hour, offset);
  return offset;
}

function londonWallClock(instant: Date): { date: string; time: string; asUtcMillis: number } {
  const asUtcMillis = instant.getTime() + londonOffsetMillis(instant);
  const wall = new Date(asUtcMillis).toISOString();
  return { date: wall.slice(0, 10), time: wall.slice(11, 16), asUtcMillis };
}

/** Instants already worked out, by London date and time: the same few sessions are asked about on every turn. */
const instantByWallClock = new Map<string, number>();

/** The instant a London wall-clock time happens: `('2022-01-31', '14:00')` → 2022-01-31T14:00Z. */
export function londonInstant(date: string, time: string): Date {
  const wallClock = `${date}T${time}`;
  const known = instantByWallClock.get(wallClock);
  if (known !== undefined) return new Date(known);
  const wallAsUtc = Date.parse(`${wallClock}:00Z`);
  // Two passes settle the offset even on the day the clocks change.
  let guess = wallAsUtc;
  for (let pass = 0; pass < 2; pass++) {
    const offset = londonWallClock(new Date(guess)).asUtcMillis - guess;
    guess = wallAsUtc - offset;
  }
  if (instantByWallClock.size >= 10_000) instantByWallClock.clear();
  instantByWallClock.set(wallClock, guess);
  return new Date(guess);
}

/** The London calendar date (YYYY-MM-DD) at an instant. */
export function londonDateOf(instant: Date): string {
  return londonWallClock(instant).date;
}

/** London's wall-clock time (HH:MM, 24-hour) at an instant. */
export function londonTimeOf(instant: Date): string {
  return londonWallClock(instant).time;
}

/** An instant as a headteacher reads it: '1 March 2024 at 10:00', London time. */
export function describeLondonInstant(instant: Date): string {
  const { date, time } = londonWallClock(instant);
  return formatWhen(date, time);
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
