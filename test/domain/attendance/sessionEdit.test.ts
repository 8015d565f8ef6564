import { describe, expect, it } from 'vitest';
import { cancelSession } from '../../../domain/attendance/calendar.js';
import { DEFAULT_PROGRAMME, findSession, type Programme } from '../../../domain/attendance/programme.js';
import { addSessionFromDetails, editSession, nextSessionId, readSessionDate, readSessionTime } from '../../../domain/attendance/sessionEdit.js';

const NETWORK = { title: 'Disadvantaged Network Group, spring term', kind: 'network', date: '2022-03-02', start: '15:30', end: '17:00', onlineLink: '' };

function value<T>(result: { ok: true; value: T } | { ok: false; errors: string[] }): T {
  if (!result.ok) throw new Error(result.errors.join(' '));
  return result.value;
}

describe('nextSessionId', () => {
  it.each([
    ['training', 'T4'],
    ['workshop', 'W4'],
    ['network', 'N1'],
  ] as const)('the next %s session is %s', (kind, id) => {
    expect(nextSessionId(DEFAULT_PROGRAMME, kind)).toBe(id);
  });
});

describe('addSessionFromDetails', () => {
  it('adds a network group with the next free id, its times confirmed and no link yet', () => {
    const { programme, added } = value(addSessionFromDetails(DEFAULT_PROGRAMME, NETWORK));
    expect(added).toMatchObject({ id: 'N1', kind: 'network', timesConfirmed: true, onlineLink: null, cancelled: false });
    expect(findSession(programme, 'N1')).toEqual(added);
    expect(nextSessionId(programme, 'network')).toBe('N2');
  });

  it.each([
    ['an end before the start', { ...NETWORK, end: '15:00' }, 'ends at 15:00, which is not after it starts at 15:30'],
    ['a link that is not https', { ...NETWORK, onlineLink: 'http://example.org/meeting' }, 'The online link must be an https web address'],
    ['no title', { ...NETWORK, title: ' ' }, 'The session title is empty.'],
    ['a kind that is not a meeting', { ...NETWORK, kind: 'task' }, 'The kind of session must be training, workshop or network.'],
    ['a date that does not exist', { ...NETWORK, date: '2022-02-30' }, 'A date must be a real date'],
  ])('refuses %s', (_rule, input, message) => {
    const result = addSessionFromDetails(DEFAULT_PROGRAMME, input);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.errors.join(' ')).toContain(message);
  });
});

describe('editSession', () => {
  it('changes the title, times and link together and confirms the times', () => {
    const edited = value(editSession(DEFAULT_PROGRAMME, 'T2', { ...NETWORK, kind: 'training', title: 'Training Session 2', onlineLink: 'https://teams.example/t2' }));
    expect(findSession(edited, 'T2')).toMatchObject({ date: '2022-03-02', start: '15:30', end: '17:00', timesConfirmed: true, onlineLink: 'https://teams.example/t2' });
  });

  it('keeps a cancelled session cancelled', () => {
    const cancelled = value(cancelSession(DEFAULT_PROGRAMME, 'W3'));
    const edited: Programme = value(editSession(cancelled, 'W3', { ...NETWORK, kind: 'workshop', title: 'Workshop Meeting 3' }));
    expect(findSession(edited, 'W3')?.cancelled).toBe(true);
  });

  it.each([
    ['an unknown session', 'X9', 'There is no session X9 in the 2021/22 programme.'],
    ['the intersessional task', 'IT', 'Intersessional task (IT) has no date of its own'],
  ])('refuses %s', (_rule, id, message) => {
    const result = editSession(DEFAULT_PROGRAMME, id, NETWORK);
    expect(result.ok ? '' : result.errors.join(' ')).toContain(message);
  });

  it('refuses a move that puts T3 before T2, which sets the task due before T3', () => {
    const result = editSession(DEFAULT_PROGRAMME, 'T3', { ...NETWORK, kind: 'training', title: 'Training Session 3', date: '2022-01-01' });
    expect(result.ok ? '' : result.errors.join(' ')).toContain('is set at T2 but due before T3, which comes no later');
  });
});

describe('readSessionTime', () => {
  it.each([
    ['14:00', '14:00'],
    ['14.30', '14:30'],
    ['1400', '14:00'],
    ['2pm', '14:00'],
    ['2:30 pm', '14:30'],
    ['12pm', '12:00'],
    ['12am', '00:00'],
    ['9am', '09:00'],
    ['noon', '12:00'],
  ])('reads %s as %s', (typed, time) => {
    expect(readSessionTime(typed)).toEqual({ ok: true, value: time });
  });

  it.each([
    ['a bare hour, which could be morning or afternoon', '2', 'Is that in the morning or the afternoon?'],
    ['a time past midnight', '25:00', 'is not a time of day'],
    ['13pm', '13pm', 'is not a time on the 12-hour clock'],
    ['words', 'after lunch', 'I could not read "after lunch" as a time.'],
  ])('refuses %s', (_rule, typed, message) => {
    const result = readSessionTime(typed);
    expect(result.ok ? '' : result.errors.join(' ')).toContain(message);
  });
});

describe('readSessionDate', () => {
  it('reads a date in the future, as sessions are', () => {
    expect(readSessionDate('14 March 2030')).toEqual({ ok: true, value: '2030-03-14' });
  });

  it('refuses a date that does not exist', () => {
    expect(readSessionDate('30/02/2022').ok).toBe(false);
  });
});
