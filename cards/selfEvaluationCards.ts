import keyIssueTemplate from './templates/selfEvaluation/keyIssue.json' with { type: 'json' };
import overviewTemplate from './templates/selfEvaluation/overview.json' with { type: 'json' };
import schoolsTemplate from './templates/selfEvaluation/schools.json' with { type: 'json' };
import confirmSubmitTemplate from './templates/selfEvaluation/confirmSubmit.json' with { type: 'json' };
import exportTemplate from './templates/selfEvaluation/export.json' with { type: 'json' };
import actionPlanTemplate from './templates/selfEvaluation/actionPlan.json' with { type: 'json' };
import actionFormTemplate from './templates/selfEvaluation/actionForm.json' with { type: 'json' };
import advisersTemplate from './templates/selfEvaluation/advisers.json' with { type: 'json' };
import progressTemplate from './templates/selfEvaluation/progress.json' with { type: 'json' };
import type { GroupCounts, ReviewVisit, StrandCounts, Submission } from '../domain/selfEvaluation/overview.js';
import { LONGEST_ACTION_FIELD, REMINDER_DAYS_BEFORE, type ActionInput } from '../domain/selfEvaluation/actionPlan.js';
import { formatLongDate } from '../domain/tsi/academicYear.js';
import { ACTION_PLAN_COLUMN_IDS, columnTitle, HEADING_IDS, stepTitle, strandTitle, type QuestionSet } from '../domain/selfEvaluation/questions.js';
import { completenessOf, LONGEST_ANSWER, type Adviser, type Answer, type Comment, type PlannedAction, type Status } from '../domain/selfEvaluation/record.js';
import { describeLondonInstant } from '../domain/time/londonTime.js';
import { escapeMarkdown } from './markdown.js';
import { renderCard, type AdaptiveCard } from './render.js';

/** The verbs the self-evaluation cards' buttons send (Action.Execute, or Action.Submit as fallback). */
export const SELF_EVALUATION_VERBS = {
  save: 'selfEvaluation.save',
  open: 'selfEvaluation.open',
  overview: 'selfEvaluation.overview',
  submit: 'selfEvaluation.submit',
  confirmSubmit: 'selfEvaluation.submit.confirm',
  startNext: 'selfEvaluation.next',
  schools: 'selfEvaluation.adviser.schools',
  adviserOpen: 'selfEvaluation.adviser.open',
  comment: 'selfEvaluation.adviser.comment',
  markReviewed: 'selfEvaluation.adviser.reviewed',
  export: 'selfEvaluation.adviser.export',
  actionPlan: 'selfEvaluation.actions',
  actionNew: 'selfEvaluation.actions.new',
  actionAdd: 'selfEvaluation.actions.add',
  actionDone: 'selfEvaluation.actions.done',
  actionEdit: 'selfEvaluation.actions.edit',
  actionSave: 'selfEvaluation.actions.save',
  actionReopen: 'selfEvaluation.actions.reopen',
  progress: 'selfEvaluation.adviser.progress',
  setVisit: 'selfEvaluation.adviser.visit',
  clearVisit: 'selfEvaluation.adviser.visit.clear',
  invite: 'selfEvaluation.advisers.invite',
  removeAdviser: 'selfEvaluation.advisers.remove',
} as const;

/** How a save moves on: stay on the key issue, go to the next or previous, or to the list. */
export type Move = 'stay' | 'next' | 'back' | 'overview';

/** A button: Action.Execute, with the same button as Action.Submit for clients without it. */
function button(title: string, verb: string, data: object, style?: 'positive'): object {
  return { type: 'Action.Execute', title, verb, data, ...(style ? { style } : {}), fallback: { type: 'Action.Submit', title, data: { verb, ...data } } };
}

const COMPLETENESS_LABELS = { 'not started': 'Not started', 'partly done': 'Partly done', complete: 'Complete' } as const;

/** The adviser's comment as the school (or another adviser) reads it. */
const commentText = (comment: Comment | undefined, term: string | undefined): string =>
  comment ? `**Adviser’s comment${term ? ` (${term})` : ''}**, ${escapeMarkdown(comment.by.name)}: ${escapeMarkdown(comment.text)}` : '';

