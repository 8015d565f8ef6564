import { writeIfAbsent, type Store } from './store.js';

/** One key per reminder and person: written (create-only) before the message goes, so it goes once. */
const SENT = 'reminders/attendance/';
/** One key per reminder whose every message has been dealt with: it is not worked out again. */
const DONE = 'reminders/attendance-done/';

const sentKey = (reminderId: string, aadObjectId: string) => `${SENT}${reminderId}/${encodeURIComponent(aadObjectId)}`;

/**
 * What the attendance reminders have sent, so that a restart or a second instance sends nothing
 * twice: every mark is a create-only write, and whoever writes it first sends.
 */
export class AttendanceReminderRepository {
  constructor(private readonly store: Store) {}

  /** The ids of the reminders already dealt with in full. */
  async done(): Promise<string[]> {
    return (await this.store.list(DONE)).map((record) => record.key.slice(DONE.length));
  }

  /** Claims the sending of a reminder to a person: false when it was claimed already. */
  claimSending(reminderId: string, aadObjectId: string, now: Date): Promise<boolean> {
    return writeIfAbsent(this.store, sentKey(reminderId, aadObjectId), { sentAt: now.toISOString() });
  }

  /** Gives the claim back after the message failed for a passing reason, so the next run tries again. */
  async releaseSending(reminderId: string, aadObjectId: string): Promise<void> {
    await this.store.delete(sentKey(reminderId, aadObjectId));
  }

  async markDone(reminderId: string, now: Date): Promise<void> {
    await writeIfAbsent(this.store, `${DONE}${reminderId}`, { doneAt: now.toISOString() });
  }
}
