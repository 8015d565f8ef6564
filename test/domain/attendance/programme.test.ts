import { describe, expect, it } from 'vitest';
import { addSession, cancelSession, moveSession } from '../../../domain/attendance/calendar.js';
import {
  DEFAULT_PROGRAMME,
  isUniversal,
  loadProgramme,
  sessionEnd,
  sessionStart,
  startedSessions,
  type Programme,
} from '../../../domain/attendance/programme.js';
import sessionsJson from '../../../data/programme/sessions-2021-22.json' with { type: 'json' };

function value(result: { ok: true; value: Programme } | { ok: false; errors: string[] }): Programme {
  if (!result.ok) throw new Error(result.errors.join(' '));
  return result.value;
}

const session = (id: string) => DEFAULT_PROGRAMME.sessions.find((candidate) => candidate.id === id);

describe('the 2021-22 programme', () => {
  it('holds the six universal sessions and the intersessional task of the letter', () => {
    expect(DEFAULT_PROGRAMME.sessions.map((entry) => [entry.id, entry.kind])).toEqual([
      ['T1', 'training'],
      ['W1', 'workshop'],
      ['T2', 'training'],
      ['W2', 'workshop'],
      ['IT', 'task'],
      ['T3', 'training'],
      ['W3', 'workshop'],
    ]);
    expect(DEFAULT_PROGRAMME.sessions.filter(isUniversal)).toHaveLength(6);
    expect(session('IT')).toMatchObject({ opensAfter: 'T2', dueBefore: 'T3' });
  });

  it.each([
    ['T1', '2021-10-01T13:00:00.000Z', '2021-10-01T15:00:00.000Z'],
    ['W1', '2021-11-01T11:00:00.000Z', '2021-11-01T13:00:00.000Z'],
    ['T2', '2022-01-31T14:00:00.000Z', '2022-01-31T16:00:00.000Z'],
    ['W2', '2022-02-11T11:00:00.000Z', '2022-02-11T13:00:00.000Z'],
    ['T3', '2022-05-20T13:00:00.000Z', '2022-05-20T15:00:00.000Z'],
    ['W3', '2022-06-10T10:00:00.000Z', '2022-06-10T12:00:00.000Z'],
  ])('times are London time, summer time included: %s', (id, start, end) => {
    const meeting = session(id);
    if (!meeting || meeting.kind === 'task') throw new Error(`no meeting ${id}`);
    expect(sessionStart(meeting).toISOString()).toBe(start);
    expect(sessionEnd(meeting).toISOString()).toBe(end);
  });

  it('marks the times the letter did not give as to be confirmed', () => {
    expect(DEFAULT_PROGRAMME.sessions.filter((entry) => entry.kind !== 'task' && !entry.timesConfirmed).map((entry) => entry.id)).toEqual(['T2', 'W2', 'T3', 'W3']);
  });

  const sessions = sessionsJson.sessions;
  const broken: { rule: string; change: (json: typeof sessionsJson) => unknown; error: RegExp }[] = [
    { rule: 'session ids are unique', change: (json) => ({ ...json, sessions: [...sessions, sessions[0]] }), error: /more than one session with the id T1/ },
    { rule: 'a session ends after it starts', change: (json) => ({ ...json, sessions: [{ ...sessions[0], end: '13:00' }, ...sessions.slice(1)] }), error: /ends at 13:00, which is not after it starts at 14:00/ },
    { rule: 'a date is a real date', change: (json) => ({ ...json, sessions: [{ ...sessions[0], date: '2022-02-30' }, ...sessions.slice(1)] }), error: /real date/ },
    { rule: 'a time is on the 24-hour clock', change: (json) => ({ ...json, sessions: [{ ...sessions[0], start: '2pm' }, ...sessions.slice(1)] }), error: /24-hour clock/ },
    { rule: 'the task is set at a session in the programme', change: (json) => ({ ...json, sessions: sessions.filter((entry) => entry.id !== 'T2') }), error: /set at T2, which is not a session/ },
    { rule: 'the kind is one we know', change: (json) => ({ ...json, sessions: [{ ...sessions[0], kind: 'party' }] }), error: /training, workshop, network or task/ },
  ];
  it.each(broken)('loadProgramme refuses a file that breaks a rule: $rule', ({ change, error }) => {
    const result = loadProgramme(change(sessionsJson));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(error);
  });

  it('startedSessions lists the meetings begun by now, most recent first', () => {
    expect(startedSessions(DEFAULT_PROGRAMME, new Date('2022-02-11T11:00:00Z')).map((meeting) => meeting.id)).toEqual(['W2', 'T2', 'W1', 'T1']);
    expect(startedSessions(DEFAULT_PROGRAMME, new Date('2021-10-01T12:59:59Z'))).toEqual([]);
  });
});

