import { describe, expect, it } from 'vitest';
import {
  calendarCard,
  confirmCancelCard,
  dayBeforeReminderText,
  EMPTY_SESSION_FORM,
  exportCard,
  logFormCard,
  loggedCard,
  logPromptText,
  registerCard,
  schoolRecordCard,
  sessionFormCard,
  sessionFormValues,
  summaryCard,
} from '../../cards/attendanceCards.js';
import type { AdaptiveCard } from '../../cards/render.js';
import { cancelSession } from '../../domain/attendance/calendar.js';
import { DEFAULT_PROGRAMME, findSession, startedSessions, type Meeting } from '../../domain/attendance/programme.js';
import type { AttendanceRecord } from '../../domain/attendance/record.js';
import { schoolAttendanceSummary, sessionSummary, statusesFrom } from '../../domain/attendance/summary.js';
import type { School } from '../../domain/directory/types.js';
import { cardText } from '../support/testBot.js';

const NOW = new Date('2022-02-11T15:00:00Z');
const T2 = findSession(DEFAULT_PROGRAMME, 'T2') as Meeting;
const T1 = findSession(DEFAULT_PROGRAMME, 'T1') as Meeting;
const school = (urn: string, name: string): School => ({ urn, name, type: 'Community school', phase: 'primary', localAuthority: 'Buckinghamshire', liaisonGroupId: 'lg-01' });
const SCHOOLS = [school('100001', 'Amersham Primary'), school('100002', 'Beaconsfield High')];
const RECORD: AttendanceRecord = {
  sessionId: 'T1',
  urn: '100001',
  attendeeName: 'Jane Doe',
  attendeeRole: 'Pupil Premium Lead',
  status: 'present',
  loggedBy: { aadObjectId: 'aad-head', name: 'Hana Head' },
  loggedAt: NOW.toISOString(),
};

const CARDS: [string, AdaptiveCard][] = [
  ['log form', logFormCard({ schoolName: 'Amersham Primary', sessions: startedSessions(DEFAULT_PROGRAMME, NOW), values: { sessionId: 'T2', attendeeName: 'Hana Head', attendeeRole: 'Headteacher', status: '' }, problems: ['The attendee\'s name is empty.'] })],
  ['logged', loggedCard({ record: RECORD, session: T1, schoolName: 'Amersham Primary', corrected: false })],
  [
    'school record',
    schoolRecordCard({
      school: SCHOOLS[0]!,
      programme: DEFAULT_PROGRAMME,
      summary: schoolAttendanceSummary('100001', [RECORD], DEFAULT_PROGRAMME, { isChampion: true, now: NOW }),
      isChampion: true,
      offerTask: true,
    }),
  ],
  [
    'register',
    registerCard({
      session: T2,
      pages: [{ id: 'lg-01/1', title: 'Amersham and Chesham' }],
      page: { id: 'lg-01/1', title: 'Amersham and Chesham', schools: SCHOOLS },
      schoolCount: 2,
      statuses: new Map([['100001', 'present']]),
      ownLogs: [{ school: SCHOOLS[0]!, record: RECORD, loggedByVerified: true }],
      saved: 'Saved.',
    }),
  ],
  [
    'summary',
    summaryCard({
      programme: DEFAULT_PROGRAMME,
      signedUpCount: 2,
      sessions: [{ meeting: T1, summary: sessionSummary('T1', SCHOOLS, statusesFrom([RECORD])) }],
      groups: { meeting: T1, lines: [{ group: { id: 'lg-01', name: 'Amersham and Chesham' }, summary: sessionSummary('T1', SCHOOLS, statusesFrom([RECORD])) }] },
      lastSession: { session: T1, schools: [{ school: SCHOOLS[1]!, status: 'no_record' }] },
    }),
  ],
  ['calendar for the SIT', calendarCard({ programme: DEFAULT_PROGRAMME, canEdit: true, notice: 'Saved.' })],
  ['calendar for a school', calendarCard({ programme: DEFAULT_PROGRAMME, canEdit: false })],
  ['new session form', sessionFormCard({ session: undefined, values: EMPTY_SESSION_FORM, problems: [] })],
  ['session form', sessionFormCard({ session: T2, values: sessionFormValues(T2), problems: ['A problem.'] })],
  ['cancel confirmation', confirmCancelCard(T2)],
  ['export', exportCard({ xlsxUrl: 'https://bot.example/exports/1?sig=a', csvUrl: 'https://bot.example/exports/2?sig=b', expiresAt: NOW, schoolCount: 2, sessionCount: 6 })],
];

type Element = Record<string, unknown>;

function elements(card: unknown): Element[] {
  const found: Element[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      found.push(node as Element);
      Object.values(node).forEach(visit);
    }
  };
  visit(card);
  return found;
}

describe.each(CARDS)('the %s card', (_name, card) => {
  it('is an Adaptive Card 1.5 with every template expression filled in', () => {
    expect([card.type, card.version]).toEqual(['AdaptiveCard', '1.5']);
    expect(JSON.stringify(card)).not.toContain('${');
  });

  it('labels every input, and says what to do when a required one is missing', () => {
    for (const input of elements(card).filter((element) => String(element.type).startsWith('Input.'))) {
      expect(typeof input.label).toBe('string');
      expect((input.label as string).length).toBeGreaterThan(0);
      if (input.isRequired === true) expect(typeof input.errorMessage).toBe('string');
    }
  });

  it('gives every Action.Execute button an Action.Submit fallback carrying its verb and data', () => {
    for (const action of elements(card).filter((element) => element.type === 'Action.Execute')) {
      const fallback = action.fallback as Element;
      expect(fallback.type).toBe('Action.Submit');
      expect(fallback.title).toBe(action.title);
      expect(fallback.data).toEqual({ verb: action.verb, ...(action.data as object) });
    }
  });
});

