import { either, phrases, type Command, type Journey } from '../journey.js';
import { ADD_SESSION_DIALOG, CALENDAR_DIALOG, CANCEL_SESSION_DIALOG, calendarDialogs, MOVE_SESSION_DIALOG, START_YEAR_DIALOG } from './calendarDialogs.js';
import { createAttendanceContext, type AttendanceJourneyDeps } from './context.js';
import { sendDueReminders } from './reminders.js';
import { LOG_DIALOG, RECORD_DIALOG, schoolDialogs, TASK_DIALOG } from './schoolDialogs.js';
import { EXPORT_DIALOG, REGISTER_DIALOG, SUMMARY_DIALOG, sitDialogs } from './sitDialogs.js';
import { SIGN_UP_DIALOG, signUpDialogs } from './signUpDialogs.js';
import { parseSignUpStatement } from '../../domain/attendance/signUp.js';
import { parseLogStatement } from '../../domain/attendance/logStatement.js';
import { normaliseCommandText } from '../../domain/text.js';

export type { AttendanceDirectory, AttendanceJourneyDeps } from './context.js';

/** A session id as typed ("t2"): captured, to be put back in capitals. */
const ID = '([a-z][a-z0-9-]{0,19})';
/** The same, optionally after the word "session" ("session W3"). */
const SESSION = `(?:session )?${ID}`;

/** A matcher for a pattern whose first group, when there is one, is a session id. */
function withSession(pattern: RegExp): (text: string) => object | undefined {
  return (text) => {
    const match = pattern.exec(normaliseCommandText(text));
    if (!match) return undefined;
    return match[1] === undefined ? {} : { sessionId: match[1].toUpperCase() };
  };
}


