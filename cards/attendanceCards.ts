import calendarTemplate from './templates/attendance/calendar.json' with { type: 'json' };
import confirmCancelTemplate from './templates/attendance/confirmCancel.json' with { type: 'json' };
import exportTemplate from './templates/attendance/export.json' with { type: 'json' };
import logFormTemplate from './templates/attendance/logForm.json' with { type: 'json' };
import loggedTemplate from './templates/attendance/logged.json' with { type: 'json' };
import registerTemplate from './templates/attendance/register.json' with { type: 'json' };
import schoolRecordTemplate from './templates/attendance/schoolRecord.json' with { type: 'json' };
import sessionFormTemplate from './templates/attendance/sessionForm.json' with { type: 'json' };
import summaryTemplate from './templates/attendance/summary.json' with { type: 'json' };
import { isMeeting, meetingsInOrder, sessionLabel, type Meeting, type Programme, type Session } from '../domain/attendance/programme.js';
import type { AttendanceRecord, AttendanceStatus } from '../domain/attendance/record.js';
import type { RegisterPage } from '../domain/attendance/register.js';
import type { LiaisonGroupSessionSummary, SchoolAttendanceSummary, SchoolSessionLine, SessionSummary } from '../domain/attendance/summary.js';
import type { School } from '../domain/directory/types.js';
import { formatLongDate } from '../domain/tsi/academicYear.js';
import { renderCard, type AdaptiveCard } from './render.js';
import { NOT_YET_VERIFIED } from '../domain/directory/verification.js';
import { escapeMarkdown } from './markdown.js';

/** The verbs the attendance cards' buttons send (Action.Execute, or Action.Submit as fallback). */
export const ATTENDANCE_VERBS = {
  log: 'attendance.log',
  registerSave: 'attendance.register.save',
  registerShow: 'attendance.register.show',
  calendarShow: 'attendance.calendar.show',
  calendarEdit: 'attendance.calendar.edit',
  calendarSave: 'attendance.calendar.save',
  calendarCancel: 'attendance.calendar.cancel',
} as const;

export const STATUS_LABELS: Record<AttendanceStatus, string> = { present: 'Present', apologies: 'Sent apologies', absent: 'Absent' };
const LINE_LABELS: Record<SchoolSessionLine['status'], string> = { ...STATUS_LABELS, no_record: 'Not logged', upcoming: 'Coming up', cancelled: 'Cancelled' };
const KIND_LABELS: Record<Meeting['kind'], string> = { training: 'Training session', workshop: 'Workshop meeting', network: 'Network group' };

/** "31 January 2022, 14:00 to 16:00", or the date alone while the time is a placeholder. */
export function describeTimes(meeting: Meeting): string {
  const date = formatLongDate(meeting.date);
  return meeting.timesConfirmed ? `${date}, ${meeting.start} to ${meeting.end}` : `${date} (time to be confirmed)`;
}

