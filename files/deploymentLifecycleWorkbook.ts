import { LIFECYCLE_EXPORT_COLUMNS, type LifecycleExportRow } from '../domain/deploymentLifecycle/export.js';
import { loadExcel } from './excel.js';

export const DEPLOYMENTS_SHEET = 'Deployments';

/** The SIT's workbook of every deployment, overdue first, from the rows the domain gives. Words go in as text cells, never formulas. */
export async function buildLifecycleWorkbook(rows: readonly LifecycleExportRow[], created: Date): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'School improvement bot';
  workbook.created = created;
  const sheet = workbook.addWorksheet(DEPLOYMENTS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = LIFECYCLE_EXPORT_COLUMNS.map((header) => ({ header, width: header === 'School or trust' || header === 'Next step' ? 40 : 16 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(LIFECYCLE_EXPORT_COLUMNS.map((column) => row[column]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
