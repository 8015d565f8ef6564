import type { Worksheet } from 'exceljs';
import { loadExcel } from './excel.js';
import { columnTitle, HEADING_IDS, stepTitle, strandTitle, type QuestionSet } from '../domain/selfEvaluation/questions.js';
import { completenessOf, latestSnapshot, statusOf, type SelfEvaluation } from '../domain/selfEvaluation/record.js';
import { orderedActions } from '../domain/selfEvaluation/actionPlan.js';
import { countsByStrand, reviewVisits, type GroupCounts } from '../domain/selfEvaluation/overview.js';
import { formatLongDate } from '../domain/tsi/academicYear.js';

export const SUMMARY_SHEET = 'Summary';
export const ACTION_PLANS_SHEET = 'Action plans';
export const GROUPS_SHEET = 'By liaison group';
export const STRANDS_SHEET = 'By strand';

export interface SchoolSelfEvaluation {
  readonly urn: string;
  readonly name: string;
  /** The name of the school's liaison group, if it is in one. */
  readonly liaisonGroup?: string | undefined;
  readonly record: SelfEvaluation;
}

/** What the SIT's overview shows, for the workbook's own sheets. */
export interface AcrossSchools {
  readonly groups: readonly (GroupCounts & { readonly name: string })[];
  /** The London date the workbook is made on: a review visit before it without a review is overdue. */
  readonly today: string;
}

/** A sheet name Excel takes: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
function sheetName(school: SchoolSelfEvaluation, taken: Set<string>): string {
  const base = `${school.urn} ${school.name.replace(/[:\\/?*[\]]/g, ' ')}`.slice(0, 31).trim();
  let name = base;
  for (let copy = 2; taken.has(name.toLowerCase()); copy++) name = `${base.slice(0, 27)} (${copy})`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * The SIT's workbook: a summary sheet (each school's status, and how many key issues it put at
 * each step of the scale), then one sheet per school with a submitted self-evaluation, shaped
 * like source 004's Appendix 3: key issue, then the five headings, with the strand and the
 * adviser's comment beside them; one sheet of every school's action plan under Appendix 1's
 * columns; the counts by liaison group and by strand the SIT's overview card shows. Words go in as text cells, never formulas.
 */
export async function buildSelfEvaluationWorkbook(set: QuestionSet, schools: readonly SchoolSelfEvaluation[], across: AcrossSchools, created: Date): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'School improvement bot';
  workbook.created = created;

  const summary = workbook.addWorksheet(SUMMARY_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  summary.columns = [
    { header: 'URN', width: 10 },
    { header: 'School', width: 40 },
    { header: 'Status', width: 12 },
    { header: 'Last submitted', width: 16 },
    { header: 'Reviewed by', width: 20 },
    ...set.scale.steps.map((step) => ({ header: step.title, width: 12 })),
    { header: 'Key issues complete', width: 12 },
    { header: 'Liaison group', width: 20 },
    { header: 'Review visit', width: 16 },
    { header: 'Visit', width: 10 },
  ];
  const visits = new Map(reviewVisits(schools.map((school) => school.record), across.today).map((visit) => [visit.urn, visit]));
  summary.getRow(1).font = { bold: true };
  const taken = new Set([SUMMARY_SHEET.toLowerCase(), ACTION_PLANS_SHEET.toLowerCase()]);
  for (const school of schools) {
    const latest = latestSnapshot(school.record);
    const answers = Object.values(latest?.answers ?? {});
    summary.addRow([
      school.urn,
      school.name,
      statusOf(school.record),
      latest?.term ?? '',
      latest?.reviewed?.by.name ?? '',
      ...set.scale.steps.map((step) => answers.filter((answer) => answer.step === step.id).length),
      answers.filter((answer) => completenessOf(answer) === 'complete').length,
      school.liaisonGroup ?? '',
      school.record.reviewVisit ? formatLongDate(school.record.reviewVisit.date) : '',
      visits.get(school.urn)?.state ?? '',
    ]);
    if (!latest) continue;

    const sheet = workbook.addWorksheet(sheetName(school, taken), { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
    sheet.columns = [
      { header: 'Key Issue', width: 50 },
      { header: 'Strand', width: 18 },
      { header: 'Where are we? (step)', width: 14 },
      ...set.headings.map((heading) => ({ header: heading.title, width: 40 })),
      { header: 'Adviser’s comment', width: 40 },
    ];
    sheet.getRow(1).font = { bold: true };
    for (const issue of set.keyIssues) {
      const answer = latest.answers[String(issue.number)];
      const row = sheet.addRow([
        issue.question,
        strandTitle(set, issue.strand),
        stepTitle(set, answer?.step) ?? '',
        ...HEADING_IDS.map((heading) => answer?.texts[heading] ?? ''),
        latest.comments[String(issue.number)]?.text ?? '',
      ]);
      row.alignment = { vertical: 'top', wrapText: true };
    }
  }
  addActionPlans(workbook.addWorksheet(ACTION_PLANS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] }), set, schools);
  const groups = workbook.addWorksheet(GROUPS_SHEET);
  groups.columns = [{ header: 'Liaison group', width: 30 }, { header: 'Started', width: 10 }, { header: 'Submitted', width: 10 }, { header: 'Reviewed', width: 10 }];
  groups.getRow(1).font = { bold: true };
  for (const group of across.groups) groups.addRow([group.name, group.started, group.submitted, group.reviewed]);
  const strands = workbook.addWorksheet(STRANDS_SHEET);
  strands.columns = [{ header: 'Strand', width: 24 }, ...set.scale.steps.map((step) => ({ header: step.title, width: 12 })), { header: 'Schools counted', width: 12 }];
  strands.getRow(1).font = { bold: true };
  for (const counts of countsByStrand(set, schools.map((school) => school.record))) {
    strands.addRow([strandTitle(set, counts.strand), ...set.scale.steps.map((step) => counts.steps[step.id] ?? 0), counts.schools]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Every school's action plan, one row per action under Appendix 1's columns, open actions first. */
function addActionPlans(sheet: Worksheet, set: QuestionSet, schools: readonly SchoolSelfEvaluation[]): void {
  sheet.columns = [
    { header: 'URN', width: 10 },
    { header: 'School', width: 30 },
    { header: 'No.', width: 6 },
    { header: columnTitle(set, 'keyAction'), width: 50 },
    { header: columnTitle(set, 'lead'), width: 16 },
    { header: columnTitle(set, 'timeScale'), width: 16 },
    { header: 'By', width: 16 },
    { header: columnTitle(set, 'outcome'), width: 40 },
    { header: columnTitle(set, 'monitoring'), width: 20 },
    { header: columnTitle(set, 'completed'), width: 16 },
    { header: 'From key issue', width: 10 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const school of schools) {
    for (const action of orderedActions(school.record)) {
      const row = sheet.addRow([
        school.urn,
        school.name,
        action.number,
        action.keyAction,
        action.lead,
        action.timeScale,
        action.dueDate ? formatLongDate(action.dueDate) : '',
        action.outcome,
        action.monitoring,
        action.completed ? formatLongDate(action.completed.date) : '',
        action.fromKeyIssue ?? '',
      ]);
      row.alignment = { vertical: 'top', wrapText: true };
    }
  }
}
