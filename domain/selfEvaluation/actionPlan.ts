import { fail, ok, type Result } from '../result.js';
import { formatLongDate } from '../tsi/academicYear.js';
import { parseDateAnswer } from '../tsi/dateAnswer.js';
import { columnTitle, type QuestionSet } from './questions.js';
import { latestSnapshot, type Answer, type Person, type PlannedAction, type SelfEvaluation } from './record.js';

/**
 * The school's action plan: its next steps turned into key actions under source 004 Appendix 1's
 * columns. Appendix 1 is the local authority ISIS team's own plan, with rows like "Spring 2010"
 * under Time scale; using its columns for a school's plan is the council's own choice, as is
 * everything else here: which dates a time scale is read as, the reminder before that date, and
 * the limits on length.
 */

/** The longest words under one column (the council's own): fifteen actions fit one card. */
export const LONGEST_ACTION_FIELD = 500;

/** How long before an action's date its reminder goes (the council's own). */
export const REMINDER_DAYS_BEFORE = 14;

/** The most actions one school's plan holds (the council's own): a plan, not a log. */
export const MOST_ACTIONS = 60;

/** What a person typed into the action card; blanks are refused where Appendix 1 has a column. */
export interface ActionInput {
  readonly keyAction?: string | undefined;
  readonly lead?: string | undefined;
  readonly timeScale?: string | undefined;
  readonly outcome?: string | undefined;
  readonly monitoring?: string | undefined;
}

/** The London date each term ends, as termOf in ./record.ts divides the year (the council's own). */
const TERM_ENDS: Record<string, string> = { spring: '03-31', summer: '08-31', autumn: '12-31' };
const TERM_OR_YEAR = /^(?:(spring|summer|autumn)(?: term)? )?(\d{4})( onwards)?$/;
const ONWARDS = / onwards$/;

const TIME_SCALE_EXAMPLES = 'Write a term and year (“Spring 2027”), a year (“2027”) or a date (“31 March 2027”); add “onwards” for something that carries on.';

/**
 * Reads a time scale as Appendix 1 writes them ("Spring 2010", "Autumn 2009 onwards", "2010") or
 * as a date, giving the date it ends: a term's last day, a year's 31 December, or the date
 * itself. Something that carries on ("onwards") has no end, so it has no reminder.
 */
export function readTimeScale(text: string): Result<{ timeScale: string; dueDate?: string }> {
  const timeScale = text.trim().replace(/\s+/g, ' ');
  if (timeScale === '') return fail(`${TIME_SCALE_EXAMPLES}`);
  if (timeScale.length > 60) return fail(`The time scale is ${timeScale.length} characters long. ${TIME_SCALE_EXAMPLES}`);
  const words = timeScale.toLowerCase();
  const termOrYear = TERM_OR_YEAR.exec(words);
  if (termOrYear) {
    const [, term, year, onwards] = termOrYear;
    if (Number(year) < 2000 || Number(year) > 2100) return fail(`“${timeScale}” is not a year the plan can run to: check the year.`);
    if (onwards) return ok({ timeScale });
    return ok({ timeScale, dueDate: `${year}-${term ? TERM_ENDS[term] : '12-31'}` });
  }
  const onwards = ONWARDS.test(words);
  const date = parseDateAnswer(onwards ? words.replace(ONWARDS, '') : words, '9999-12-31');
  if (!date.ok) return fail(`I could not read the time scale “${timeScale}”. ${TIME_SCALE_EXAMPLES}`);
  return ok(onwards ? { timeScale } : { timeScale, dueDate: date.value });
}

/** A new action before it has its number. */
export type NewAction = Omit<PlannedAction, 'number'>;

