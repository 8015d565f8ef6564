import { dayBefore, isValidInstant, londonInstant } from '../time/londonTime.js';
import { meetingsInOrder, sessionEnd, sessionStart, type Meeting, type Programme } from './programme.js';

/**
 * - `day_before`: tells schools a session is tomorrow. Due from the programme's
 *   `reminders.dayBeforeFrom` (09:00 London time) on the day before, until the session starts:
 *   a morning message is read during the working day, and one not sent before the session
 *   starts is no use.
 * - `log_prompt`: asks schools with no record for a session to log their attendance. Due
 *   once the session has ended, for `reminders.logPromptForDays` days (so starting the bot
 *   mid-year does not prompt for sessions long past). Who receives it (schools with no
 *   record, from sessionSummary) is worked out when it is sent.
 * Both apply to network sessions too; their audience is the champion schools only.
 */
export type ReminderKind = 'day_before' | 'log_prompt';

export interface Reminder {
  /** Stable, such as `day_before/T2`: the sender records it once sent, so each is sent once. */
  readonly id: string;
  readonly kind: ReminderKind;
  readonly session: Meeting;
  readonly dueFrom: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function reminderId(kind: ReminderKind, sessionId: string): string {
  return `${kind}/${sessionId}`;
}

function windows(programme: Programme, meeting: Meeting): { kind: ReminderKind; from: Date; until: Date }[] {
  const end = sessionEnd(meeting);
  return [
    { kind: 'day_before', from: londonInstant(dayBefore(meeting.date), programme.reminders.dayBeforeFrom), until: sessionStart(meeting) },
    { kind: 'log_prompt', from: end, until: new Date(end.getTime() + programme.reminders.logPromptForDays * DAY_MS) },
  ];
}

/** Reminders due at `now` and not yet sent, earliest first. Cancelled sessions get none. */
export function remindersDue(programme: Programme, now: Date, sentReminderIds: Iterable<string>): Reminder[] {
  if (!isValidInstant(now)) return [];
  const sent = new Set(sentReminderIds);
  const due: Reminder[] = [];
  for (const meeting of meetingsInOrder(programme)) {
    if (meeting.cancelled) continue;
    for (const window of windows(programme, meeting)) {
      const id = reminderId(window.kind, meeting.id);
      if (sent.has(id) || now.getTime() < window.from.getTime() || now.getTime() >= window.until.getTime()) continue;
      due.push({ id, kind: window.kind, session: meeting, dueFrom: window.from });
    }
  }
  return due.sort((a, b) => a.dueFrom.getTime() - b.dueFrom.getTime() || a.id.localeCompare(b.id));
}