function answerFacts(set: QuestionSet, answer: Answer | undefined): { title: string; value: string }[] {
  return set.headings.map((heading) => ({
    title: heading.title,
    value:
      heading.id === 'whereAreWe'
        ? [stepTitle(set, answer?.step), answer?.texts.whereAreWe === undefined ? undefined : escapeMarkdown(answer.texts.whereAreWe)].filter(Boolean).join(': ') || '—'
        : answer?.texts[heading.id] === undefined
          ? '—'
          : escapeMarkdown(answer.texts[heading.id] ?? ''),
  }));
}

function lastEdited(answer: Answer | undefined): string {
  return answer ? ` · last edited by ${escapeMarkdown(answer.editedBy.name)}, ${describeLondonInstant(new Date(answer.editedAt))}` : '';
}

export interface KeyIssueView {
  readonly set: QuestionSet;
  readonly keyIssue: number;
  readonly schoolName: string;
  readonly answer: Answer | undefined;
  /** The adviser's comment to show beside the answer, and the snapshot it was made on. */
  readonly comment?: { readonly comment: Comment | undefined; readonly term: string } | undefined;
  /** Shown once, where the bot introduces the self-evaluation. */
  readonly intro?: string | undefined;
  readonly notice?: string | undefined;
  readonly problems?: readonly string[] | undefined;
  /** What was typed, when it could not be saved: shown again so nothing is lost. */
  readonly typed?: Partial<Record<'step' | (typeof HEADING_IDS)[number], string>> | undefined;
}

function keyIssueBase(view: KeyIssueView, term: string | undefined) {
  const issue = view.set.keyIssues[view.keyIssue - 1];
  if (!issue) throw new Error(`No key issue ${view.keyIssue}`);
  return {
    heading: `${escapeMarkdown(view.schoolName)} · key issue ${issue.number} of ${view.set.keyIssues.length} · ${strandTitle(view.set, issue.strand)}${term ? ` · ${term}` : ''}`,
    question: issue.question,
    intro: view.intro ?? '',
    notice: view.notice ?? '',
    problems: view.problems ?? [],
    status: `${COMPLETENESS_LABELS[completenessOf(view.answer)]}${lastEdited(view.answer)}`,
    comment: commentText(view.comment?.comment, view.comment?.term),
    longest: LONGEST_ANSWER,
  };
}

/** One key issue for the school to answer: the scale, the five headings, Save, Back, Next. */
export function keyIssueFormCard(view: KeyIssueView & { readonly previous?: Answer | undefined; readonly previousTerm?: string | undefined }): AdaptiveCard {
  const { set, keyIssue } = view;
  const typed = view.typed;
  const values = {
    step: typed?.step ?? view.answer?.step ?? '',
    ...Object.fromEntries(HEADING_IDS.map((heading) => [heading, typed?.[heading] ?? view.answer?.texts[heading] ?? ''])),
  };
  const at = { keyIssue };
  return renderCard(keyIssueTemplate, {
    ...keyIssueBase(view, undefined),
    editing: true,
    commenting: false,
    previous: view.previousTerm && view.previous?.step ? `In ${view.previousTerm} you said: ${stepTitle(set, view.previous.step)}.` : '',
    steps: set.scale.steps.map((step) => ({ title: `${step.title}: ${step.description}`, value: step.id })),
    values,
    facts: [],
    commentValue: '',
    note: `${set.scale.note} Back and Next save what you typed too. Say “go to key issue 7”, “review” or “submit self-evaluation” at any time.`,
    actions: [
      button('Save', SELF_EVALUATION_VERBS.save, { ...at, move: 'stay' }, 'positive'),
      ...(keyIssue > 1 ? [button('Back', SELF_EVALUATION_VERBS.save, { ...at, move: 'back' })] : []),
      ...(keyIssue < set.keyIssues.length ? [button('Next', SELF_EVALUATION_VERBS.save, { ...at, move: 'next' })] : []),
      button('All key issues', SELF_EVALUATION_VERBS.save, { ...at, move: 'overview' }),
    ],
  });
}

