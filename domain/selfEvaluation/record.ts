import type { Urn } from '../directory/types.js';
import { fail, ok, type Result } from '../result.js';
import { londonDateOf } from '../time/londonTime.js';
import { HEADING_IDS, type HeadingId, type QuestionSet } from './questions.js';

/**
 * A school's self-evaluation: one record per school, holding the draft being written and every
 * submitted snapshot. The rules here (what counts as complete, what a snapshot holds, what a
 * review changes) are the council's own: source 004 gives the questions and headings only.
 */
export interface Person {
  readonly aadObjectId: string;
  readonly name: string;
}

/** A school's answer to one key issue: a step on the scale, words under each heading, who wrote last. */
export interface Answer {
  readonly step?: string | undefined;
  readonly texts: Partial<Record<HeadingId, string>>;
  readonly editedBy: Person;
  readonly editedAt: string;
}

export interface Comment {
  readonly text: string;
  readonly by: Person;
  readonly at: string;
}

/** A submitted self-evaluation, frozen: the adviser comments on it and marks it reviewed. */
export interface Snapshot {
  /** "autumn 2026", from the London date it was submitted. */
  readonly term: string;
  readonly submittedAt: string;
  readonly submittedBy: Person;
  /** By key issue number. */
  readonly answers: Readonly<Record<string, Answer>>;
  readonly comments: Readonly<Record<string, Comment>>;
  readonly reviewed?: { readonly by: Person; readonly at: string } | undefined;
}

export interface Draft {
  readonly startedAt: string;
  /** The snapshot it was started from, if any. */
  readonly from?: string | undefined;
  readonly answers: Readonly<Record<string, Answer>>;
  /**
   * The key issue each person last had open, so "self-evaluation" resumes there on any device.
   * A list rather than a map by id, so that erasing a person's data finds their id in it.
   */
  readonly positions: readonly { readonly aadObjectId: string; readonly keyIssue: number }[];
}

/**
 * One row of the school's action plan, under source 004 Appendix 1's columns (Key Actions, Lead,
 * Time scale, Outcome, Monitoring, Completed); the rules are in ./actionPlan.ts.
 */
export interface PlannedAction {
  /** Numbered 1, 2, 3… in the order added; a number is never reused. */
  readonly number: number;
  readonly keyAction: string;
  readonly lead: string;
  /** As the school wrote it: "Spring 2027", "2027", "31 March 2027", "Autumn 2026 onwards". */
  readonly timeScale: string;
  /** The London date (YYYY-MM-DD) the time scale is read as ending, when it has an end. */
  readonly dueDate?: string | undefined;
  readonly outcome: string;
  readonly monitoring: string;
  /** The key issue whose next steps it came from, if any. */
  readonly fromKeyIssue?: number | undefined;
  readonly addedBy: Person;
  readonly addedAt: string;
  /** Who last changed its words, when, and how many times it has been changed: a card shown at an earlier count is out of date. */
  readonly edited?: { readonly by: Person; readonly at: string; readonly revision: number } | undefined;
  readonly completed?: { readonly date: string; readonly by: Person } | undefined;
  /** When the reminder before its date was sent: it goes once. */
  readonly remindedAt?: string | undefined;
}

/** A system leader invited by the school to read its self-evaluation, comment and mark it reviewed. */
export interface Adviser {
  readonly aadObjectId: string;
  readonly name: string;
  readonly organisation: string;
  readonly invitedBy: Person;
  readonly invitedAt: string;
}

export interface SelfEvaluation {
  readonly urn: Urn;
  readonly draft?: Draft | undefined;
  /** Oldest first. */
  readonly snapshots: readonly Snapshot[];
  /** The action plan, kept across snapshots; absent on records saved before it existed. */
  readonly actions?: readonly PlannedAction[] | undefined;
  /** System leaders the school has invited as its advisers (./advisers.ts); the SIT is an adviser anyway. */
  readonly advisers?: readonly Adviser[] | undefined;
  /** The date of the school's Disadvantaged Strategy Review visit, as the SIT set it (./overview.ts). */
  readonly reviewVisit?: { readonly date: string; readonly setBy: Person; readonly setAt: string } | undefined;
}

export type Status = 'not started' | 'started' | 'submitted' | 'reviewed';

