import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../../domain/attendance/csv.js';
import { attendanceCsv, attendanceTable } from '../../../domain/attendance/export.js';
import { ATTENDANCE_SHEET, attendanceWorkbook } from '../../../files/attendanceWorkbook.js';
import { DEFAULT_PROGRAMME } from '../../../domain/attendance/programme.js';
import { attendanceMatrix } from '../../../domain/attendance/summary.js';
import { HEAD, record, SCHOOLS } from './fixtures.js';

describe('csvField', () => {
  it.each([
    ['plain text as it is', 'Amersham Primary', 'Amersham Primary'],
    ['a comma quoted', 'Church of England, Aided', '"Church of England, Aided"'],
    ['quotation marks doubled', 'The "Beacon" School', '"The ""Beacon"" School"'],
    ['a line break quoted', 'line one\nline two', '"line one\nline two"'],
    ['leading spaces quoted', '  indented', '"  indented"'],
    ['a formula made text', '=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['a leading minus made text', '-1+2', "'-1+2"],
    ['a number as it is', 6, '6'],
  ])('writes %s', (_rule, input, written) => {
    expect(csvField(input)).toBe(written);
  });

  it('reads back exactly what was written, through a CSV parser', () => {
    const rows = [['a,b', 'say "hi"', 'two\r\nlines', ' x '], ['', 'plain', 'é ü', 'last']];
    expect(parse(toCsv(rows), { bom: true, relax_column_count: false })).toEqual(rows);
  });
});

describe('the attendance export', () => {
  const records = [record('T1', '100001', 'present'), record('T1', '100002', 'apologies'), record('W1', '100001', 'absent')];
  const matrix = attendanceMatrix(SCHOOLS, DEFAULT_PROGRAMME, records, [{ taskId: 'IT', urn: '100002', submittedBy: HEAD, submittedAt: '2022-02-20T10:00:00.000Z' }]);
  const table = attendanceTable(matrix, DEFAULT_PROGRAMME, (id) => ({ 'group-01': 'Amersham and Chesham' })[id]);

  it('has a column per session in date order, then the count and the task', () => {
    expect(table.header).toEqual([
      'URN',
      'School',
      'Liaison group',
      'T1 Training Session 1 (2021-10-01)',
      'W1 Workshop Meeting 1 (2021-11-01)',
      'T2 Training Session 2 (2022-01-31)',
      'W2 Workshop Meeting 2 (2022-02-11)',
      'T3 Training Session 3 (2022-05-20)',
      'W3 Workshop Meeting 3 (2022-06-10)',
      'Sessions attended',
      'Out of',
      'IT Intersessional task',
    ]);
  });

  it('has one row per school with its statuses, blank where nothing is recorded', () => {
    expect(table.rows[0]).toEqual(['100001', 'Amersham Primary', 'Amersham and Chesham', 'present', 'absent', '', '', '', '', 1, 6, '']);
    expect(table.rows[1]).toEqual(['100002', 'Beaconsfield High', 'Amersham and Chesham', 'apologies', '', '', '', '', '', 0, 6, 'submitted']);
    expect(table.rows[3]?.[2]).toBe('');
  });

  it('the CSV and the workbook hold the same table', async () => {
    const csv = parse(attendanceCsv(table), { bom: true }) as string[][];
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await attendanceWorkbook(table, { programmeName: 'Test', generatedAt: new Date('2022-02-11T15:00:00Z'), note: '' })) as never);
    const sheet = workbook.getWorksheet(ATTENDANCE_SHEET);
    const xlsx: string[][] = [];
    sheet?.eachRow({ includeEmpty: true }, (row) => {
      xlsx.push(table.header.map((_, index) => String(row.getCell(index + 1).value ?? '')));
    });
    const expected = [table.header, ...table.rows].map((row) => row.map(String));
    expect(csv).toEqual(expected);
    expect(xlsx).toEqual(expected);
  });
});
