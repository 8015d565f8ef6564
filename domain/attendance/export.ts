/**
 * The SIT's attendance export: one row per school, a column per session (see attendanceMatrix),
 * as a CSV file and as an Excel workbook with the same table.
 */
import { toCsv, type CsvValue } from './csv.js';
import { findSession, type Programme } from './programme.js';
import type { AttendanceMatrixColumn, attendanceMatrix } from './summary.js';

export interface AttendanceTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly CsvValue[])[];
}

type Matrix = ReturnType<typeof attendanceMatrix>;

export function sessionColumnTitle(column: AttendanceMatrixColumn): string {
  return `${column.sessionId} ${column.title} (${column.date})${column.cancelled ? ' cancelled' : ''}`;
}

/**
 * The table both files hold. A session cell is present, apologies or absent, and blank where
 * nothing is recorded; a task cell is "submitted" or blank. `groupName` names a liaison group.
 */
export function attendanceTable(matrix: Matrix, programme: Programme, groupName: (groupId: string) => string | undefined): AttendanceTable {
  const header = [
    'URN',
    'School',
    'Liaison group',
    ...matrix.columns.map(sessionColumnTitle),
    'Sessions attended',
    'Out of',
    ...matrix.taskIds.map((taskId) => `${taskId} ${findSession(programme, taskId)?.title ?? 'Task'}`),
  ];
  const rows = matrix.rows.map((row) => [
    row.urn,
    row.name,
    row.liaisonGroupId === undefined ? '' : (groupName(row.liaisonGroupId) ?? row.liaisonGroupId),
    ...matrix.columns.map((column) => row.cells[column.sessionId] ?? ''),
    row.attended,
    row.outOf,
    ...matrix.taskIds.map((taskId) => (row.tasks[taskId] ? 'submitted' : '')),
  ]);
  return { header, rows };
}

export function attendanceCsv(table: AttendanceTable): string {
  return toCsv([table.header, ...table.rows]);
}
