/**
 * The bot's copy of the deployment form as an Excel workbook (the rows come from
 * domain/deployment/workbook.ts), and the same read back, as a person opening it would see it.
 */
import type ExcelJS from 'exceljs';
import { fail, ok, type Result } from '../domain/result.js';
import type { DeploymentDraft } from '../domain/deployment/draft.js';
import { SECTION_NUMBERS } from '../domain/deployment/sections.js';
import { sectionRows, sheetName, sheetTitle, type WorkbookOptions, type WorkbookRow, type WorkbookSheet } from '../domain/deployment/workbook.js';
import { loadExcel } from './excel.js';

export async function buildDeploymentWorkbook(draft: DeploymentDraft, options: WorkbookOptions): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'School improvement bot';
  workbook.created = new Date(draft.updatedAt);
  for (const section of SECTION_NUMBERS) {
    const sheet = workbook.addWorksheet(sheetName(section));
    sheet.columns = [{ width: 42 }, { width: 80 }];
    const heading = sheet.addRow([sheetTitle(section)]);
    heading.font = { bold: true, size: 14 };
    for (const row of sectionRows(draft, section, options)) {
      const added = sheet.addRow([row.label, row.value]);
      added.getCell(1).font = { bold: true };
      added.alignment = { vertical: 'top', wrapText: true };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const cellText = (value: ExcelJS.CellValue): string | number => {
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((run) => run.text).join('');
  return String(value);
};

/** Reads a workbook back sheet by sheet: what a person opening it would see. */
export async function readDeploymentWorkbook(buffer: Buffer): Promise<Result<WorkbookSheet[]>> {
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    return fail('That file is not an Excel workbook that can be read.');
  }
  return ok(
    workbook.worksheets.map((sheet) => {
      const rows: WorkbookRow[] = [];
      sheet.eachRow((row, rowNumber) => {
        if (rowNumber > 1) rows.push({ label: String(cellText(row.getCell(1).value)), value: cellText(row.getCell(2).value) });
      });
      return { name: sheet.name, title: String(cellText(sheet.getCell('A1').value)), rows };
    }),
  );
}
