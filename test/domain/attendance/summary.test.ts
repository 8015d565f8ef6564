import { describe, expect, it } from 'vitest';
import { addSession, cancelSession } from '../../../domain/attendance/calendar.js';
import { DEFAULT_PROGRAMME, type Programme } from '../../../domain/attendance/programme.js';
import type { TaskSubmission } from '../../../domain/attendance/record.js';
import {
  statusesFrom,
  attendanceMatrix,
  liaisonGroupSummary,
  schoolAttendanceSummary,
  schoolsWithNoAttendanceAtLastSession,
  sessionSummary,
} from '../../../domain/attendance/summary.js';
import { HEAD, record, SCHOOLS } from './fixtures.js';

function value(result: { ok: true; value: Programme } | { ok: false; errors: string[] }): Programme {
  if (!result.ok) throw new Error(result.errors.join(' '));
  return result.value;
}

const PROGRAMME = value(
  addSession(DEFAULT_PROGRAMME, { id: 'N1', kind: 'network', title: 'Network Group, spring term', date: '2022-03-02', start: '15:30', end: '17:00' }),
);
/** After the spring network group, before Training Session 3. */
const NOW = new Date('2022-03-03T09:00:00Z');

const RECORDS = [
  record('T1', '100001', 'present'),
  record('W1', '100001', 'apologies'),
  record('T2', '100001', 'absent', 'John Roe'),
  record('T2', '100001', 'present'),
  record('T1', '100002', 'present'),
  record('W1', '100002', 'present'),
  record('W2', '100002', 'apologies'),
  record('W2', '100003', 'absent'),
  record('W2', '999999', 'present'),
];
const TASKS: TaskSubmission[] = [{ taskId: 'IT', urn: '100001', submittedBy: HEAD, submittedAt: '2022-03-01T10:00:00.000Z' }];

describe('schoolAttendanceSummary', () => {
  const champion = schoolAttendanceSummary('100001', RECORDS, PROGRAMME, { isChampion: true, now: NOW, taskSubmissions: TASKS });

  it('counts sessions attended out of the six universal sessions; apologies do not count', () => {
    expect([champion.attended, champion.outOf]).toEqual([2, 6]);
  });

  it('a school is present when any of its attendees was present', () => {
    expect(champion.sessions.find((line) => line.sessionId === 'T2')?.status).toBe('present');
  });

  it('shows whether the intersessional task is in', () => {
    expect(champion.tasks).toEqual([{ taskId: 'IT', title: 'Intersessional task', submitted: true, submittedAt: '2022-03-01T10:00:00.000Z' }]);
    expect(schoolAttendanceSummary('100002', RECORDS, PROGRAMME, { isChampion: false, now: NOW, taskSubmissions: TASKS }).tasks[0]?.submitted).toBe(false);
  });

  it('flags every universal or network session a champion school has missed, and nothing still to come', () => {
    expect(champion.missed.map((line) => [line.sessionId, line.status])).toEqual([
      ['W1', 'apologies'],
      ['W2', 'no_record'],
      ['N1', 'no_record'],
    ]);
    expect(champion.sessions.filter((line) => line.status === 'upcoming').map((line) => line.sessionId)).toEqual(['T3', 'W3']);
  });

  it('a school that is not a champion sees only the universal sessions and no gaps flagged', () => {
    const summary = schoolAttendanceSummary('100002', RECORDS, PROGRAMME, { isChampion: false, now: NOW });
    expect(summary.sessions.map((line) => line.sessionId)).toEqual(['T1', 'W1', 'T2', 'W2', 'T3', 'W3']);
    expect(summary.missed).toEqual([]);
    expect(summary.attended).toBe(2);
  });

  it('a cancelled session keeps its records but is shown cancelled and no longer counted or missed', () => {
    const cancelled = value(cancelSession(PROGRAMME, 'W2'));
    const summary = schoolAttendanceSummary('100001', RECORDS, cancelled, { isChampion: true, now: NOW });
    expect(summary.outOf).toBe(5);
    expect(summary.sessions.find((line) => line.sessionId === 'W2')?.status).toBe('cancelled');
    expect(summary.missed.map((line) => line.sessionId)).toEqual(['W1', 'N1']);
    expect(sessionSummary('W2', SCHOOLS, statusesFrom(RECORDS)).apologies.map((school) => school.urn)).toEqual(['100002']);
  });
});

describe('sessionSummary', () => {
  it('sorts the signed-up schools into present, apologies, absent and no record', () => {
    const summary = sessionSummary('W2', SCHOOLS, statusesFrom(RECORDS));
    expect({
      present: summary.present.map((school) => school.urn),
      apologies: summary.apologies.map((school) => school.urn),
      absent: summary.absent.map((school) => school.urn),
      noRecord: summary.noRecord.map((school) => school.urn),
    }).toEqual({ present: [], apologies: ['100002'], absent: ['100003'], noRecord: ['100001', '100004'] });
  });

  it('liaisonGroupSummary gives each group its own summary, then the schools in no group', () => {
    const groups = [
      { id: 'group-01', name: 'Liaison Group 01' },
      { id: 'group-02', name: 'Liaison Group 02' },
    ];
    const lines = liaisonGroupSummary('T1', groups, SCHOOLS, statusesFrom(RECORDS));
    expect(lines.map((line) => [line.group?.id ?? null, line.summary.present.length, line.summary.noRecord.length])).toEqual([
      ['group-01', 2, 0],
      ['group-02', 0, 1],
      [null, 0, 1],
    ]);
  });

  it('schoolsWithNoAttendanceAtLastSession looks at the latest universal session begun', () => {
    const result = schoolsWithNoAttendanceAtLastSession(PROGRAMME, NOW, SCHOOLS, statusesFrom(RECORDS));
    expect(result?.session.id).toBe('W2');
    expect(result?.schools.map(({ school, status }) => [school.urn, status])).toEqual([
      ['100001', 'no_record'],
      ['100002', 'apologies'],
      ['100003', 'absent'],
      ['100004', 'no_record'],
    ]);
    expect(schoolsWithNoAttendanceAtLastSession(PROGRAMME, new Date('2021-09-01T00:00:00Z'), SCHOOLS, statusesFrom(RECORDS))).toBeUndefined();
  });
});

describe('attendanceMatrix', () => {
  it('gives one row per school, a column per session, the attended count and the task', () => {
    const matrix = attendanceMatrix(SCHOOLS.slice(0, 2), PROGRAMME, RECORDS, TASKS);
    expect(matrix.columns.map((column) => column.sessionId)).toEqual(['T1', 'W1', 'T2', 'W2', 'N1', 'T3', 'W3']);
    expect(matrix.taskIds).toEqual(['IT']);
    expect(matrix.rows).toEqual([
      {
        urn: '100001',
        name: 'Amersham Primary',
        liaisonGroupId: 'group-01',
        cells: { T1: 'present', W1: 'apologies', T2: 'present', W2: '', N1: '', T3: '', W3: '' },
        attended: 2,
        outOf: 6,
        tasks: { IT: true },
      },
      {
        urn: '100002',
        name: 'Beaconsfield High',
        liaisonGroupId: 'group-01',
        cells: { T1: 'present', W1: 'present', T2: '', W2: 'apologies', N1: '', T3: '', W3: '' },
        attended: 2,
        outOf: 6,
        tasks: { IT: false },
      },
    ]);
  });
});
