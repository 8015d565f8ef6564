import { dayBeforeReminderText, logPromptText } from '../../cards/attendanceCards.js';
import { reminderRecipients, sessionAudience } from '../../domain/attendance/audience.js';
import { remindersDue, type Reminder } from '../../domain/attendance/reminders.js';
import { schoolStatusAt } from '../../domain/attendance/summary.js';
import { isConflict } from '../../storage/store.js';
import type { AttendanceContext } from './context.js';

/** One key per reminder and person: written (create-only) before the message goes, so it goes once. */
const SENT = 'reminders/attendance/';
/** One key per reminder whose every message has been dealt with: it is not worked out again. */
const DONE = 'reminders/attendance-done/';

type Delivery = 'sent' | 'already_sent' | 'not_installed' | 'blocked' | 'failed';

/**
 * Sends the reminders due at `now`: the day before a session, to each school it is for; after
 * it, a prompt to each such school that has logged nothing. What is due is worked out from the
 * stored calendar and the stored record of what was sent, so a restart (or a second
 * instance) sends nothing twice.
 */
export async function sendDueReminders(context: AttendanceContext, now: Date): Promise<void> {
  const { store, logger } = context.deps;
  const done = (await store.list(DONE)).map((record) => record.key.slice(DONE.length));
  const due = remindersDue(await context.programmes.current(), now, done);
  if (due.length === 0) return;
  const [signedUp, champions, people, records] = await Promise.all([
    context.signedUpSchools(),
    context.championUrns(),
    context.schoolPeople(),
    context.attendance.all(),
  ]);
  for (const reminder of due) {
    const session = reminder.session;
    const schools = sessionAudience(session, signedUp, champions).filter(
      (school) => reminder.kind === 'day_before' || schoolStatusAt(session.id, school.urn, records) === 'no_record',
    );
    const outcomes: Delivery[] = [];
    for (const school of schools) {
      const text = reminder.kind === 'day_before' ? dayBeforeReminderText(session, school.name) : logPromptText(session, school.name);
      for (const person of reminderRecipients(school.urn, people, records)) {
        outcomes.push(await sendOnce(context, reminder, person.aadObjectId, text, now));
      }
    }
    const count = (outcome: Delivery) => outcomes.filter((candidate) => candidate === outcome).length;
    logger.info(
      { reminder: reminder.id, schools: schools.length, sent: count('sent'), notInstalled: count('not_installed'), blocked: count('blocked'), failed: count('failed') },
      'attendance reminders sent',
    );
    // A message that failed for a passing reason is tried again on the next run.
    if (count('failed') === 0) await markDone(context, reminder, now);
  }
}

async function sendOnce(context: AttendanceContext, reminder: Reminder, aadObjectId: string, text: string, now: Date): Promise<Delivery> {
  const { store, proactive, logger } = context.deps;
  const key = `${SENT}${reminder.id}/${encodeURIComponent(aadObjectId)}`;
  try {
    await store.write(key, { sentAt: now.toISOString() }, null);
  } catch (error) {
    if (isConflict(error)) return 'already_sent';
    throw error;
  }
  try {
    return await proactive.sendToPerson(aadObjectId, { type: 'message', text });
  } catch (error) {
    logger.warn({ reminder: reminder.id, err: (error as Error).message }, 'an attendance reminder could not be sent; it will be tried again');
    await store.delete(key);
    return 'failed';
  }
}

async function markDone(context: AttendanceContext, reminder: Reminder, now: Date): Promise<void> {
  try {
    await context.deps.store.write(`${DONE}${reminder.id}`, { doneAt: now.toISOString() }, null);
  } catch (error) {
    if (!isConflict(error)) throw error;
  }
}
