import type { AttendanceTable } from '../domain/attendance/export.js';
import { loadExcel } from './excel.js';

export const ATTENDANCE_SHEET = 'Attendance';

/** The same table as a workbook: a bold, frozen header row, and an "About" sheet saying what it is. */
export async function attendanceWorkbook(table: AttendanceTable, about: { programmeName: string; generatedAt: Date; note: string }): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'School improvement bot';
  workbook.created = about.generatedAt;
  const sheet = workbook.addWorksheet(ATTENDANCE_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  sheet.addRow([...table.header]).font = { bold: true };
  for (const row of table.rows) sheet.addRow([...row]);
  sheet.columns.forEach((column, index) => {
    column.width = index === 1 ? 40 : Math.min(30, Math.max(10, (table.header[index]?.length ?? 10) + 2));
  });
  const notes = workbook.addWorksheet('About');
  notes.addRow([about.programmeName]).font = { bold: true };
  notes.addRow([`Exported ${about.generatedAt.toISOString()}`]);
  notes.addRow([about.note]);
  notes.getColumn(1).width = 100;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
