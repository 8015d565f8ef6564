import { londonTimeOf } from './londonTime.js';

/**
 * The London time from which a reminder that falls due on a day (a deployment form's, a
 * deployment's next step, an action plan's) may go, so that it arrives in the working day and not
 * at midnight, when its day begins. The council's own choice: the sources set due days, not hours.
 * It is the hour the attendance reminders of the day before a session go from
 * (`reminders.dayBeforeFrom` in the programme file).
 */
export const DAY_REMINDERS_FROM = '09:00';

/** Whether a reminder due by the day may be sent at `now`: from DAY_REMINDERS_FROM, London time, until the day ends. */
export function mayRemindByTheDay(now: Date): boolean {
  return londonTimeOf(now) >= DAY_REMINDERS_FROM;
}