describe('calendar edits', () => {
  const network = { id: 'N1', kind: 'network', title: 'Side by Side Disadvantaged Network Group, spring term', date: '2022-03-02', start: '15:30', end: '17:00' };

  it('the SIT adds a network session', () => {
    const programme = value(addSession(DEFAULT_PROGRAMME, network));
    expect(programme.sessions.at(-1)).toEqual({ ...network, timesConfirmed: true, onlineLink: null, cancelled: false });
    expect(DEFAULT_PROGRAMME.sessions.some((entry) => entry.id === 'N1')).toBe(false);
  });

  const refusals: { rule: string; edit: () => ReturnType<typeof addSession>; error: RegExp }[] = [
    { rule: 'a new session needs a unique id', edit: () => addSession(DEFAULT_PROGRAMME, { ...network, id: 'T1' }), error: /already a session with the id T1/ },
    { rule: 'a new session ends after it starts', edit: () => addSession(DEFAULT_PROGRAMME, { ...network, end: '15:00' }), error: /not after it starts/ },
    { rule: 'an online link is a web address', edit: () => addSession(DEFAULT_PROGRAMME, { ...network, onlineLink: 'javascript:alert(1)' }), error: /https web address/ },
    { rule: 'only a session in the programme can be moved', edit: () => moveSession(DEFAULT_PROGRAMME, 'X9', { date: '2022-03-01', start: '10:00', end: '12:00' }), error: /no session X9 in the 2021\/22 programme/ },
    { rule: 'the task moves with its sessions, not alone', edit: () => moveSession(DEFAULT_PROGRAMME, 'IT', { date: '2022-03-01', start: '10:00', end: '12:00' }), error: /move those sessions instead/ },
    { rule: 'a move cannot put the task due before it is set', edit: () => moveSession(DEFAULT_PROGRAMME, 'T3', { date: '2022-01-10', start: '14:00', end: '16:00' }), error: /due before T3, which comes no later/ },
    { rule: 'a moved session ends after it starts', edit: () => moveSession(DEFAULT_PROGRAMME, 'W2', { date: '2022-02-18', start: '11:00', end: '10:00' }), error: /not after it starts/ },
    { rule: 'only a session in the programme can be cancelled', edit: () => cancelSession(DEFAULT_PROGRAMME, 'X9'), error: /no session X9/ },
  ];
  it.each(refusals)('refuses: $rule', ({ edit, error }) => {
    const result = edit();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(error);
  });

  it('moving a session sets its new date and confirms its times', () => {
    const moved = value(moveSession(DEFAULT_PROGRAMME, 'W2', { date: '2022-02-18', start: '10:00', end: '12:00' }));
    expect(moved.sessions.find((entry) => entry.id === 'W2')).toMatchObject({ date: '2022-02-18', start: '10:00', end: '12:00', timesConfirmed: true });
  });

  it('cancelling keeps the session in the calendar, marked cancelled, and cancelling again changes nothing', () => {
    const cancelled = value(cancelSession(DEFAULT_PROGRAMME, 'W2'));
    expect(cancelled.sessions).toHaveLength(DEFAULT_PROGRAMME.sessions.length);
    expect(cancelled.sessions.find((entry) => entry.id === 'W2')?.cancelled).toBe(true);
    expect(value(cancelSession(cancelled, 'W2'))).toBe(cancelled);
  });
});