function schoolLabel(school: Pick<School, 'name' | 'urn'>): string {
  return `${school.name} (URN ${school.urn})`;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

// Logging attendance

export interface LogFormValues {
  readonly sessionId: string;
  readonly attendeeName: string;
  readonly attendeeRole: string;
  readonly status: string;
}

export function logFormCard(view: { schoolName: string; sessions: readonly Meeting[]; values: LogFormValues; problems: readonly string[] }): AdaptiveCard {
  return renderCard(logFormTemplate, {
    title: 'Log attendance',
    intro: `For ${view.schoolName}. Choose the session, who went and whether they were there.`,
    problems: view.problems,
    values: view.values,
    sessions: view.sessions.map((meeting) => ({ title: `${sessionLabel(meeting)}, ${formatLongDate(meeting.date)}`, value: meeting.id })),
    statuses: Object.entries(STATUS_LABELS).map(([value, title]) => ({ value, title })),
    note: 'Logging the same person for the same session again corrects what you logged before.',
    verb: ATTENDANCE_VERBS.log,
  });
}

export function loggedCard(view: { record: AttendanceRecord; session: Meeting; schoolName: string; corrected: boolean }): AdaptiveCard {
  const { record, session } = view;
  return renderCard(loggedTemplate, {
    title: view.corrected ? 'Attendance corrected' : 'Attendance logged',
    message: view.corrected
      ? `Thank you. I have corrected what ${view.schoolName} logged for ${record.attendeeName} at ${sessionLabel(session)}.`
      : `Thank you. I have logged ${record.attendeeName} for ${view.schoolName}.`,
    facts: [
      { title: 'Session', value: `${sessionLabel(session)}, ${formatLongDate(session.date)}` },
      { title: 'Attendee', value: `${record.attendeeName}, ${record.attendeeRole}` },
      { title: 'Attendance', value: STATUS_LABELS[record.status] },
    ],
  });
}

// A school's record

export function schoolRecordCard(view: {
  school: Pick<School, 'name' | 'urn'>;
  programme: Programme;
  summary: SchoolAttendanceSummary;
  isChampion: boolean;
  /** Whether the task can be marked as handed in now (it is open and not in yet). */
  offerTask: boolean;
}): AdaptiveCard {
  const { summary } = view;
  const line = (entry: SchoolSessionLine) => ({
    title: `${entry.title} (${entry.sessionId})`,
    value: `${formatLongDate(entry.date)}: ${LINE_LABELS[entry.status]}`,
  });
  return renderCard(schoolRecordTemplate, {
    title: `${view.school.name}: attendance ${view.programme.year}`,
    attendedLine: `Sessions attended: ${summary.attended} of ${summary.outOf}`,
    tasks: summary.tasks.map((task) =>
      task.submitted ? `${task.title}: submitted${task.submittedAt ? ` on ${formatLongDate(task.submittedAt.slice(0, 10))}` : ''}` : `${task.title}: not submitted yet`,
    ),
    missedHeading: view.isChampion
      ? `As a champion school, ${view.school.name} is asked to attend every session. Missed so far:`
      : 'Missed so far:',
    missed: summary.missed.map((entry) => `${entry.title} (${entry.sessionId}), ${formatLongDate(entry.date)}: ${LINE_LABELS[entry.status].toLowerCase()}`),
    sessions: summary.sessions.map(line),
    note: view.isChampion
      ? 'Your school is a Disadvantaged Champion School, so the network groups are listed too.'
      : 'Sent apologies do not count as attending.',
    offerTask: view.offerTask,
  });
}

// The SIT's register

export function registerCard(view: {
  session: Meeting;
  /** Every page of the session's register (see registerPages); the card shows `page`. */
  pages: readonly Pick<RegisterPage, 'id' | 'title'>[];
  page: RegisterPage | undefined;
  /** How many schools the whole register has, over every page. */
  schoolCount: number;
  /** What each school on the page is recorded as by the register; a school not here shows as absent. */
  statuses: ReadonlyMap<string, AttendanceStatus>;
  /** What schools logged themselves; a line logged by someone whose role is not verified yet says so. */
  ownLogs: readonly { school: Pick<School, 'name' | 'urn'>; record: AttendanceRecord; loggedByVerified: boolean }[];
  saved?: string;
  problems?: readonly string[];
}): AdaptiveCard {
  const schools = view.page?.schools ?? [];
  return renderCard(registerTemplate, {
    title: `Register: ${sessionLabel(view.session)}`,
    when: describeTimes(view.session),
    saved: view.saved ?? '',
    problems: view.problems ?? [],
    pages: view.pages.map((page) => ({ title: page.title, value: page.id })),
    pageId: view.page?.id ?? '',
    pageHeading: view.page && view.pages.length > 1 ? `${view.page.title}: ${plural(schools.length, 'school')}` : '',
    intro:
      view.schoolCount === 0
        ? 'No school is signed up for this session.'
        : `${plural(view.schoolCount, 'school')} signed up${view.pages.length > 1 ? `, in ${plural(view.pages.length, 'group')}: choose a group, then show it` : ''}. Set each school, then save. A school left as Absent is recorded as absent when you save; schools on a page not yet saved show as “no record” in the summary. What schools logged themselves is kept as it is.`,
    sessionId: view.session.id,
    schools: schools.map((school) => ({ urn: school.urn, label: schoolLabel(school), status: view.statuses.get(school.urn) ?? 'absent' })),
    ownLogs: view.ownLogs.map(
      ({ school, record, loggedByVerified }) =>
        `${school.name}: ${escapeMarkdown(record.attendeeName)} (${escapeMarkdown(record.attendeeRole)}), ${STATUS_LABELS[record.status].toLowerCase()}${
          loggedByVerified ? '' : `, logged by ${escapeMarkdown(record.loggedBy.name)} (${NOT_YET_VERIFIED})`
        }`,
    ),
    verb: ATTENDANCE_VERBS.registerSave,
    showVerb: ATTENDANCE_VERBS.registerShow,
  });
}

// Across schools

const SHOWN_SCHOOLS = 40;
/** The summary stays short: the first few schools missing from the last session show; the rest, and the liaison groups, open by a tap. */
const FIRST_MISSING_SHOWN = 5;

function countsLine(summary: SessionSummary): string {
  return `${summary.present.length} present, ${summary.apologies.length} sent apologies, ${summary.absent.length} absent, ${summary.noRecord.length} no record`;
}

export function summaryCard(view: {
  programme: Programme;
  signedUpCount: number;
  sessions: readonly { meeting: Meeting; summary: SessionSummary }[];
  groups: { meeting: Meeting; lines: readonly LiaisonGroupSessionSummary[] } | undefined;
  lastSession: { session: Meeting; schools: readonly { school: School; status: string }[] } | undefined;
}): AdaptiveCard {
  const absent = view.lastSession?.schools ?? [];
  const label: Record<string, string> = { apologies: 'sent apologies', absent: 'absent', no_record: 'nothing logged' };
  const missing = absent.slice(0, SHOWN_SCHOOLS).map(({ school, status }) => `${schoolLabel(school)}: ${label[status] ?? status}`);
  return renderCard(summaryTemplate, {
    title: `Attendance across schools, ${view.programme.year}`,
    intro: `${plural(view.signedUpCount, 'school')} signed up to the universal offer. Counts are of schools: a school is present if anyone from it was.`,
    sessions:
      view.sessions.length > 0
        ? view.sessions.map(({ meeting, summary }) => ({ title: `${meeting.title} (${meeting.id})`, value: countsLine(summary) }))
        : [{ title: 'No sessions yet', value: 'The first session has not started.' }],
    groupsHeading: view.groups ? `By liaison group, ${sessionLabel(view.groups.meeting)}` : '',
    groups: (view.groups?.lines ?? []).map((line) => ({ title: line.group?.name ?? 'Not in a liaison group', value: countsLine(line.summary) })),
    absentHeading: view.lastSession
      ? absent.length === 0
        ? `Every school was present at the last session, ${sessionLabel(view.lastSession.session)}.`
        : `No attendance at the last session, ${sessionLabel(view.lastSession.session)} (${plural(absent.length, 'school')}):`
      : 'No session has taken place yet.',
    absentFirst: missing.slice(0, FIRST_MISSING_SHOWN),
    absentRest: missing.slice(FIRST_MISSING_SHOWN),
    moreMissingTitle: plural(missing.length - FIRST_MISSING_SHOWN, 'more school'),
    absentMore: absent.length > SHOWN_SCHOOLS ? `And ${absent.length - SHOWN_SCHOOLS} more: export the attendance to see them all.` : '',
    registerTitle: view.lastSession ? `Register for ${view.lastSession.session.id}` : '',
    registerCommand: view.lastSession ? `register for ${view.lastSession.session.id}` : '',
  });
}

export function exportCard(view: { xlsxUrl: string; csvUrl: string; expiresAt: Date; schoolCount: number; sessionCount: number }): AdaptiveCard {
  const time = view.expiresAt.toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });
  return renderCard(exportTemplate, {
    title: 'Attendance export',
    message: `One row per school (${plural(view.schoolCount, 'school')}) and a column per session (${plural(view.sessionCount, 'session')}), with sessions attended and the intersessional task.`,
    expiry: `The links open only for you and stop working at ${time} (UK time). Ask me again for fresh ones.`,
    xlsxUrl: view.xlsxUrl,
    csvUrl: view.csvUrl,
  });
}

