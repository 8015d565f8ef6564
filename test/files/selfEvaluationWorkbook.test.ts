import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SHIPPED_QUESTIONS } from '../../domain/selfEvaluation/questions.js';
import { setReviewVisit } from '../../domain/selfEvaluation/overview.js';
import { newSelfEvaluation, submit, saveAnswer, type SelfEvaluation } from '../../domain/selfEvaluation/record.js';
import { buildSelfEvaluationWorkbook, GROUPS_SHEET, STRANDS_SHEET } from '../../files/selfEvaluationWorkbook.js';

const NOW = new Date('2026-10-05T09:00:00Z');
const HEAD = { aadObjectId: 'aad-head', name: 'Alex Head' };

function submitted(urn: string, evidence: string): SelfEvaluation {
  let record = newSelfEvaluation(urn);
  for (const issue of SHIPPED_QUESTIONS.keyIssues) record = saveAnswer(record, issue.number, { step: 'beginning', texts: { evidence }, editedBy: HEAD, editedAt: NOW.toISOString() }, NOW).record;
  const result = submit(SHIPPED_QUESTIONS, record, HEAD, NOW);
  if (!result.ok) throw new Error(result.errors.join(' '));
  return result.value;
}

describe('the self-evaluations workbook', () => {
  it('names sheets as Excel allows (31 characters, no [ ] : * ? / \\, unique) and keeps a formula-looking answer as text', async () => {
    const name = 'St Mary’s [C of E]: Primary / Nursery? * The Longest Name';
    const bytes = await buildSelfEvaluationWorkbook(
      SHIPPED_QUESTIONS,
      [
        { urn: '100001', name, record: submitted('100001', '=HYPERLINK("https://evil.example")') },
        { urn: '100001', name, record: submitted('100001', 'Second') },
        { urn: '100002', name: 'Only started', record: saveAnswer(newSelfEvaluation('100002'), 1, { step: 'embedded', texts: {}, editedBy: HEAD, editedAt: NOW.toISOString() }, NOW).record },
      ],
      { groups: [], today: '2026-10-05' },
      NOW,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names).toHaveLength(6);
    expect(names[0]).toBe('Summary');
    for (const sheetName of names) {
      expect(sheetName.length).toBeLessThanOrEqual(31);
      expect(sheetName).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(new Set(names.map((sheetName) => sheetName.toLowerCase())).size).toBe(6);
    expect(workbook.worksheets[1]?.getRow(2).getCell(6).value).toBe('=HYPERLINK("https://evil.example")');
    expect(workbook.getWorksheet('Summary')?.getRow(4).getCell(3).value).toBe('started');
  });

  it('carries the SIT’s overview: each school’s liaison group and review visit, the counts by group and by strand', async () => {
    const visited = setReviewVisit(submitted('100001', 'Minutes'), '2026-09-30', HEAD, NOW);
    const bytes = await buildSelfEvaluationWorkbook(
      SHIPPED_QUESTIONS,
      [
        { urn: '100001', name: 'Amersham Primary', liaisonGroup: 'Amersham', record: visited },
        { urn: '100002', name: 'Beaconsfield High', record: setReviewVisit(newSelfEvaluation('100002'), '2026-12-01', HEAD, NOW) },
      ],
      { groups: [{ liaisonGroupId: 'lg-01', name: 'Amersham', started: 0, submitted: 1, reviewed: 0 }], today: '2026-10-05' },
      NOW,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    const summary = workbook.getWorksheet('Summary');
    expect((summary?.getRow(2).values as unknown[]).slice(-3)).toEqual(['Amersham', '30 September 2026', 'overdue']);
    expect((summary?.getRow(3).values as unknown[]).slice(-2)).toEqual(['1 December 2026', 'coming']);
    expect((workbook.getWorksheet(GROUPS_SHEET)?.getRow(2).values as unknown[]).slice(1)).toEqual(['Amersham', 0, 1, 0]);
    const strands = workbook.getWorksheet(STRANDS_SHEET);
    expect((strands?.getRow(1).values as unknown[]).slice(1)).toEqual(['Strand', 'Not started', 'Beginning', 'Developing', 'Embedded', 'Schools counted']);
    const know = SHIPPED_QUESTIONS.keyIssues.filter((issue) => issue.strand === 'know').length;
    expect((strands?.getRow(2).values as unknown[]).slice(1)).toEqual(['Know the gaps', 0, know, 0, 0, 1]);
  });
});
