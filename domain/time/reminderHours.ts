import { londonTimeOf } from './londonTime.js';

/**
 * The London time from which a reminder that falls due on a day (a deployment form's, a
 * deployment's next step, an action plan's) may go, so that it arrives in the working day and not
 * at midnight, when its day begins. The council's own choice: the sources set due days, not hours.
 * The same hour as the shipped programme file's `reminders.dayBeforeFrom` for attendance, but its
 * own setting: a programme file changing that hour does not move this one.
 */
const DAY_REMINDERS_FROM = '09:00';

/** Whether a reminder due by the day may be sent at `now`: from DAY_REMINDERS_FROM, London time, until the day ends. */
export function mayRemindByTheDay(now: Date): boolean {
  return londonTimeOf(now) >= DAY_REMINDERS_FROM;
}

/**
 * How often the work that sends reminders due by the day needs to look for them, in minutes: their
 * days do not need the minute, and each look reads every record the journey keeps. A reminder is
 * therefore sent within the hour after it may go, and one that failed is tried again an hour
 * later. The council's own choice.
 */
export const DAY_REMINDERS_EVERY_MINUTES = 60;