/** A submitted key issue, read only: the school's view of its snapshot, or the adviser's with a comment box. */
export function keyIssueReadCard(view: KeyIssueView & { readonly term: string; readonly urn: string; readonly adviser: boolean }): AdaptiveCard {
  const { set, keyIssue, urn } = view;
  const existing = view.comment?.comment;
  const adviserActions = [
    button('Save comment', SELF_EVALUATION_VERBS.comment, { urn, keyIssue, move: 'stay' }, 'positive'),
    ...(keyIssue > 1 ? [button('Back', SELF_EVALUATION_VERBS.comment, { urn, keyIssue, move: 'back' })] : []),
    ...(keyIssue < set.keyIssues.length ? [button('Next', SELF_EVALUATION_VERBS.comment, { urn, keyIssue, move: 'next' })] : []),
    button('All key issues', SELF_EVALUATION_VERBS.comment, { urn, keyIssue, move: 'overview' }),
  ];
  const schoolActions = [
    ...(keyIssue > 1 ? [button('Back', SELF_EVALUATION_VERBS.open, { keyIssue: keyIssue - 1 })] : []),
    ...(keyIssue < set.keyIssues.length ? [button('Next', SELF_EVALUATION_VERBS.open, { keyIssue: keyIssue + 1 })] : []),
    button('All key issues', SELF_EVALUATION_VERBS.overview, {}),
  ];
  return renderCard(keyIssueTemplate, {
    ...keyIssueBase({ ...view, comment: view.adviser ? undefined : view.comment }, view.term),
    editing: false,
    commenting: view.adviser,
    previous: '',
    steps: [],
    values: {},
    facts: answerFacts(set, view.answer),
    commentValue: view.adviser ? (existing?.text ?? '') : '',
    note: view.adviser
      ? 'Back, Next and All key issues save your comment too; an empty comment removes it. The school sees your comments beside its answers.'
      : 'This is what your school submitted; it cannot be changed. Say “start the next self-evaluation” to begin the next one from it.',
    actions: view.adviser ? adviserActions : schoolActions,
  });
}

export interface OverviewRow {
  readonly answer: Answer | undefined;
  readonly commented: boolean;
}

/**
 * The compact list of key issues, with each one's step and completeness: the school's draft
 * ('draft'), its latest snapshot ('snapshot'), or a school's snapshot for its adviser ('adviser').
 */
export function selfEvaluationOverviewCard(view: {
  readonly set: QuestionSet;
  readonly mode: 'draft' | 'snapshot' | 'adviser';
  readonly schoolName: string;
  readonly urn: string;
  readonly rows: readonly OverviewRow[];
  /** The snapshot's name and state, when it is one. */
  readonly term?: string | undefined;
  readonly status?: Status | undefined;
  readonly notice?: string | undefined;
}): AdaptiveCard {
  const { set, mode } = view;
  const complete = view.rows.filter((row) => completenessOf(row.answer) === 'complete').length;
  const school = escapeMarkdown(view.schoolName);
  const title = mode === 'draft' ? `Self-evaluation: ${school}` : `${school}: self-evaluation, ${view.term ?? ''}`;
  const intro =
    mode === 'draft'
      ? `${complete} of ${set.keyIssues.length} key issues complete. Open one to carry on, or submit when every key issue has its “Where are we?”.`
      : `Submitted; ${view.status === 'reviewed' ? 'reviewed by the adviser' : 'waiting for the adviser’s review'}. ${complete} of ${set.keyIssues.length} key issues complete.`;
  const verbOpen = mode === 'adviser' ? SELF_EVALUATION_VERBS.adviserOpen : SELF_EVALUATION_VERBS.open;
  const openData = mode === 'adviser' ? { urn: view.urn } : {};
  const actions =
    mode === 'draft'
      ? [button('Open', verbOpen, openData), button('Submit self-evaluation', SELF_EVALUATION_VERBS.submit, {})]
      : mode === 'snapshot'
        ? [button('Open', verbOpen, openData), button('Start the next self-evaluation', SELF_EVALUATION_VERBS.startNext, {})]
        : [
            button('Open', verbOpen, openData),
            ...(view.status === 'reviewed' ? [] : [button('Mark reviewed', SELF_EVALUATION_VERBS.markReviewed, { urn: view.urn }, 'positive')]),
            button('All schools', SELF_EVALUATION_VERBS.schools, {}),
          ];
  return renderCard(overviewTemplate, {
    title,
    intro,
    notice: view.notice ?? '',
    rows: view.rows.map((row, index) => ({
      number: index + 1,
      question: set.keyIssues[index]?.question ?? '',
      state: [stepTitle(set, row.answer?.step) ?? 'No step yet', COMPLETENESS_LABELS[completenessOf(row.answer)], ...(row.commented ? ['adviser commented'] : [])].join(' · '),
    })),
    first: '1',
    choices: set.keyIssues.map((issue) => ({ title: `${issue.number}. ${issue.question}`, value: String(issue.number) })),
    actions,
  });
}