// The calendar

function calendarEntry(session: Session, canEdit: boolean) {
  if (!isMeeting(session)) {
    return {
      id: session.id,
      heading: `${sessionLabel(session)}${session.cancelled ? ': cancelled' : ''}`,
      when: `Set at ${session.opensAfter}, due before ${session.dueBefore}`,
      detail: session.topic ?? '',
      editable: false,
    };
  }
  const link = session.onlineLink ? `Join online: ${session.onlineLink}` : 'Online link to follow';
  return {
    id: session.id,
    heading: `${sessionLabel(session)}${session.cancelled ? ': cancelled' : ''}`,
    when: `${KIND_LABELS[session.kind]}, ${describeTimes(session)}`,
    detail: session.cancelled ? 'Anything already recorded for it is kept.' : [session.topic, link].filter(Boolean).join('. '),
    editable: canEdit && !session.cancelled,
  };
}

/** Meetings in date order, each task just after the session that sets it. */
function calendarOrder(programme: Programme): Session[] {
  const tasks = programme.sessions.filter((session) => !isMeeting(session));
  const ordered: Session[] = [];
  for (const meeting of meetingsInOrder(programme)) {
    ordered.push(meeting, ...tasks.filter((task) => !isMeeting(task) && task.opensAfter === meeting.id));
  }
  return [...ordered, ...tasks.filter((task) => !ordered.includes(task))];
}