describe('what the cards say', () => {
  it('the calendar lists the task after the session that sets it, and a cancelled session as cancelled', () => {
    const cancelled = cancelSession(DEFAULT_PROGRAMME, 'W3');
    if (!cancelled.ok) throw new Error(cancelled.errors.join(' '));
    const text = cardText(calendarCard({ programme: cancelled.value, canEdit: true }));
    expect(text.indexOf('Intersessional task (IT)')).toBeGreaterThan(text.indexOf('Training Session 2 (T2)'));
    expect(text.indexOf('Intersessional task (IT)')).toBeLessThan(text.indexOf('Workshop Meeting 2 (W2)'));
    expect(text).toContain('Workshop Meeting 3 (W3): cancelled');
  });

  it('the summary across 18 groups and 250 schools stays short: counts and the first schools missing show, the rest and the groups open by a tap', () => {
    const schools = Array.from({ length: 250 }, (_, index) => ({ ...school(String(200000 + index), `School ${index + 1}`), liaisonGroupId: `lg-${String((index % 18) + 1).padStart(2, '0')}` }));
    const meetings = startedSessions(DEFAULT_PROGRAMME, new Date('2022-07-01T12:00:00Z'));
    const summaryOf = (meeting: Meeting) => sessionSummary(meeting.id, schools, statusesFrom([]));
    const card = summaryCard({
      programme: DEFAULT_PROGRAMME,
      signedUpCount: schools.length,
      sessions: meetings.map((meeting) => ({ meeting, summary: summaryOf(meeting) })),
      groups: { meeting: T1, lines: Array.from({ length: 18 }, (_, index) => ({ group: { id: `lg-${index + 1}`, name: `Liaison group ${index + 1}` }, summary: summaryOf(T1) })) },
      lastSession: { session: T1, schools: schools.map((missing) => ({ school: missing, status: 'no_record' })) },
    });
    // What shows before anything is tapped: elements inside a hidden container do not.
    const shown: Element[] = [];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (node && typeof node === 'object' && (node as Element).isVisible !== false) {
        shown.push(node as Element);
        Object.entries(node).forEach(([key, value]) => key !== 'actions' && visit(value));
      }
    };
    visit(card.body);
    const lines = shown.filter((element) => element.type === 'TextBlock').length + shown.filter((element) => element.type === 'FactSet').reduce((sum, facts) => sum + (facts.facts as unknown[]).length, 0);
    expect(lines).toBeLessThanOrEqual(16);
    expect(cardText(card)).toContain('School 5 (URN 200004)');
    const toggles = elements(card).filter((element) => element.type === 'Action.ToggleVisibility');
    expect(toggles.map((toggle) => toggle.title)).toEqual(['35 more schools', 'By liaison group']);
    const hidden = elements(card).filter((element) => element.isVisible === false);
    expect(hidden.map((container) => container.id)).toEqual(toggles.flatMap((toggle) => toggle.targetElements as string[]));
    expect(cardText(hidden)).toContain('School 40 (URN 200039)');
    expect(cardText(hidden)).toContain('Liaison group 18');
  });

  it('a school record names every missed session of a champion school', () => {
    const text = cardText(CARDS[2]![1]);
    expect(text).toContain('Sessions attended: 1 of 6');
    expect(text).toContain('• Workshop Meeting 1 (W1), 1 November 2021: not logged');
  });

  it('the register marks what someone not yet verified logged, naming them, and shows typed names inert', () => {
    const typed = { ...RECORD, attendeeName: '[Pat](https://evil.example)', loggedBy: { aadObjectId: 'aad-pending', name: 'Pat **Pending**' } };
    const text = cardText(
      registerCard({
        session: T2,
        pages: [{ id: 'lg-01/1', title: 'Amersham and Chesham' }],
        page: { id: 'lg-01/1', title: 'Amersham and Chesham', schools: SCHOOLS },
        schoolCount: 2,
        statuses: new Map(),
        ownLogs: [
          { school: SCHOOLS[0]!, record: typed, loggedByVerified: false },
          { school: SCHOOLS[1]!, record: RECORD, loggedByVerified: true },
        ],
      }),
    );
    expect(text).toContain('\\[Pat\\](https\\://evil.example)');
    expect(text).toContain('logged by Pat \\*\\*Pending\\*\\* (not yet verified)');
    expect(text.match(/not yet verified/g)).toHaveLength(1);
  });

  it('reminders give the time and the link, or say the time is to be confirmed', () => {
    const withLink: Meeting = { ...T1, onlineLink: 'https://teams.example/t1' };
    expect(dayBeforeReminderText(withLink, 'Amersham Primary')).toBe(
      'A reminder for Amersham Primary: Training Session 1 (T1) is tomorrow, 1 October 2021, 14:00 to 16:00 (UK time). Join online: https://teams.example/t1',
    );
    expect(dayBeforeReminderText(T2, 'Amersham Primary')).toBe(
      'A reminder for Amersham Primary: Training Session 2 (T2) is tomorrow, 31 January 2022 (time to be confirmed). I will share the online link as soon as I have it.',
    );
    expect(logPromptText(T2, 'Amersham Primary')).toContain('Say “log attendance for T2”');
  });
});