/** Asks before a draft is frozen as a snapshot. */
export function confirmSubmitCard(view: { readonly schoolName: string; readonly term: string; readonly complete: number; readonly total: number; readonly withoutStep: readonly number[] }): AdaptiveCard {
  const ready = view.withoutStep.length === 0;
  return renderCard(confirmSubmitTemplate, {
    title: `Submit ${escapeMarkdown(view.schoolName)}’s self-evaluation?`,
    lines: ready
      ? [
          `It will be kept as the ${view.term} self-evaluation and sent to the School Improvement Team to review; it cannot be changed afterwards, but you can start the next one from it.`,
          `${view.complete} of ${view.total} key issues are complete (a step and words under every heading).`,
        ]
      : [`Before submitting, pick “Where are we?” for every key issue. Still to do: ${view.withoutStep.join(', ')}.`],
    actions: ready
      ? [button('Submit', SELF_EVALUATION_VERBS.confirmSubmit, {}, 'positive'), button('Keep editing', SELF_EVALUATION_VERBS.overview, {})]
      : [button('Keep editing', SELF_EVALUATION_VERBS.overview, {})],
  });
}

export interface SchoolStatusRow {
  readonly urn: string;
  readonly schoolName: string;
  readonly status: Status;
  readonly term?: string | undefined;
}

/** The most schools the SIT's list shows on one card: 300 long names would pass Teams' 80 KB (the council's own cut). */
export const SCHOOLS_SHOWN = 80;

const STATUS_ORDER: Record<Status, number> = { submitted: 0, started: 1, reviewed: 2, 'not started': 3 };

/** The SIT's list: schools waiting for review first, then those under way, then those reviewed. */
export function selfEvaluationSchoolsCard(view: { readonly rows: readonly SchoolStatusRow[]; /** The SIT's own buttons (export, across schools); not for an invited adviser. */ readonly acrossSchools?: boolean }): AdaptiveCard {
  const sit = view.acrossSchools ?? true;
  const count = (status: Status) => view.rows.filter((row) => row.status === status).length;
  const ordered = [...view.rows].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.schoolName.localeCompare(b.schoolName));
  const shown = ordered.slice(0, SCHOOLS_SHOWN);
  const openable = shown.filter((row) => row.term !== undefined);
  const more = ordered.length - shown.length;
  return renderCard(schoolsTemplate, {
    summary:
      view.rows.length === 0
        ? 'No school has started a self-evaluation yet.'
        : `${count('started')} started, ${count('submitted')} submitted and waiting for review, ${count('reviewed')} reviewed.${more > 0 ? ` The first ${shown.length} are listed, those waiting for review first; ${more} more are not.` : ''}`,
    facts: shown.map((row) => ({
      title: `${escapeMarkdown(row.schoolName)} (${row.urn})`,
      value: `${row.status}${row.term ? `, last submitted ${row.term}` : ''}`,
    })),
    first: openable[0]?.urn ?? '',
    choices: openable.map((row) => ({ title: `${row.schoolName} (${row.urn})`, value: row.urn })),
    actions: [
      ...(openable.length > 0 ? [button('Open', SELF_EVALUATION_VERBS.adviserOpen, {})] : []),
      ...(sit && view.rows.length > 0 ? [button('Export (.xlsx)', SELF_EVALUATION_VERBS.export, {})] : []),
      ...(sit ? [button('Across schools', SELF_EVALUATION_VERBS.progress, {})] : []),
    ],
  });
}

