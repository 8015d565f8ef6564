import { fail, ok, type Result } from '../result.js';
import { formatLongDate } from './academicYear.js';

/**
 * A date as a headteacher types it in chat: '14/06/2023' (day first, as in the UK),
 * '14 June 2023' (or '14th Jun 2023', 'June 14 2023') or '2023-06-14'. Returns YYYY-MM-DD.
 * The dates asked for here are past events, so a date after today is refused.
 */

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] as const;
const MONTH_LABELS = MONTH_NAMES.map((name) => name[0]?.toUpperCase() + name.slice(1));

const EXAMPLES = 'Write it like 14/06/2023, 14 June 2023 or 2023-06-14.';
/** Earlier than this is a typing slip, not an Ofsted-era date. */
const EARLIEST_YEAR = 1900;

const NUMERIC_DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d+)$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?(?: of)? ([a-z]+),? (\d+)$/;
const MONTH_DAY_YEAR = /^([a-z]+) (\d{1,2})(?:st|nd|rd|th)?,? (\d+)$/;

function monthFromName(word: string): number | undefined {
  if (word.length < 3) return undefined;
  const index = MONTH_NAMES.findIndex((name) => name.startsWith(word));
  return index === -1 ? undefined : index + 1;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

function calendarDate(shown: string, year: string, month: number, day: number): Result<string> {
  if (year.length !== 4) return fail(`Please write the year in full in "${shown}", for example 14/06/2023.`);
  const yearNumber = Number(year);
  if (month < 1 || month > 12) return fail(`"${shown}" has no month ${month}: put the day first, then the month, like 14/06/2023.`);
  const monthName = MONTH_LABELS[month - 1] ?? '';
  if (day < 1 || day > daysIn(yearNumber, month)) {
    return fail(`"${shown}" is not a real date: ${monthName} ${yearNumber} has ${daysIn(yearNumber, month)} days.`);
  }
  if (yearNumber < EARLIEST_YEAR) return fail(`"${shown}" is too long ago: check the year.`);
  return ok(`${pad(yearNumber, 4)}-${pad(month, 2)}-${pad(day, 2)}`);
}

function read(shown: string, words: string): Result<string> {
  const iso = ISO.exec(words);
  if (iso) return calendarDate(shown, iso[1] ?? '', Number(iso[2]), Number(iso[3]));
  const numeric = NUMERIC_DAY_FIRST.exec(words);
  if (numeric) return calendarDate(shown, numeric[3] ?? '', Number(numeric[2]), Number(numeric[1]));
  const dayFirst = DAY_MONTH_YEAR.exec(words);
  const monthFirst = MONTH_DAY_YEAR.exec(words);
  const [dayText, monthWord, year] = dayFirst
    ? [dayFirst[1], dayFirst[2], dayFirst[3]]
    : monthFirst
      ? [monthFirst[2], monthFirst[1], monthFirst[3]]
      : [undefined, undefined, undefined];
  if (dayText === undefined || monthWord === undefined || year === undefined) {
    return fail(`I could not read "${shown}" as a date. ${EXAMPLES}`);
  }
  const month = monthFromName(monthWord);
  if (month === undefined) return fail(`I do not know the month "${monthWord}" in "${shown}". ${EXAMPLES}`);
  return calendarDate(shown, year, month, Number(dayText));
}

/** Reads a typed date on or before `today` (YYYY-MM-DD); any other answer gets the reason. */
export function parseDateAnswer(text: string, today: string): Result<string> {
  const shown = text.trim().replace(/\s+/g, ' ').slice(0, 60);
  if (shown.length === 0) return fail(`Please give a date. ${EXAMPLES}`);
  const words = shown.toLowerCase().replace(/\.$/, '');
  const date = read(shown, words);
  if (!date.ok) return date;
  if (date.value > today) {
    return fail(`${formatLongDate(date.value)} is after today (${formatLongDate(today)}): the date cannot be in the future.`);
  }
  return date;
}
