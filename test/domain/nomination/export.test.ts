import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CommitmentsConfirmation } from '../../../domain/nomination/commitmentsConfirmation.js';
import { nominationCoverage } from '../../../domain/nomination/coverage.js';
import { csvField, NOMINATION_EXPORT_COLUMNS, nominationExportRows, nominationsCsv, type ExportRow } from '../../../domain/nomination/export.js';
import { buildNominationsWorkbook, COVERAGE_SHEET, NOMINATIONS_SHEET } from '../../../files/nominationsWorkbook.js';
import type { Nomination } from '../../../domain/nomination/nomination.js';
import { submitNomination } from '../../../domain/nomination/submit.js';
import { ALICE, completeNomination, CONTEXT, edited, GROUP, GROUPS, NOW, SCHOOLS_BY_URN } from './fixtures.js';

/** Values a spreadsheet or a careless CSV writer gets wrong: separators, quotes, line breaks, formulas. */
const AWKWARD_NOTE = 'Gap of "20 points", in reading;\nwriting, too.\r\nAnd maths: café';
const FORMULA_NAME = '=HYPERLINK("http://example.com","click")';

function submittedAwkward(): Nomination {
  const nomination = edited(completeNomination(), [
    { kind: 'set_gap_evidence', choice: 'first', text: AWKWARD_NOTE },
    { kind: 'set_champion_name', choice: 'second', name: FORMULA_NAME },
    { kind: 'set_champion_role', choice: 'second', role: 'other' },
    { kind: 'set_champion_role_note', choice: 'second', note: ' Head of Year 6, acting' },
  ]);
  const result = submitNomination(nomination, { by: ALICE, now: NOW, commitmentsConfirmed: true, group: GROUP, schoolsByUrn: SCHOOLS_BY_URN });
  if (!result.ok) throw new Error(result.errors.join(' '));
  return result.value;
}

const CONFIRMATION: CommitmentsConfirmation = {
  urn: '100001',
  groupId: GROUP.id,
  choice: 'first',
  commitmentIds: ['named_champion'],
  confirmedBy: { aadObjectId: 'aad-head', name: 'Harriet Head' },
  confirmedAt: '2021-11-16T09:05:00Z',
};

const nominations = [submittedAwkward()];
const rows = nominationExportRows(nominations, GROUPS, SCHOOLS_BY_URN, [CONFIRMATION]);

describe('nominationExportRows', () => {
  it('has one row per liaison group, in order, with groups still to nominate marked not started', () => {
    expect(rows.map((row) => row.groupId)).toEqual(GROUPS.map((group) => group.id));
    expect(rows[1]).toMatchObject({ groupName: GROUPS[1]!.name, status: 'Not started', 'first.urn': '' });
  });

  it('shows the group’s nomination as recorded, with London times', () => {
    expect(rows[0]).toMatchObject({
      status: 'Submitted',
      submittedBy: ALICE.name,
      submittedAt: '2021-11-15 10:00',
      earlierSubmissions: 0,
      'first.urn': '100001',
      'first.school': 'Amersham Primary',
      'first.pupils': 150,
      'first.size': 'small (under 200)',
      'first.gapEvidence': AWKWARD_NOTE.trim().replace('\r\n', '\n'),
      'first.notInadequate': 'Yes',
      'first.headteacherConfirmedAt': '2021-11-16 09:05',
      'second.championName': FORMULA_NAME,
      'second.championRole': 'Another role',
      'second.championRoleNote': 'Head of Year 6, acting',
      'second.headteacherConfirmedAt': '',
    });
  });

  it('a draft is exported as a draft', () => {
    const [row] = nominationExportRows([completeNomination()], [GROUP], SCHOOLS_BY_URN);
    expect(row?.status).toBe('Draft (not submitted)');
  });
});

describe('csvField', () => {
  it.each([
    ['plain text stays as it is', 'Amersham Primary', 'Amersham Primary'],
    ['a comma is quoted', 'a, b', '"a, b"'],
    ['quotation marks are doubled inside quotes', 'say "hi"', '"say ""hi"""'],
    ['a line break is quoted', 'one\ntwo', '"one\ntwo"'],
    ['edge spaces are kept by quoting', ' padded ', '" padded "'],
    ['a formula is made text with an apostrophe', '=1+1', "'=1+1"],
    ['a cell starting with @ is made text', '@SUM(A1)', "'@SUM(A1)"],
    ['numbers are written as they are', 150, '150'],
  ] as const)('%s', (_rule, value, written) => {
    expect(csvField(value)).toBe(written);
  });
});

/** What a row should read as in a CSV file: every cell text, formulas neutralised. */
const asCsvText = (row: ExportRow) => NOMINATION_EXPORT_COLUMNS.map((column) => csvField(String(row[column.key] ?? '')).replace(/^"|"$/g, '').replace(/""/g, '"'));

describe('the CSV file, read back with csv-parse', () => {
  const text = nominationsCsv(rows);
  const parsed = parse(text, { bom: true, relax_column_count: false }) as string[][];

  it('has the header and one record per row, with every value as it was recorded', () => {
    expect(parsed[0]).toEqual(NOMINATION_EXPORT_COLUMNS.map((column) => column.header));
    expect(parsed.slice(1)).toEqual(rows.map(asCsvText));
    expect(parsed[1]?.[NOMINATION_EXPORT_COLUMNS.findIndex((column) => column.key === 'first.gapEvidence')]).toBe('Gap of "20 points", in reading;\nwriting, too.\nAnd maths: café');
  });

  it('starts with a byte order mark and ends lines with CRLF, as Excel expects', () => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('a formula typed into the card reaches the spreadsheet as text', () => {
    const cell = parsed[1]?.[NOMINATION_EXPORT_COLUMNS.findIndex((column) => column.key === 'second.championName')];
    expect(cell).toBe(`'${FORMULA_NAME}`);
  });
});

describe('the workbook, read back with ExcelJS', () => {
  async function load(): Promise<ExcelJS.Workbook> {
    const coverage = nominationCoverage(nominations, GROUPS, SCHOOLS_BY_URN);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildNominationsWorkbook(rows, coverage, NOW)) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    return workbook;
  }
  const cellValue = (value: ExcelJS.CellValue): string | number => (value === null || value === undefined ? '' : (value as string | number));

  it('holds the same rows, values and types as the records', async () => {
    const sheet = (await load()).getWorksheet(NOMINATIONS_SHEET)!;
    const read: (string | number)[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      read.push(NOMINATION_EXPORT_COLUMNS.map((_column, index) => cellValue(row.getCell(index + 1).value)));
    });
    expect(read[0]).toEqual(NOMINATION_EXPORT_COLUMNS.map((column) => column.header));
    expect(read.slice(1)).toEqual(rows.map((row) => NOMINATION_EXPORT_COLUMNS.map((column) => row[column.key] ?? '')));
  });

  it('summarises the coverage on its own sheet', async () => {
    const sheet = (await load()).getWorksheet(COVERAGE_SHEET)!;
    expect(sheet.getCell('B1').value).toBe('1 of 18');
    expect(sheet.getCell('A4').value).toBe('primary');
    expect(sheet.getCell('B4').value).toBe(1);
  });
});

it('exports edits made with the usual rules, not only fixtures', () => {
  const [row] = nominationExportRows([edited(completeNomination(), [{ kind: 'set_stable_slt', choice: 'second', stableSlt: false }], CONTEXT)], [GROUP], SCHOOLS_BY_URN);
  expect(row?.['second.stableSlt']).toBe('No');
});
