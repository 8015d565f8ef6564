import { dayBeforeReminderText, logPromptText } from '../../cards/attendanceCards.js';
import { reminderRecipients, sessionAudience } from '../../domain/attendance/audience.js';
import { remindersDue, type Reminder } from '../../domain/attendance/reminders.js';
import type { AttendanceContext } from './context.js';

type Delivery = 'sent' | 'already_sent' | 'not_installed' | 'blocked' | 'failed';

/**
 * Sends the reminders due at `now`: the day before a session, to each school it is for; after
 * it, a prompt to each such school that has logged nothing. What is due is worked out from the
 * stored calendar and the stored record of what was sent, so a restart (or a second
 * instance) sends nothing twice.
 */
export async function sendDueReminders(context: AttendanceContext, now: Date): Promise<void> {
  const { logger } = context.deps;
  const done = await context.reminders.done();
  const due = remindersDue(await context.programmes.current(), now, done);
  if (due.length === 0) return;
  const [signedUp, champions, people] = await Promise.all([context.queries.signedUpSchools(), context.queries.championUrns(), context.schoolPeople()]);
  for (const reminder of due) {
    const session = reminder.session;
    const audience = sessionAudience(session, signedUp, champions);
    // The index entries of the session's schools only: what a reminder needs, not every record.
    const logged = await context.attendance.ofSchools(audience.map((school) => school.urn));
    const schools = audience.filter((school) => reminder.kind === 'day_before' || logged.statusAt(session.id, school.urn) === 'no_record');
    const outcomes: Delivery[] = [];
    for (const school of schools) {
      const text = reminder.kind === 'day_before' ? dayBeforeReminderText(session, school.name) : logPromptText(session, school.name);
      for (const person of reminderRecipients(school.urn, people, logged.latestOwnLine(school.urn))) {
        outcomes.push(await sendOnce(context, reminder, person.aadObjectId, text, now));
      }
    }
    const count = (outcome: Delivery) => outcomes.filter((candidate) => candidate === outcome).length;
    logger.info(
      { reminder: reminder.id, schools: schools.length, sent: count('sent'), notInstalled: count('not_installed'), blocked: count('blocked'), failed: count('failed') },
      'attendance reminders sent',
    );
    // A message that failed for a passing reason is tried again on the next run.
    if (count('failed') === 0) await context.reminders.markDone(reminder.id, now);
  }
}

async function sendOnce(context: AttendanceContext, reminder: Reminder, aadObjectId: string, text: string, now: Date): Promise<Delivery> {
  const { proactive, logger } = context.deps;
  if (!(await context.reminders.claimSending(reminder.id, aadObjectId, now))) return 'already_sent';
  try {
    return await proactive.sendToPerson(aadObjectId, { type: 'message', text });
  } catch (error) {
    logger.warn({ reminder: reminder.id, err: (error as Error).message }, 'an attendance reminder could not be sent; it will be tried again');
    await context.reminders.releaseSending(reminder.id, aadObjectId);
    return 'failed';
  }
}
