import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SHIPPED_QUESTIONS } from '../../domain/selfEvaluation/questions.js';
import { newSelfEvaluation, submit, saveAnswer, type SelfEvaluation } from '../../domain/selfEvaluation/record.js';
import { buildSelfEvaluationWorkbook } from '../../files/selfEvaluationWorkbook.js';

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
      NOW,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names).toHaveLength(3);
    expect(names[0]).toBe('Summary');
    for (const sheetName of names) {
      expect(sheetName.length).toBeLessThanOrEqual(31);
      expect(sheetName).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(new Set(names.map((sheetName) => sheetName.toLowerCase())).size).toBe(3);
    expect(workbook.worksheets[1]?.getRow(2).getCell(6).value).toBe('=HYPERLINK("https://evil.example")');
    expect(workbook.getWorksheet('Summary')?.getRow(4).getCell(3).value).toBe('started');
  });
});
