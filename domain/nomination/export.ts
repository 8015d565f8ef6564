/**
 * The nominations as the School Improvement Team downloads them: a CSV file and an Excel
 * workbook with one row per liaison group, including groups still to nominate.
 */
import { londonDateOf, londonTimeOf } from '../time/londonTime.js';
import type { LiaisonGroup } from '../directory/types.js';
import type { CommitmentsConfirmation } from './commitmentsConfirmation.js';
import { sizeBandOf } from './coverage.js';
import { CHAMPION_ROLE_LABELS, CHOICES, type Choice, type ChoiceName, type Nomination, type NominationStatus, type SchoolsByUrn } from './nomination.js';

export const STATUS_LABELS: Record<NominationStatus, string> = {
  draft: 'Draft (not submitted)',
  submitted: 'Submitted',
  selected: 'Selected',
  reserve_selected: 'Reserve selected',
  not_selected: 'Not selected',
};
export const NOT_STARTED = 'Not started';

const GROUP_COLUMNS = [
  ['groupId', 'Liaison group id'],
  ['groupName', 'Liaison group'],
  ['status', 'Status'],
  ['submittedBy', 'Submitted by'],
  ['submittedAt', 'Submitted at'],
  ['earlierSubmissions', 'Earlier submissions'],
  ['decidedBy', 'Decided by'],
  ['decidedAt', 'Decided at'],
] as const;

const CHOICE_COLUMNS = [
  ['urn', 'URN'],
  ['school', 'School'],
  ['phase', 'Phase'],
  ['pupils', 'Pupils'],
  ['size', 'Size'],
  ['championName', 'Champion'],
  ['championRole', "Champion's role"],
  ['championRoleNote', "Champion's role (if another)"],
  ['notInadequate', 'Not graded inadequate'],
  ['newerInspectionDate', 'Newer inspection date'],
  ['newerInspectionGrade', 'Newer inspection grade'],
  ['stableSlt', 'Stable senior leadership team'],
  ['gapEvidence', 'Gap evidence'],
  ['headteacherConfirmedAt', 'Headteacher confirmed commitments at'],
] as const;

const CHOICE_PREFIX: Record<ChoiceName, string> = { first: 'First choice', second: 'Second choice' };

export interface ExportColumn {
  readonly key: string;
  readonly header: string;
}

/** The columns, in order: the group's, then the first choice's, then the second choice's. */
export const NOMINATION_EXPORT_COLUMNS: readonly ExportColumn[] = [
  ...GROUP_COLUMNS.map(([key, header]) => ({ key, header })),
  ...CHOICES.flatMap((choice) => CHOICE_COLUMNS.map(([key, header]) => ({ key: `${choice}.${key}`, header: `${CHOICE_PREFIX[choice]}: ${header}` }))),
];

/** One group's row, by column key: counts as numbers, everything else as text. */
export type ExportRow = Readonly<Record<string, string | number>>;

/** An instant as London's wall clock, 'YYYY-MM-DD HH:MM': what a spreadsheet user expects. */
export function londonDateTime(iso: string | undefined): string {
  if (iso === undefined) return '';
  const instant = new Date(iso);
  return `${londonDateOf(instant)} ${londonTimeOf(instant)}`;
}

const yesNo = (value: boolean | undefined): string => (value === undefined ? '' : value ? 'Yes' : 'No');

function choiceCells(choice: Choice | undefined, schoolsByUrn: SchoolsByUrn, confirmation: CommitmentsConfirmation | undefined): Record<string, string | number> {
  const school = choice?.urn === undefined ? undefined : schoolsByUrn.get(choice.urn);
  const inspection = choice?.criteria.notInadequate?.newerInspection;
  return {
    urn: choice?.urn ?? '',
    school: school?.name ?? '',
    phase: school?.phase ?? '',
    pupils: school?.pupils ?? '',
    size: school ? sizeBandOf(school.pupils) : '',
    championName: choice?.champion.name ?? '',
    championRole: choice?.champion.role === undefined ? '' : CHAMPION_ROLE_LABELS[choice.champion.role],
    championRoleNote: choice?.champion.roleNote ?? '',
    notInadequate: yesNo(choice?.criteria.notInadequate?.confirmed),
    newerInspectionDate: inspection?.date ?? '',
    newerInspectionGrade: inspection?.grade ?? '',
    stableSlt: yesNo(choice?.criteria.stableSlt),
    gapEvidence: choice?.criteria.gapEvidence ?? '',
    headteacherConfirmedAt: londonDateTime(confirmation?.confirmedAt),
  };
}

/** A workbook keeps only LF line breaks (XML drops the CR), so both files get LF and read the same. */
const oneKindOfLineBreak = (text: string): string => text.replace(/\r\n?/g, '\n');

/**
 * One row per liaison group, in the groups' order. A headteacher's confirmation counts for
 * a choice only while that choice still names the school it was given for.
 */
export function nominationExportRows(
  nominations: readonly Nomination[],
  groups: readonly LiaisonGroup[],
  schoolsByUrn: SchoolsByUrn,
  confirmations: readonly CommitmentsConfirmation[] = [],
): ExportRow[] {
  const byGroup = new Map(nominations.map((nomination) => [nomination.groupId, nomination]));
  const confirmationOf = new Map(confirmations.map((confirmation) => [confirmation.urn, confirmation]));
  return groups.map((group) => {
    const nomination = byGroup.get(group.id);
    const row: Record<string, string | number> = {
      groupId: group.id,
      groupName: group.name,
      status: nomination ? STATUS_LABELS[nomination.status] : NOT_STARTED,
      submittedBy: nomination?.submittedBy?.name ?? '',
      submittedAt: londonDateTime(nomination?.submittedAt),
      earlierSubmissions: nomination?.history.length ?? 0,
      decidedBy: nomination?.decision?.decidedBy.name ?? '',
      decidedAt: londonDateTime(nomination?.decision?.decidedAt),
    };
    for (const choice of CHOICES) {
      const chosen = nomination?.[choice];
      const urn = chosen?.urn;
      const cells = choiceCells(chosen, schoolsByUrn, urn === undefined ? undefined : confirmationOf.get(urn));
      for (const [key, value] of Object.entries(cells)) row[`${choice}.${key}`] = typeof value === 'string' ? oneKindOfLineBreak(value) : value;
    }
    return row;
  });
}

/*
 * A spreadsheet opening a CSV runs a cell that starts with = + - @ (or a tab or carriage
 * return before one) as a formula, so a gap note typed as "=HYPERLINK(...)" could act on
 * the SIT's computer. Such a cell gets a leading apostrophe, which spreadsheets show as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: quoted when it holds a comma, quotation mark, line break or edge space; quotes doubled. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  if (/[",\r\n]/.test(text) || text !== text.trim()) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/**
 * The rows as CSV (RFC 4180: comma separated, CRLF line ends), with a byte order mark so
 * that Excel reads the file as UTF-8.
 */
export function nominationsCsv(rows: readonly ExportRow[], columns: readonly ExportColumn[] = NOMINATION_EXPORT_COLUMNS): string {
  const lines = [columns.map((column) => csvField(column.header)), ...rows.map((row) => columns.map((column) => csvField(row[column.key] ?? '')))];
  return `\uFEFF${lines.map((line) => line.join(',')).join('\r\n')}\r\n`;
}