/** The link to the SIT's workbook. */
export function selfEvaluationExportCard(view: { readonly schools: number; readonly submitted: number; readonly workbookUrl: string; readonly expiresAt: Date }): AdaptiveCard {
  return renderCard(exportTemplate, {
    summary: `A summary sheet of the ${view.schools} schools with a self-evaluation, a sheet shaped like Appendix 3 for each of the ${view.submitted} that have submitted one (their latest), and a sheet of every school’s action plan.`,
    expiry: `This link works only for you, and expires at ${describeLondonInstant(view.expiresAt)}. Ask me again for a fresh one.`,
    workbookUrl: view.workbookUrl,
  });
}

/** The most actions the plan's card shows, and how much of each column (the council's own cut, to stay under 80 KB). */
const ACTIONS_SHOWN = 12;
const SHOWN_CHARACTERS = 150;

const cut = (text: string, most: number): string => ([...text].length > most ? `${[...text].slice(0, most - 1).join('')}…` : text);

/** "Spring 2027 (by 31 March 2027)": the time scale as written, and the date it is read as. */
const timeScaleText = (action: PlannedAction): string => (action.dueDate ? `${action.timeScale} (by ${formatLongDate(action.dueDate)})` : action.timeScale);

/**
 * The school's action plan under Appendix 1's columns: open actions first (soonest first), each
 * one's words cut short here (the tab and the export hold them whole); mark one done by tap, or
 * turn a key issue's next steps into a new action.
 */
export function actionPlanCard(view: {
  readonly set: QuestionSet;
  readonly schoolName: string;
  /** In the order to show them. */
  readonly actions: readonly PlannedAction[];
  /** Key issues whose next steps have no action yet. */
  readonly toPlan: readonly number[];
  readonly notice?: string | undefined;
}): AdaptiveCard {
  const { set } = view;
  const title = (id: (typeof ACTION_PLAN_COLUMN_IDS)[number]) => columnTitle(set, id);
  const shown = view.actions.slice(0, ACTIONS_SHOWN);
  const open = view.actions.filter((action) => !action.completed);
  const completed = view.actions.length - open.length;
  const words = (text: string) => (text === '' ? '—' : escapeMarkdown(cut(text, SHOWN_CHARACTERS)));
  const more = view.actions.length - shown.length;
  return renderCard(actionPlanTemplate, {
    title: `Action plan: ${escapeMarkdown(view.schoolName)}`,
    intro:
      view.actions.length === 0
        ? 'No actions yet. Turn a key issue’s next steps into an action below.'
        : `${view.actions.length} action${view.actions.length === 1 ? '' : 's'}, ${open.length} still open.${more > 0 ? ` The first ${shown.length} are shown, open ones first; the workbook and the tab hold all of them.` : ''}`,
    notice: view.notice ?? '',
    rows: shown.map((action) => ({
      heading: `${action.number}. ${words(action.keyAction)}`,
      facts: [
        { title: title('lead'), value: words(action.lead) },
        { title: title('timeScale'), value: words(timeScaleText(action)) },
        { title: title('outcome'), value: words(action.outcome) },
        { title: title('monitoring'), value: words(action.monitoring) },
        { title: title('completed'), value: action.completed ? `${formatLongDate(action.completed.date)}, ${escapeMarkdown(action.completed.by.name)}` : '—' },
        ...(action.fromKeyIssue === undefined ? [] : [{ title: 'From', value: `key issue ${action.fromKeyIssue}’s next steps` }]),
      ],
    })),
    choices: view.actions.map((action) => ({ title: cut(`${action.number}. ${action.completed ? '(completed) ' : ''}${action.keyAction}`, 80), value: String(action.number) })),
    firstChoice: String((open[0] ?? view.actions[0])?.number ?? ''),
    toPlan: view.toPlan.map((number) => ({ title: cut(`${number}. ${set.keyIssues[number - 1]?.question ?? ''}`, 80), value: String(number) })),
    firstToPlan: view.toPlan[0] === undefined ? '' : String(view.toPlan[0]),
    note: `${set.actionPlan.source} ${set.actionPlan.note} Say “done with action 3” to mark one done, “edit action 3” to change one, or “reopen action 3”.`,
    actions: [
      ...(open.length > 0 ? [button('Mark done', SELF_EVALUATION_VERBS.actionDone, {}, 'positive')] : []),
      ...(view.actions.length > 0 ? [button('Edit', SELF_EVALUATION_VERBS.actionEdit, {})] : []),
      ...(completed > 0 ? [button('Reopen', SELF_EVALUATION_VERBS.actionReopen, {})] : []),
      ...(view.toPlan.length > 0 ? [button('Turn into an action', SELF_EVALUATION_VERBS.actionNew, {})] : []),
      button('Add another action', SELF_EVALUATION_VERBS.actionNew, { blank: true }),
      button('Self-evaluation', SELF_EVALUATION_VERBS.overview, {}),
    ],
  });
}

