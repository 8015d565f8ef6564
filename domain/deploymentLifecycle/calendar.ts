/** Date arithmetic on YYYY-MM-DD calendar dates (no time of day, no time zone). */

const toDate = (isoDate: string): Date => new Date(`${isoDate}T00:00:00Z`);
const toIso = (date: Date): string => date.toISOString().slice(0, 10);

export function addDays(isoDate: string, days: number): string {
  const date = toDate(isoDate);
  date.setUTCDate(date.getUTCDate() + days);
  return toIso(date);
}

/** Monday to Friday only; bank holidays are not known to the bot (see the lifecycle data's note). */
export function addWorkingDays(isoDate: string, days: number): string {
  const date = toDate(isoDate);
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return toIso(date);
}

/** The same day `months` later, or the month's last day when it has no such day (31 January + 1 month = 29 February in 2024). */
export function addMonths(isoDate: string, months: number): string {
  const date = toDate(isoDate);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, last));
  return toIso(date);
}