/** The longest words under one heading (the council's own limit): 18 key issues of these fit a record, one key issue fits a card. */
export const LONGEST_ANSWER = 2000;
export const LONGEST_COMMENT = 2000;

export const newSelfEvaluation = (urn: Urn): SelfEvaluation => ({ urn, snapshots: [] });

export const latestSnapshot = (record: SelfEvaluation | undefined): Snapshot | undefined => record?.snapshots.at(-1);

/** A school's status as the SIT's list shows it: a draft under way counts as started. */
export function statusOf(record: SelfEvaluation | undefined): Status {
  if (record?.draft) return 'started';
  const latest = latestSnapshot(record);
  if (!latest) return 'not started';
  return latest.reviewed ? 'reviewed' : 'submitted';
}

export type Completeness = 'not started' | 'partly done' | 'complete';

/** Complete when a step is picked and every heading has words; partly done when anything is. */
export function completenessOf(answer: Answer | undefined): Completeness {
  if (!answer) return 'not started';
  const filled = HEADING_IDS.filter((heading) => (answer.texts[heading] ?? '').trim() !== '').length;
  if (answer.step !== undefined && filled === HEADING_IDS.length) return 'complete';
  return answer.step !== undefined || filled > 0 ? 'partly done' : 'not started';
}

/** What a person typed into one key issue's card: a step and the five headings' words (blank clears). */
export interface AnswerInput {
  readonly step?: string | undefined;
  readonly texts: Partial<Record<HeadingId, string | undefined>>;
}

/** Checks a key issue's answer and returns it as stored; unchanged words are not an edit. */
export function answerFrom(set: QuestionSet, keyIssue: number, input: AnswerInput, by: Person, now: Date): Result<Answer> {
  const errors: string[] = [];
  if (!set.keyIssues.some((issue) => issue.number === keyIssue)) errors.push(`There is no key issue ${keyIssue}: they are numbered 1 to ${set.keyIssues.length}.`);
  const step = input.step === undefined || input.step.trim() === '' ? undefined : input.step.trim();
  if (step !== undefined && !set.scale.steps.some((candidate) => candidate.id === step)) {
    errors.push(`“Where are we?” must be one of: ${set.scale.steps.map((candidate) => candidate.title).join(', ')}.`);
  }
  const texts: Partial<Record<HeadingId, string>> = {};
  for (const heading of HEADING_IDS) {
    const text = (input.texts[heading] ?? '').trim();
    const title = set.headings.find((entry) => entry.id === heading)?.title ?? heading;
    if (text.length > LONGEST_ANSWER) errors.push(`${title} is ${text.length} characters long; please keep it to ${LONGEST_ANSWER}.`);
    else if (text !== '') texts[heading] = text;
  }
  if (errors.length > 0) return fail(...errors);
  return ok({ step, texts, editedBy: by, editedAt: now.toISOString() });
}

const sameAnswer = (a: Answer | undefined, b: Answer): boolean =>
  a !== undefined && a.step === b.step && HEADING_IDS.every((heading) => (a.texts[heading] ?? '') === (b.texts[heading] ?? ''));

/**
 * Saves one key issue's answer into the draft, touching no other key issue: applied to a fresh
 * read on every retry, so colleagues working on different key issues at once both keep their words.
 * The draft is started if there is none. `changed` is false when the words were the same.
 */
export function saveAnswer(record: SelfEvaluation, keyIssue: number, answer: Answer, now: Date): { record: SelfEvaluation; changed: boolean } {
  const draft = record.draft ?? startDraft(record, now);
  const key = String(keyIssue);
  if (sameAnswer(draft.answers[key], answer)) return { record: { ...record, draft }, changed: false };
  return { record: { ...record, draft: { ...draft, answers: { ...draft.answers, [key]: answer } } }, changed: true };
}

/** Remembers where a person is, so "self-evaluation" resumes there. */
export function withPosition(record: SelfEvaluation, aadObjectId: string, keyIssue: number, now: Date): SelfEvaluation {
  const draft = record.draft ?? startDraft(record, now);
  if (positionOf(draft, aadObjectId) === keyIssue) return record.draft ? record : { ...record, draft };
  const positions = [...draft.positions.filter((position) => position.aadObjectId !== aadObjectId), { aadObjectId, keyIssue }];
  return { ...record, draft: { ...draft, positions } };
}