/**
 * A new action, started from a key issue's next steps and lead (or blank), under Appendix 1's
 * columns; or an action being changed, carrying the version it was shown at.
 */
export function actionFormCard(view: {
  readonly set: QuestionSet;
  readonly schoolName: string;
  readonly keyIssue?: number | undefined;
  readonly editing?: { readonly number: number; readonly version: string } | undefined;
  readonly values: ActionInput;
  readonly problems?: readonly string[] | undefined;
}): AdaptiveCard {
  const { set, keyIssue, editing } = view;
  const question = keyIssue === undefined ? undefined : set.keyIssues[keyIssue - 1]?.question;
  const timeScale = columnTitle(set, 'timeScale');
  return renderCard(actionFormTemplate, {
    heading: `${escapeMarkdown(view.schoolName)} · action plan`,
    title: editing ? `Action ${editing.number}` : question ? `A new action from key issue ${keyIssue}: ${question}` : 'A new action',
    problems: view.problems ?? [],
    labels: Object.fromEntries(ACTION_PLAN_COLUMN_IDS.map((id) => [id, columnTitle(set, id)])),
    values: { keyAction: view.values.keyAction ?? '', lead: view.values.lead ?? '', timeScale: view.values.timeScale ?? '', outcome: view.values.outcome ?? '', monitoring: view.values.monitoring ?? '' },
    longest: LONGEST_ACTION_FIELD,
    note:
      `${question && !editing ? 'It starts from the key issue’s next steps and lead: make them into one key action. ' : ''}` +
      `${timeScale}: a term and year (“Spring 2027”), a year, or a date; I remind the person who adds it ${REMINDER_DAYS_BEFORE} days before it ends` +
      `${editing ? `, and again if you change ${timeScale} to a different date` : ''}. ${columnTitle(set, 'completed')} is filled in when you mark it done.`,
    actions: [
      editing
        ? button(`Save action ${editing.number}`, SELF_EVALUATION_VERBS.actionSave, { action: editing.number, version: editing.version }, 'positive')
        : button('Add to the action plan', SELF_EVALUATION_VERBS.actionAdd, keyIssue === undefined ? {} : { keyIssue }, 'positive'),
      button('Back to the action plan', SELF_EVALUATION_VERBS.actionPlan, {}),
    ],
  });
}

/** The reminder before an action's date, in the personal chat of the person who added it. */
export function actionReminderText(set: QuestionSet, schoolName: string, action: PlannedAction, today: string): string {
  const by = action.dueDate && action.dueDate < today ? 'was due by' : 'is due by';
  return (
    `A reminder: action ${action.number} in ${escapeMarkdown(schoolName)}’s action plan ${by} ${formatLongDate(action.dueDate ?? today)} ` +
    `(${columnTitle(set, 'timeScale')}: ${escapeMarkdown(action.timeScale)}): “${escapeMarkdown(cut(action.keyAction, SHOWN_CHARACTERS))}”. ` +
    `Say “our action plan” to see it, or “done with action ${action.number}” once it is done.`
  );
}

/**
 * What the school's verified people are told when the SIT sets, moves or clears its review visit
 * (source 000: the self-evaluation is "to be complete prior to the visit").
 */
export function reviewVisitNoticeText(schoolName: string, visit: { readonly date?: string | undefined; readonly was?: string | undefined }): string {
  const school = escapeMarkdown(schoolName);
  if (visit.date === undefined) {
    return `The School Improvement Team has cleared ${school}’s Disadvantaged Strategy Review visit, which was set for ${formatLongDate(visit.was ?? '')}. I will tell you when a new date is set.`;
  }
  const set = visit.was === undefined ? `set ${school}’s Disadvantaged Strategy Review visit for ${formatLongDate(visit.date)}` : `moved ${school}’s Disadvantaged Strategy Review visit to ${formatLongDate(visit.date)} (it was ${formatLongDate(visit.was)})`;
  return `The School Improvement Team has ${set}. Your self-evaluation is to be complete before the visit: say “self-evaluation” to carry on with it, or “review” to see what you submitted.`;
}

