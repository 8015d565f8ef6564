import { NOMINATION_EXPORT_COLUMNS, type ExportRow } from '../domain/nomination/export.js';
import type { NominationCoverage } from '../domain/nomination/coverage.js';
import { loadExcel } from './excel.js';

export const NOMINATIONS_SHEET = 'Nominations';
export const COVERAGE_SHEET = 'Coverage';

/** The workbook: the rows on one sheet, and the coverage the SIT chooses by on another. */
export async function buildNominationsWorkbook(rows: readonly ExportRow[], coverage: NominationCoverage, created: Date): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'School improvement bot';
  workbook.created = created;

  const sheet = workbook.addWorksheet(NOMINATIONS_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  sheet.columns = NOMINATION_EXPORT_COLUMNS.map((column) => ({
    header: column.header,
    key: column.key,
    width: column.key.endsWith('gapEvidence') ? 60 : Math.min(40, Math.max(12, column.header.length + 2)),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const added = sheet.addRow(NOMINATION_EXPORT_COLUMNS.map((column) => row[column.key] ?? ''));
    added.alignment = { vertical: 'top', wrapText: true };
  }

  const summary = workbook.addWorksheet(COVERAGE_SHEET);
  summary.columns = [{ width: 36 }, { width: 60 }];
  const add = (label: string, value: string | number, bold = false) => {
    const added = summary.addRow([label, value]);
    if (bold) added.font = { bold: true };
  };
  add('Liaison groups nominated', `${coverage.nominated} of ${coverage.of}`, true);
  add('Still to nominate', coverage.missingGroups.map((group) => group.name).join('; '));
  add('First choices by phase', '', true);
  for (const [phase, count] of Object.entries(coverage.phaseMix)) if (count > 0) add(phase, count);
  add('First choices by size', '', true);
  for (const [band, count] of Object.entries(coverage.sizeMix)) if (count > 0) add(band, count);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
