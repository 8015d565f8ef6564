/**
 * When each reminder goes to the system leader. Section 3 is asked for as soon as it falls due
 * (day 6 delivered), because the mid-engagement review happens then; the deadlines to send the
 * form to the school and to the RDP are reminded the day before they fall due, or once they are
 * overdue, so that signing the form is not met at once with two reminders of deadlines weeks away.
 */
import type { DeploymentDraft } from './draft.js';
import { remindersDue, type Reminder } from './timeline.js';

const dayBefore = (isoDate: string): string => {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
};

/** The reminders to send on `today` (YYYY-MM-DD); whether one was already sent is the caller's to record. */
export function remindersToSend(draft: DeploymentDraft, today: string): Reminder[] {
  return remindersDue(draft, today).filter((reminder) => reminder.kind === 'section3_due' || dayBefore(reminder.dueDate) <= today);
}