/** The most review visits the SIT's overview lists (the council's own cut, to stay under 80 KB): overdue and soonest first. */
export const VISITS_SHOWN = 40;

const VISIT_STATE_TEXT = { overdue: 'overdue: not marked reviewed since the visit was set', coming: 'coming', done: 'done: reviewed' } as const;

/** A strand's counts as one line: "Not started 2 · Beginning 5 · Developing 9 · Embedded 1". */
const strandCountsText = (set: QuestionSet, counts: StrandCounts): string => set.scale.steps.map((step) => `${step.title} ${counts.steps[step.id] ?? 0}`).join(' · ');

/** A group's counts as one line. */
const groupCountsText = (counts: GroupCounts): string => `${counts.started} started, ${counts.submitted} submitted and waiting for review, ${counts.reviewed} reviewed`;

/**
 * The SIT's view across schools: review visits (overdue first), each liaison group's counts,
 * where schools stand on each strand, and a form to set a school's visit.
 */
export function selfEvaluationProgressCard(view: {
  readonly set: QuestionSet;
  readonly visits: readonly (ReviewVisit & { readonly schoolName: string })[];
  readonly groups: readonly (GroupCounts & { readonly name: string })[];
  readonly strands: readonly StrandCounts[];
  /** What was submitted since the person last looked (`since` undefined on their first look). */
  readonly submitted: { readonly since: string | undefined; readonly schools: readonly (Submission & { readonly schoolName: string })[] };
  readonly notice?: string | undefined;
  readonly problems?: readonly string[] | undefined;
  /** What was typed into the visit form, when it could not be saved. */
  readonly typed?: { readonly urn?: string | undefined; readonly date?: string | undefined } | undefined;
}): AdaptiveCard {
  const { set } = view;
  const shown = view.visits.slice(0, VISITS_SHOWN);
  const overdue = view.visits.filter((visit) => visit.state === 'overdue').length;
  const coming = view.visits.filter((visit) => visit.state === 'coming').length;
  const schools = view.strands[0]?.schools ?? 0;
  const { since } = view.submitted;
  const fresh = view.submitted.schools.slice(0, VISITS_SHOWN);
  const sinceText = since === undefined ? 'This is your first look here: these are waiting for review.' : `Since you last looked, ${describeLondonInstant(new Date(since))}.`;
  return renderCard(progressTemplate, {
    submittedHeading: since === undefined ? 'Submitted and waiting for review' : 'Submitted since you last looked',
    submittedNote:
      (fresh.length === 0 ? `${since === undefined ? 'None is waiting for review.' : `Nothing has been submitted since you last looked, ${describeLondonInstant(new Date(since))}.`}` : sinceText) +
      (view.submitted.schools.length > fresh.length ? ` The first ${fresh.length} of ${view.submitted.schools.length} are listed; say “self-evaluations” for all of them.` : ''),
    submitted: fresh.map((submission) => ({
      title: `${escapeMarkdown(submission.schoolName)} (${submission.urn})`,
      value: `${submission.term}, submitted ${describeLondonInstant(new Date(submission.submittedAt))} by ${escapeMarkdown(submission.submittedBy.name)}${submission.reviewed ? ' · reviewed since' : ''}`,
    })),
    intro: `${view.visits.length} review visit${view.visits.length === 1 ? '' : 's'} set: ${overdue} overdue, ${coming} coming.`,
    notice: view.notice ?? '',
    problems: view.problems ?? [],
    visitsNote:
      (view.visits.length === 0 ? 'No review visit has been set yet. ' : '') +
      'A visit is overdue once its date has passed and no self-evaluation has been marked reviewed since it was set (the council’s own reading).' +
      (view.visits.length > shown.length ? ` The first ${shown.length} are listed; the workbook holds all ${view.visits.length}.` : ''),
    visits: shown.map((visit) => ({
      title: `${escapeMarkdown(visit.schoolName)} (${visit.urn})`,
      value: `${formatLongDate(visit.date)} · ${VISIT_STATE_TEXT[visit.state]} · self-evaluation ${visit.status}`,
    })),
    groups: view.groups.map((group) => ({ title: escapeMarkdown(group.name), value: groupCountsText(group) })),
    strandsNote: `Each school’s latest submitted self-evaluation (${schools} school${schools === 1 ? '' : 's'}): how many of the strand’s key issues are at each step. ${set.strandsNote}`,
    strands: view.strands.map((counts) => ({ title: strandTitle(set, counts.strand), value: strandCountsText(set, counts) })),
    urn: view.typed?.urn ?? '',
    date: view.typed?.date ?? '',
    actions: [
      button('Set review visit', SELF_EVALUATION_VERBS.setVisit, {}, 'positive'),
      ...(view.visits.length > 0 ? [button('Clear review visit', SELF_EVALUATION_VERBS.clearVisit, {})] : []),
      button('Schools', SELF_EVALUATION_VERBS.schools, {}),
      button('Export (.xlsx)', SELF_EVALUATION_VERBS.export, {}),
    ],
  });
}