/** The key issue the person last had open in the draft, if any. */
export function positionOf(draft: Draft | undefined, aadObjectId: string): number | undefined {
  return draft?.positions.find((position) => position.aadObjectId === aadObjectId)?.keyIssue;
}

/** A new draft: the answers of the last snapshot, when there is one, so progress between terms shows. */
export function startDraft(record: SelfEvaluation, now: Date): Draft {
  const latest = latestSnapshot(record);
  return { startedAt: now.toISOString(), from: latest?.term, answers: latest ? { ...latest.answers } : {}, positions: [] };
}

const SEASONS = ['spring', 'spring', 'spring', 'summer', 'summer', 'summer', 'summer', 'summer', 'autumn', 'autumn', 'autumn', 'autumn'] as const;

/**
 * The term a date falls in, by its London date: autumn September to December, spring January to
 * March, summer April to August (the council's own boundaries, near enough to the school year's).
 */
export function termOf(now: Date): string {
  const [year, month] = londonDateOf(now).split('-').map(Number) as [number, number];
  return `${SEASONS[month - 1]} ${year}`;
}

/** How many key issues still lack a step: submitting needs a judgement on every one (the council's own rule). */
export function withoutStep(set: QuestionSet, draft: Draft | undefined): number[] {
  return set.keyIssues.filter((issue) => draft?.answers[String(issue.number)]?.step === undefined).map((issue) => issue.number);
}

/** Freezes the draft as a dated snapshot; a second one in the same term is numbered. */
export function submit(set: QuestionSet, record: SelfEvaluation, by: Person, now: Date): Result<SelfEvaluation> {
  if (!record.draft) return fail('There is no self-evaluation under way to submit.');
  const missing = withoutStep(set, record.draft);
  if (missing.length > 0) return fail(`Pick “Where are we?” for every key issue first; still to do: ${missing.join(', ')}.`);
  const season = termOf(now);
  const same = record.snapshots.filter((snapshot) => snapshot.term === season || snapshot.term.startsWith(`${season} (`)).length;
  const snapshot: Snapshot = { term: same === 0 ? season : `${season} (${same + 1})`, submittedAt: now.toISOString(), submittedBy: by, answers: record.draft.answers, comments: {} };
  const { draft: _submitted, ...kept } = record;
  return ok({ ...kept, snapshots: [...record.snapshots, snapshot] });
}

function changeLatest(record: SelfEvaluation, change: (snapshot: Snapshot) => Result<Snapshot>): Result<SelfEvaluation> {
  const latest = latestSnapshot(record);
  if (!latest) return fail('This school has not submitted a self-evaluation yet.');
  const changed = change(latest);
  if (!changed.ok) return changed;
  return ok({ ...record, snapshots: [...record.snapshots.slice(0, -1), changed.value] });
}

/** The adviser's comment on one key issue of the latest snapshot; blank words remove it. */
export function comment(set: QuestionSet, record: SelfEvaluation, keyIssue: number, text: string, by: Person, now: Date): Result<SelfEvaluation> {
  if (!set.keyIssues.some((issue) => issue.number === keyIssue)) return fail(`There is no key issue ${keyIssue}: they are numbered 1 to ${set.keyIssues.length}.`);
  const words = text.trim();
  if (words.length > LONGEST_COMMENT) return fail(`The comment is ${words.length} characters long; please keep it to ${LONGEST_COMMENT}.`);
  return changeLatest(record, (snapshot) => {
    const { [String(keyIssue)]: _old, ...others } = snapshot.comments;
    return ok({ ...snapshot, comments: words === '' ? others : { ...others, [String(keyIssue)]: { text: words, by, at: now.toISOString() } } });
  });
}

/** Marks the latest snapshot reviewed: once. */
export function markReviewed(record: SelfEvaluation, by: Person, now: Date): Result<SelfEvaluation> {
  return changeLatest(record, (snapshot) =>
    snapshot.reviewed ? fail(`The ${snapshot.term} self-evaluation was already marked reviewed by ${snapshot.reviewed.by.name}.`) : ok({ ...snapshot, reviewed: { by, at: now.toISOString() } }),
  );
}
