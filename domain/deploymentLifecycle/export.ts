/** The SIT's export: one row per deployment, the overdue first, as the workbook lays it out. */
import { formatLongDate } from '../tsi/academicYear.js';
import { dueSteps, stageOf, STAGE_TITLES, type FormFacts } from './due.js';
import { loggedDays, type DeploymentLifecycle } from './record.js';

export const LIFECYCLE_EXPORT_COLUMNS = [
  'School or trust',
  'URN',
  'System leader',
  'Stage',
  'Days delivered',
  'Days agreed',
  'Next step',
  'Due',
  'Overdue',
  'First visit',
  'Extension',
  'Trust partnership',
] as const;

export type LifecycleExportRow = Record<(typeof LIFECYCLE_EXPORT_COLUMNS)[number], string | number>;

export interface ExportedDeployment {
  readonly record: DeploymentLifecycle;
  readonly form?: FormFacts | undefined;
}

export function lifecycleExportRows(deployments: readonly ExportedDeployment[], today: string): LifecycleExportRow[] {
  const rows = deployments.map(({ record, form }) => {
    const next = dueSteps(record, today, form)[0];
    return {
      overdue: next?.overdue === true,
      dueOn: next?.dueOn ?? '9999-12-31',
      row: {
        'School or trust': record.recipient.name,
        URN: record.recipient.urn ?? '',
        'System leader': record.ownerName,
        Stage: STAGE_TITLES[stageOf(record, form)],
        'Days delivered': loggedDays(record),
        'Days agreed': record.agreedDays,
        'Next step': next?.title ?? '',
        Due: next ? formatLongDate(next.dueOn) : '',
        Overdue: next?.overdue ? 'yes' : 'no',
        'First visit': record.engagement.firstVisitOn ? formatLongDate(record.engagement.firstVisitOn) : '',
        Extension: record.extension.status === 'none' ? '' : record.extension.status,
        'Trust partnership': record.partnership.status === 'none' ? '' : record.partnership.status.replace(/_/g, ' '),
      },
    };
  });
  return rows.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn)).map((entry) => entry.row);
}
