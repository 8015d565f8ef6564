import keyIssueTemplate from './templates/selfEvaluation/keyIssue.json' with { type: 'json' };
import overviewTemplate from './templates/selfEvaluation/overview.json' with { type: 'json' };
import schoolsTemplate from './templates/selfEvaluation/schools.json' with { type: 'json' };
import confirmSubmitTemplate from './templates/selfEvaluation/confirmSubmit.json' with { type: 'json' };
import exportTemplate from './templates/selfEvaluation/export.json' with { type: 'json' };
import { HEADING_IDS, stepTitle, strandTitle, type QuestionSet } from '../domain/selfEvaluation/questions.js';
import { completenessOf, LONGEST_ANSWER, type Answer, type Comment, type Status } from '../domain/selfEvaluation/record.js';
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
export function selfEvaluationSchoolsCard(view: { readonly rows: readonly SchoolStatusRow[] }): AdaptiveCard {
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
      ...(view.rows.length > 0 ? [button('Export (.xlsx)', SELF_EVALUATION_VERBS.export, {})] : []),
    ],
  });
}

/** The link to the SIT's workbook. */
export function selfEvaluationExportCard(view: { readonly schools: number; readonly submitted: number; readonly workbookUrl: string; readonly expiresAt: Date }): AdaptiveCard {
  return renderCard(exportTemplate, {
    summary: `A summary sheet of the ${view.schools} schools with a self-evaluation, and a sheet shaped like Appendix 3 for each of the ${view.submitted} that have submitted one (their latest).`,
    expiry: `This link works only for you, and expires at ${describeLondonInstant(view.expiresAt)}. Ask me again for a fresh one.`,
    workbookUrl: view.workbookUrl,
  });
}