/** Checks a new action's words and returns it as it will be stored. */
export function actionFrom(set: QuestionSet, input: ActionInput, fromKeyIssue: number | undefined, by: Person, now: Date): Result<NewAction> {
  const errors: string[] = [];
  const words = (id: 'keyAction' | 'lead' | 'outcome' | 'monitoring', required: boolean): string => {
    const text = (input[id] ?? '').trim();
    const title = columnTitle(set, id);
    if (text.length > LONGEST_ACTION_FIELD) errors.push(`${title} is ${text.length} characters long; please keep it to ${LONGEST_ACTION_FIELD}.`);
    else if (required && text === '') errors.push(`Please fill in ${title}.`);
    return text;
  };
  const keyAction = words('keyAction', true);
  const lead = words('lead', true);
  const outcome = words('outcome', false);
  const monitoring = words('monitoring', false);
  const timeScale = readTimeScale(input.timeScale ?? '');
  if (!timeScale.ok) errors.push(`${columnTitle(set, 'timeScale')}: ${timeScale.errors.join(' ')}`);
  if (fromKeyIssue !== undefined && !set.keyIssues.some((issue) => issue.number === fromKeyIssue)) errors.push(`There is no key issue ${fromKeyIssue}: they are numbered 1 to ${set.keyIssues.length}.`);
  if (errors.length > 0 || !timeScale.ok) return fail(...errors);
  return ok({
    keyAction,
    lead,
    ...timeScale.value,
    outcome,
    monitoring,
    ...(fromKeyIssue === undefined ? {} : { fromKeyIssue }),
    addedBy: by,
    addedAt: now.toISOString(),
  });
}

const nextNumber = (record: SelfEvaluation): number => Math.max(0, ...(record.actions ?? []).map((action) => action.number)) + 1;

/**
 * Adds an action to a fresh read of the record, numbered after whatever is there then, so two
 * colleagues adding at once both keep theirs (each with its own number).
 */
export function addAction(record: SelfEvaluation, action: NewAction): Result<{ record: SelfEvaluation; number: number }> {
  const actions = record.actions ?? [];
  if (actions.length >= MOST_ACTIONS) return fail(`Your school’s action plan already has ${MOST_ACTIONS} actions, as many as it holds.`);
  const number = nextNumber(record);
  return ok({ record: { ...record, actions: [...actions, { ...action, number }] }, number });
}

/** Why an action number is not in the school's plan. */
export const noSuchAction = (actions: readonly PlannedAction[], number: number): string =>
  actions.length === 0 ? 'Your school’s action plan has no actions yet.' : `There is no action ${number} in your school’s action plan: its actions are numbered ${actions.map((candidate) => candidate.number).join(', ')}.`;

/** Marks an action completed on a London date; once. */
export function completeAction(record: SelfEvaluation, number: number, by: Person, today: string): Result<SelfEvaluation> {
  const actions = record.actions ?? [];
  const action = actions.find((candidate) => candidate.number === number);
  if (!action) return fail(noSuchAction(actions, number));
  if (action.completed) return fail(`Action ${number} was already marked completed on ${formatLongDate(action.completed.date)} by ${action.completed.by.name}.`);
  return ok({ ...record, actions: actions.map((candidate) => (candidate === action ? { ...candidate, completed: { date: today, by } } : candidate)) });
}

/**
 * How many times an action's words have changed: an edit card carries it, so a colleague's
 * change since is not overwritten unseen (a count, not a time: two saves can share a millisecond).
 */
export const versionOf = (action: PlannedAction): string => String(action.edited?.revision ?? 0);

/** What an action's card starts from when the school edits it. */
export const actionInputOf = (action: PlannedAction): ActionInput => ({ keyAction: action.keyAction, lead: action.lead, timeScale: action.timeScale, outcome: action.outcome, monitoring: action.monitoring });

/**
 * Changes an action's words under Appendix 1's columns (not Completed, which marking done and
 * reopening set), checked as a new action's are. The card carries the version it was shown at:
 * if a colleague changed the action since, nothing is saved and they are named. A new date
 * re-arms the reminder (the same date, however written, does not send a second one).
 */