/** The most system leaders the invitation list offers (the council's own cut, to stay under 80 KB). */
const CANDIDATES_SHOWN = 100;

/**
 * How the card labels a system leader: nothing verifies a system leader's profile (the SIT
 * approves claims to school roles only, domain/directory/verification.ts), so every one is
 * labelled as saying so themselves; when a verification exists, the list should offer only those.
 */
const UNVERIFIED_LEADER = 'not verified';

/** The school's advisers: who is invited, invite a system leader, remove one. */
export function advisersCard(view: {
  readonly schoolName: string;
  readonly advisers: readonly Adviser[];
  /** System leaders who have told the bot who they are and are not advisers yet. */
  readonly candidates: readonly { readonly aadObjectId: string; readonly name: string; readonly organisation: string }[];
  readonly notice?: string | undefined;
}): AdaptiveCard {
  const candidates = view.candidates.slice(0, CANDIDATES_SHOWN);
  return renderCard(advisersTemplate, {
    title: `Advisers for ${escapeMarkdown(view.schoolName)}’s self-evaluation`,
    intro:
      'The School Improvement Team reads your submitted self-evaluation. You may also invite a system leader (a MAT CEO or National Leader of Education who has told me who they are) as your adviser: ' +
      'they can then read it, comment on each key issue and mark it reviewed. Nobody else sees it. Inviting advisers is the council’s own arrangement, for your headteacher to decide.',
    verification:
      'Nobody has verified these system leaders: the School Improvement Team checks claims to a school role (headteacher or staff), not to be a system leader, so each name and organisation below is what the person told me. Check with them before you invite them.',
    notice: view.notice ?? '',
    advisers: view.advisers.map((adviser) => ({
      title: `${escapeMarkdown(adviser.name)}, ${escapeMarkdown(adviser.organisation)}`,
      value: `${UNVERIFIED_LEADER}; invited by ${escapeMarkdown(adviser.invitedBy.name)}, ${describeLondonInstant(new Date(adviser.invitedAt))}`,
    })),
    // The organisation and the label each keep their place however long the name is.
    candidates: candidates.map((leader) => ({ title: `${cut(leader.name, 30)}, ${cut(leader.organisation, 30)} (${UNVERIFIED_LEADER})`, value: leader.aadObjectId })),
    firstCandidate: candidates[0]?.aadObjectId ?? '',
    current: view.advisers.map((adviser) => ({ title: cut(`${adviser.name}, ${adviser.organisation}`, 80), value: adviser.aadObjectId })),
    firstCurrent: view.advisers[0]?.aadObjectId ?? '',
    note:
      view.advisers.length === 0 && candidates.length === 0
        ? 'No system leader has told me who they are yet, so there is nobody to invite.'
        : `${view.advisers.length === 0 ? 'You have no advisers yet. ' : ''}${view.candidates.length > candidates.length ? `The first ${candidates.length} system leaders are listed: type to find one. ` : ''}Removing an adviser stops them seeing your self-evaluation at once.`,
    actions: [
      ...(candidates.length > 0 ? [button('Invite', SELF_EVALUATION_VERBS.invite, {}, 'positive')] : []),
      ...(view.advisers.length > 0 ? [button('Remove', SELF_EVALUATION_VERBS.removeAdviser, {})] : []),
    ],
  });
}
