import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { LIFECYCLE_EXPORT_COLUMNS, lifecycleExportRows } from '../../domain/deploymentLifecycle/export.js';
import { buildLifecycleWorkbook, DEPLOYMENTS_SHEET } from '../../files/deploymentLifecycleWorkbook.js';
import { CAN_SUPPORT, daysFrom, lifecycle } from '../domain/deploymentLifecycle/support.js';

describe('the SIT’s deployments workbook, read back', () => {
  it('one row per deployment, overdue first, words kept as text (never formulas)', async () => {
    const overdue = { ...lifecycle(), id: 'dep-2', recipient: { kind: 'school' as const, name: '=HYPERLINK("https://evil.example","Ashdown")' } };
    const onTrack = lifecycle({ engagement: { ...CAN_SUPPORT, schoolContactedOn: '2025-01-10', firstVisitOn: '2025-01-20' }, days: daysFrom('2025-01-20', 3), checklists: { preEngagement: { doneOn: '2025-01-20' } } });
    const rows = lifecycleExportRows([{ record: onTrack }, { record: overdue }], '2025-01-23');
    const bytes = await buildLifecycleWorkbook(rows, new Date('2025-01-23T09:00:00Z'));

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    const sheet = workbook.getWorksheet(DEPLOYMENTS_SHEET);
    expect((sheet?.getRow(1).values as unknown[]).slice(1)).toEqual([...LIFECYCLE_EXPORT_COLUMNS]);
    const first = (sheet?.getRow(2).values as unknown[]).slice(1);
    expect(first.slice(0, 9)).toEqual(['=HYPERLINK("https://evil.example","Ashdown")', '', 'Lee Leader', 'Engagement', 0, 10, 'Confirm to the RDP whether you can support (yes or no)', '9 January 2025', 'yes']);
    expect(sheet?.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);
    const second = (sheet?.getRow(3).values as unknown[]).slice(1);
    expect(second.slice(0, 9)).toEqual(['Willowmere Primary', '100001', 'Lee Leader', 'Deployment', 3, 10, '', '', 'no']);
    expect(sheet?.rowCount).toBe(3);
  });
});