export function editAction(record: SelfEvaluation, number: number, changed: NewAction, shownVersion: string, by: Person, now: Date): Result<SelfEvaluation> {
  const actions = record.actions ?? [];
  const action = actions.find((candidate) => candidate.number === number);
  if (!action) return fail(noSuchAction(actions, number));
  if (versionOf(action) !== shownVersion) {
    const who = action.edited?.by.name ?? action.addedBy.name;
    return fail(`${who} changed action ${number} after this card was shown, so nothing was saved. Press Save again to put your words in place of theirs.`);
  }
  const words = { keyAction: changed.keyAction, lead: changed.lead, timeScale: changed.timeScale, outcome: changed.outcome, monitoring: changed.monitoring };
  const unchanged = Object.entries(words).every(([key, value]) => action[key as keyof typeof words] === value);
  if (unchanged) return ok(record);
  const edited: PlannedAction = {
    ...action,
    ...words,
    dueDate: changed.dueDate,
    remindedAt: changed.dueDate === action.dueDate ? action.remindedAt : undefined,
    edited: { by, at: now.toISOString(), revision: (action.edited?.revision ?? 0) + 1 },
  };
  return ok({ ...record, actions: actions.map((candidate) => (candidate === action ? edited : candidate)) });
}

/** Takes back an action's Completed, for one marked done by mistake or that needs more work; its reminder stands as it was. */
export function reopenAction(record: SelfEvaluation, number: number): Result<SelfEvaluation> {
  const actions = record.actions ?? [];
  const action = actions.find((candidate) => candidate.number === number);
  if (!action) return fail(noSuchAction(actions, number));
  if (!action.completed) return fail(`Action ${number} is not marked completed, so there is nothing to reopen.`);
  return ok({ ...record, actions: actions.map((candidate) => (candidate === action ? { ...candidate, completed: undefined } : candidate)) });
}

/** Open actions first (soonest date first, those with no date last), then completed ones, each by number. */
export function orderedActions(record: SelfEvaluation | undefined): PlannedAction[] {
  const rank = (action: PlannedAction) => (action.completed ? 2 : action.dueDate ? 0 : 1);
  return [...(record?.actions ?? [])].sort((a, b) => rank(a) - rank(b) || (a.completed ? 0 : (a.dueDate ?? '').localeCompare(b.dueDate ?? '')) || a.number - b.number);
}

/** The London date a reminder is due for an action's date. */
export function reminderDate(dueDate: string): string {
  return new Date(Date.parse(`${dueDate}T12:00:00Z`) - REMINDER_DAYS_BEFORE * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** The actions whose reminder is due on a London date: open, dated, not yet reminded, within the days before. */
export function actionsToRemind(record: SelfEvaluation, today: string): PlannedAction[] {
  return (record.actions ?? []).filter((action) => !action.completed && action.remindedAt === undefined && action.dueDate !== undefined && reminderDate(action.dueDate) <= today);
}

/** Notes an action's reminder as sent (or, `at` undefined, as not sent after all, so it goes on the next run). */
export function markReminded(record: SelfEvaluation, number: number, at: string | undefined): SelfEvaluation {
  return { ...record, actions: (record.actions ?? []).map((action) => (action.number === number ? { ...action, remindedAt: at } : action)) };
}

/**
 * The key issues with next steps the school could turn into actions: from its draft when it is
 * writing one, else its latest snapshot; those already turned into an action are left out.
 */
export function nextStepsToPlan(set: QuestionSet, record: SelfEvaluation | undefined): { keyIssue: number; answer: Answer }[] {
  const answers = record?.draft?.answers ?? latestSnapshot(record)?.answers ?? {};
  const planned = new Set((record?.actions ?? []).map((action) => action.fromKeyIssue));
  return set.keyIssues.flatMap((issue) => {
    const answer = answers[String(issue.number)];
    return answer?.texts.nextSteps && !planned.has(issue.number) ? [{ keyIssue: issue.number, answer }] : [];
  });
}

/** The next steps (and lead) of a key issue, as the action card starts: the school edits them into a key action. */
export function actionStartingFrom(record: SelfEvaluation | undefined, keyIssue: number): ActionInput {
  const answer = (record?.draft?.answers ?? latestSnapshot(record)?.answers ?? {})[String(keyIssue)];
  return { keyAction: answer?.texts.nextSteps?.slice(0, LONGEST_ACTION_FIELD) ?? '', lead: answer?.texts.lead?.slice(0, LONGEST_ACTION_FIELD) ?? '' };
}
