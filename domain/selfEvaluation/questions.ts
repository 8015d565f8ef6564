import { z } from 'zod';
import shippedQuestions from '../../data/programme/self-evaluation.json' with { type: 'json' };
import { fail, ok, type Result } from '../result.js';

/**
 * The self-evaluation's questions as data (data/programme/self-evaluation.json), so a council can
 * use its own question set another year without a release: source 004's Appendix 3 key issues,
 * quoted exactly, its five headings, the four strands of section 8, and the "where are we" scale
 * (the council's own). The file names what is the council's own reading and what is the source's.
 */
export const HEADING_IDS = ['whereAreWe', 'lead', 'evidence', 'nextSteps', 'impact'] as const;
export type HeadingId = (typeof HEADING_IDS)[number];
/** Appendix 1's columns of an action plan, in the source's order. */
export const ACTION_PLAN_COLUMN_IDS = ['keyAction', 'lead', 'timeScale', 'outcome', 'monitoring', 'completed'] as const;
export type ActionPlanColumnId = (typeof ACTION_PLAN_COLUMN_IDS)[number];

const Text = z.string().trim().min(1);
const Entry = z.object({ id: z.string().regex(/^[a-zA-Z]+$/), title: Text });

export const QuestionSetSchema = z
  .object({
    source: Text,
    councilsChoice: Text,
    headings: z.array(Entry.extend({ id: z.enum(HEADING_IDS) })).length(HEADING_IDS.length),
    actionPlan: z.object({
      source: Text,
      columns: z.array(Entry.extend({ id: z.enum(ACTION_PLAN_COLUMN_IDS) })).length(ACTION_PLAN_COLUMN_IDS.length),
      note: Text,
    }),
    strands: z.array(Entry).min(1),
    strandsNote: Text,
    scale: z.object({ note: Text, steps: z.array(Entry.extend({ description: Text })).min(2).max(10) }),
    keyIssues: z.array(z.object({ number: z.number().int().positive(), question: Text, strand: Text })).min(1).max(50),
  })
  .superRefine((set, context) => {
    const problem = (path: (string | number)[], message: string) => context.addIssue({ code: 'custom', path, message });
    HEADING_IDS.forEach((id, index) => {
      if (set.headings[index]?.id !== id) problem(['headings', index, 'id'], `the headings must be ${HEADING_IDS.join(', ')} in that order`);
    });
    ACTION_PLAN_COLUMN_IDS.forEach((id, index) => {
      if (set.actionPlan.columns[index]?.id !== id) problem(['actionPlan', 'columns', index, 'id'], `the action plan's columns must be ${ACTION_PLAN_COLUMN_IDS.join(', ')} in that order`);
    });
    const strands = new Set(set.strands.map((strand) => strand.id));
    if (strands.size !== set.strands.length) problem(['strands'], 'a strand id is used twice');
    if (new Set(set.scale.steps.map((step) => step.id)).size !== set.scale.steps.length) problem(['scale', 'steps'], 'a step id is used twice');
    set.keyIssues.forEach((issue, index) => {
      if (issue.number !== index + 1) problem(['keyIssues', index, 'number'], `key issues are numbered 1, 2, 3… in order, and this one should be ${index + 1}`);
      if (!strands.has(issue.strand)) problem(['keyIssues', index, 'strand'], `there is no strand "${issue.strand}"`);
    });
  });

export type QuestionSet = z.infer<typeof QuestionSetSchema>;
export type KeyIssue = QuestionSet['keyIssues'][number];

/** Validates a question set, naming every problem. */
export function loadQuestionSet(json: unknown): Result<QuestionSet> {
  const parsed = QuestionSetSchema.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  return fail(...parsed.error.issues.map((issue) => `The self-evaluation questions, at ${issue.path.join('.') || 'the top'}: ${issue.message}.`));
}

function loadShipped(): QuestionSet {
  const loaded = loadQuestionSet(shippedQuestions);
  // The shipped file is ours, not user input: if it is wrong the bot must not start.
  if (!loaded.ok) throw new Error(`data/programme/self-evaluation.json is invalid: ${loaded.errors.join(' ')}`);
  return loaded.value;
}

/** The question set as shipped, validated when this module loads (so at start). */
export const SHIPPED_QUESTIONS: QuestionSet = loadShipped();

export const strandTitle = (set: QuestionSet, id: string): string => set.strands.find((strand) => strand.id === id)?.title ?? id;
export const columnTitle = (set: QuestionSet, id: ActionPlanColumnId): string => set.actionPlan.columns.find((column) => column.id === id)?.title ?? id;
export const stepTitle = (set: QuestionSet, id: string | undefined): string | undefined => set.scale.steps.find((step) => step.id === id)?.title;
