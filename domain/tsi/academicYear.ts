/** Academic years and the way dates are written to a headteacher. Dates are YYYY-MM-DD strings, already validated. */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** The academic year a date falls in, such as '2022/23': 1 September starts a year and 31 August ends it. */
export function academicYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const startYear = month >= 9 ? year : year - 1;
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** '2023-06-14' → '14 June 2023', as the guidance writes dates. */
export function formatLongDate(date: string): string {
  const day = Number(date.slice(8, 10));
  const month = MONTHS[Number(date.slice(5, 7)) - 1] ?? '';
  return `${day} ${month} ${date.slice(0, 4)}`;
}