export function calendarCard(view: { programme: Programme; canEdit: boolean; notice?: string }): AdaptiveCard {
  return renderCard(calendarTemplate, {
    title: `Session calendar ${view.programme.year}`,
    intro: 'Every session is online and lasts two hours. Times are UK time.',
    notice: view.notice ?? '',
    sessions: calendarOrder(view.programme).map((session) => calendarEntry(session, view.canEdit)),
    footer: view.canEdit
      ? 'You can also say “add a session”, “move session T2” or “cancel session W3”; “register for T2” keeps a session’s register, “attendance summary” and “export attendance” cover every school.'
      : '',
    canEdit: view.canEdit,
    editVerb: ATTENDANCE_VERBS.calendarEdit,
    cancelVerb: ATTENDANCE_VERBS.calendarCancel,
  });
}

export interface SessionFormValues {
  readonly title: string;
  readonly kind: string;
  readonly date: string;
  readonly start: string;
  readonly end: string;
  readonly onlineLink: string;
}

export const EMPTY_SESSION_FORM: SessionFormValues = { title: '', kind: 'network', date: '', start: '', end: '', onlineLink: '' };

export function sessionFormValues(meeting: Meeting): SessionFormValues {
  return { title: meeting.title, kind: meeting.kind, date: meeting.date, start: meeting.start, end: meeting.end, onlineLink: meeting.onlineLink ?? '' };
}

export function sessionFormCard(view: { session: Meeting | undefined; values: SessionFormValues; problems: readonly string[] }): AdaptiveCard {
  return renderCard(sessionFormTemplate, {
    title: view.session ? `Change ${sessionLabel(view.session)}` : 'Add a session',
    intro: view.session
      ? 'Saving sets the times as confirmed. Attendance already recorded is kept.'
      : 'Network groups are for champion schools; training sessions and workshops are for every school. I give the session its id.',
    problems: view.problems,
    values: view.values,
    kinds: Object.entries(KIND_LABELS).map(([value, title]) => ({ value, title })),
    sessionId: view.session?.id ?? '',
    saveVerb: ATTENDANCE_VERBS.calendarSave,
    showVerb: ATTENDANCE_VERBS.calendarShow,
  });
}

export function confirmCancelCard(session: Meeting): AdaptiveCard {
  return renderCard(confirmCancelTemplate, {
    title: `Cancel ${sessionLabel(session)}?`,
    message: `It is on ${describeTimes(session)}. It stays in the calendar marked as cancelled, any attendance already recorded for it is kept, and schools get no reminders for it.`,
    sessionId: session.id,
    cancelVerb: ATTENDANCE_VERBS.calendarCancel,
    showVerb: ATTENDANCE_VERBS.calendarShow,
  });
}

// Reminders (plain messages, sent proactively)

export function dayBeforeReminderText(meeting: Meeting, schoolName: string): string {
  const link = meeting.onlineLink ? `Join online: ${meeting.onlineLink}` : 'I will share the online link as soon as I have it.';
  return `A reminder for ${schoolName}: ${sessionLabel(meeting)} is tomorrow, ${describeTimes(meeting)}${meeting.timesConfirmed ? ' (UK time)' : ''}. ${link}`;
}

export function logPromptText(meeting: Meeting, schoolName: string): string {
  return `${sessionLabel(meeting)} took place on ${formatLongDate(meeting.date)}, and I have no attendance for ${schoolName} yet. Say “log attendance for ${meeting.id}” to record who went, or that you sent apologies.`;
}