const COMMANDS: Command[] = [
  {
    summary: {
      title: 'Log attendance',
      description: 'Log who from your school went to a session, or that you sent apologies.',
      command: 'log attendance',
      example: 'log attendance for T2',
    },
    scopes: ['personal'],
    match: either(withSession(new RegExp(`^(?:log|record|enter) (?:my |our |the |school'?s? )?attendance(?: (?:for|at) ${SESSION})?$`)), parseLogStatement),
    dialogId: LOG_DIALOG,
    examples: ['log me as present', 'we attended the session', 'we sent our apologies', 'record attendance for a session', 'mark us as present', 'I went to the session', 'put me down as attended'],
  },
  {
    scopes: ['personal'],
    match: either(
      (text) => (/^(?:mark|record) (?:the |our |my )?(?:intersessional )?task (?:as )?(?:submitted|handed in|done|complete|completed|sent)$/.test(normaliseCommandText(text)) ? {} : undefined),
      phrases(
        'intersessional task submitted',
        'submit the intersessional task',
        'we submitted the intersessional task',
        'we have submitted the intersessional task',
        'i have submitted the intersessional task',
        'hand in the intersessional task',
      ),
    ),
    dialogId: TASK_DIALOG,
    examples: ['intersessional task submitted', 'intersessional task handed in', 'task submitted', 'we have done the intersessional task', 'the intersessional task is in'],
  },
  {
    summary: {
      title: 'My school’s attendance',
      description: 'See the sessions your school attended out of six, and whether the intersessional task is in.',
      command: 'my school’s attendance',
      example: 'my school’s attendance',
    },
    scopes: ['personal'],
    match: either(
      phrases(
        "my school's attendance",
        'my schools attendance',
        'my school attendance',
        "our school's attendance",
        'our attendance',
        'my attendance',
        'school attendance',
        'attendance record',
        "my school's record",
        'our record',
      ),
      (text) => {
        const match = /^(?:attendance|record) (?:for|of) (?:urn )?(\d{6})$/.exec(normaliseCommandText(text));
        return match ? { urn: match[1] } : undefined;
      },
    ),
    dialogId: RECORD_DIALOG,
    examples: ['how many sessions have we attended', 'sessions attended by my school', 'our attendance so far'],
  },
  {
    summary: {
      title: 'Session calendar',
      description: 'See the dates and times of the programme’s sessions.',
      command: 'calendar',
      example: 'when are the sessions?',
    },
    scopes: ['personal'],
    match: phrases('calendar', 'session calendar', 'sessions', 'session dates', 'show the calendar', 'the calendar', 'programme calendar', 'when are the sessions', 'edit the calendar'),
    dialogId: CALENDAR_DIALOG,
    examples: ['when is the next meeting', 'dates of the network meetings', 'what sessions are coming up'],
  },
  {
    scopes: ['personal'],
    match: (text) => {
      const match = /^(?:start|begin|open) (?:the )?(\d{4}\/\d{2}) programme(?: year)?$/.exec(normaliseCommandText(text));
      return match ? { year: match[1] } : undefined;
    },
    dialogId: START_YEAR_DIALOG,
  },
  {
    summary: {
      title: 'Add, move or cancel a session',
      description: 'School Improvement Team: keep the programme’s session calendar up to date.',
      command: 'add a session',
      example: 'move session T2',
    },
    forSitAdmins: true,
    scopes: ['personal'],
    match: phrases('add a session', 'add session', 'new session', 'add a network group', 'add a network group meeting'),
    dialogId: ADD_SESSION_DIALOG,
  },
  {
    scopes: ['personal'],
    match: either(withSession(new RegExp(`^(?:move|reschedule) (?:the )?${SESSION}$`)), withSession(new RegExp(`^(?:change|edit) (?:the )?session ${ID}$`))),
    dialogId: MOVE_SESSION_DIALOG,
  },
  { scopes: ['personal'], match: withSession(new RegExp(`^cancel (?:the )?session ${ID}$`)), dialogId: CANCEL_SESSION_DIALOG },
  {
    summary: {
      title: 'Take the register',
      description: 'School Improvement Team: mark each signed-up school present, sent apologies or absent at a session, one liaison group at a time.',
      command: 'register',
      example: 'register for T2',
    },
    forSitAdmins: true,
    scopes: ['personal'],
    match: withSession(new RegExp(`^(?:take |open |keep )?(?:the )?register(?: for)?(?: ${SESSION})?$`)),
    dialogId: REGISTER_DIALOG,
  },
  {
    summary: {
      title: 'Attendance across schools',
      description: 'School Improvement Team: how many schools came to each session, and which are missing.',
      command: 'attendance summary',
      example: 'attendance summary for T2',
    },
    forSitAdmins: true,
    scopes: ['personal'],
    match: either(
      withSession(new RegExp(`^attendance summary(?: for ${SESSION})?$`)),
      phrases('attendance across schools', 'summary of attendance', 'summarise attendance', 'attendance overview'),
    ),
    dialogId: SUMMARY_DIALOG,
  },
  {
    summary: {
      title: 'Sign up to the universal offer',
      description: 'Sign your school up to the sessions (or withdraw it); the School Improvement Team signs schools up by URN.',
      command: 'sign us up',
      example: 'sign my school up to the universal offer',
    },
    scopes: ['personal'],
    match: (text) => parseSignUpStatement(text),
    dialogId: SIGN_UP_DIALOG,
  },
  {
    summary: {
      title: 'Export attendance',
      description: 'School Improvement Team: a spreadsheet of every signed-up school’s attendance and intersessional tasks.',
      command: 'export attendance',
      example: 'export attendance',
    },
    forSitAdmins: true,
    scopes: ['personal'],
    match: phrases('export attendance', 'attendance export', 'download attendance', 'export the attendance', 'attendance spreadsheet'),
    dialogId: EXPORT_DIALOG,
  },
];

/**
 * Session attendance: headteachers and staff log their school's attendance and see its record;
 * the SIT keeps the calendar and the register, sees attendance across schools and exports it;
 * reminders go out the day before each session and a prompt to log after it.
 */
export function createAttendanceJourney(deps: AttendanceJourneyDeps): Journey {
  const context = createAttendanceContext(deps);
  const school = schoolDialogs(context);
  const sit = sitDialogs(context);
  const calendar = calendarDialogs(context);
  return {
    id: 'attendance',
    dialogs: [...school.dialogs, ...sit.dialogs, ...calendar.dialogs, ...signUpDialogs(context)],
    commands: COMMANDS,
    verbs: [...school.verbs, ...sit.verbs, ...calendar.verbs],
    scheduled: (now) => sendDueReminders(context, now),
  };
}
