import { attendanceCsv, attendanceTable } from '../domain/attendance/export.js';
import { attendanceWorkbook } from '../files/attendanceWorkbook.js';
import { meetingsInOrder, type Programme } from '../domain/attendance/programme.js';
import type { AttendanceRecord, TaskSubmission } from '../domain/attendance/record.js';
import { attendanceMatrix } from '../domain/attendance/summary.js';
import type { LiaisonGroup, School } from '../domain/directory/types.js';
import type { CommitmentsConfirmation } from '../domain/nomination/commitmentsConfirmation.js';
import { nominationCoverage } from '../domain/nomination/coverage.js';
import { nominationExportRows, nominationsCsv } from '../domain/nomination/export.js';
import { buildNominationsWorkbook } from '../files/nominationsWorkbook.js';
import type { Nomination, SchoolsByUrn } from '../domain/nomination/nomination.js';
import { CSV, XLSX, type ExportFile } from './ports.js';

/**
 * The export files, made the same way wherever they are asked for: in the chat
 * ("export attendance", "export nominations") or by the tab's export buttons.
 */
export async function attendanceExportFiles(input: {
  readonly programme: Programme;
  readonly groups: readonly LiaisonGroup[];
  readonly signedUp: readonly School[];
  readonly records: readonly AttendanceRecord[];
  readonly submissions: readonly TaskSubmission[];
  readonly now: Date;
  readonly getSchool: (urn: string) => Promise<School | undefined>;
}): Promise<ExportFile[]> {
  const { programme, groups, records, now } = input;
  // A school outside the groups that logged attendance anyway is added, so that no record is left out.
  const known = new Set(input.signedUp.map((school) => school.urn));
  const others = [...new Set(records.map((record) => record.urn).filter((urn) => !known.has(urn)))].sort();
  const outside = await Promise.all(
    others.map(async (urn): Promise<School> => (await input.getSchool(urn)) ?? { urn, name: 'Not in the directory', type: '', phase: 'other', localAuthority: '' }),
  );
  const schools = [...input.signedUp, ...outside];
  const table = attendanceTable(attendanceMatrix(schools, programme, records, input.submissions), programme, (id) => groups.find((group) => group.id === id)?.name);
  const stem = `attendance-${programme.year.replace('/', '-')}-${now.toISOString().slice(0, 10)}`;
  const about = {
    programmeName: programme.name,
    generatedAt: now,
    note: `${schools.length} schools, ${meetingsInOrder(programme).length} sessions. Every school in a liaison group counts as signed up; a school outside the groups appears only if it has logged attendance.`,
  };
  return [
    { filename: `${stem}.xlsx`, contentType: XLSX, bytes: await attendanceWorkbook(table, about) },
    { filename: `${stem}.csv`, contentType: CSV, bytes: Buffer.from(attendanceCsv(table), 'utf8') },
  ];
}

export async function nominationExportFiles(input: {
  readonly nominations: readonly Nomination[];
  readonly groups: readonly LiaisonGroup[];
  readonly schoolsByUrn: SchoolsByUrn;
  readonly confirmations: readonly CommitmentsConfirmation[];
  readonly now: Date;
}): Promise<ExportFile[]> {
  const { nominations, groups, schoolsByUrn, now } = input;
  const rows = nominationExportRows(nominations, groups, schoolsByUrn, input.confirmations);
  const stamp = now.toISOString().slice(0, 10);
  return [
    {
      filename: `champion-nominations-${stamp}.xlsx`,
      contentType: XLSX,
      bytes: await buildNominationsWorkbook(rows, nominationCoverage(nominations, groups, schoolsByUrn), now),
    },
    { filename: `champion-nominations-${stamp}.csv`, contentType: CSV, bytes: Buffer.from(nominationsCsv(rows), 'utf8') },
  ];
}
