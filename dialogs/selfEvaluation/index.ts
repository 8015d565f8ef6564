import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import {
  actionFormCard,
  advisersCard,
  actionPlanCard,
  confirmSubmitCard,
  keyIssueFormCard,
  keyIssueReadCard,
  reviewVisitNoticeText,
  SELF_EVALUATION_VERBS as VERBS,
  selfEvaluationOverviewCard,
  selfEvaluationExportCard,
  selfEvaluationSchoolsCard,
  selfEvaluationProgressCard,
  type Move,
} from '../../cards/selfEvaluationCards.js';
import type { AdaptiveCard } from '../../cards/render.js';
import { escapeMarkdown } from '../../cards/markdown.js';
import { decide, refusalText, type Action } from '../../domain/access/policy.js';
import { ok } from '../../domain/result.js';
import { formatLongDate } from '../../domain/tsi/academicYear.js';
import { columnTitle, type QuestionSet } from '../../domain/selfEvaluation/questions.js';
import { createSelfEvaluationContext, type SelfEvaluationDeps } from './context.js';
import { actionFrom, actionInputOf, actionStartingFrom, addAction, completeAction, editAction, nextStepsToPlan, noSuchAction, orderedActions, reopenAction, versionOf } from '../../domain/selfEvaluation/actionPlan.js';
import { londonDateOf } from '../../domain/time/londonTime.js';
import { adviserIds, inviteAdviser, removeAdviser } from '../../domain/selfEvaluation/advisers.js';
import { ProfileRepository } from '../../storage/profileRepository.js';
import { acrossSchools } from './tabView.js';
import { clearReviewVisit, countsByStrand, reviewVisits, setReviewVisit, submittedSince } from '../../domain/selfEvaluation/overview.js';
import { isVerifiedMemberOf } from '../../domain/directory/verification.js';
import { parseDateAnswer } from '../../domain/tsi/dateAnswer.js';
import { UrnSchema } from '../../domain/directory/types.js';
import {
  answerFrom,
  comment,
  completenessOf,
  latestSnapshot,
  markReviewed,
  positionOf,
  saveAnswer,
  startDraft,
  statusOf,
  submit,
  termOf,
  withoutStep,
  withPosition,
  type Person,
  type SelfEvaluation,
  type Snapshot,
} from '../../domain/selfEvaluation/record.js';
import type { Actor } from '../actor.js';
import { actorOf } from '../actor.js';
import { cardActivity } from '../cardActivity.js';
import { phrases, verb, type CardVerb, type CardVerbResult, type Journey } from '../journey.js';
import { XLSX } from '../ports.js';
import { buildSelfEvaluationWorkbook } from '../../files/selfEvaluationWorkbook.js';
import { sendActionReminders } from './reminders.js';
import { DAY_REMINDERS_EVERY_MINUTES } from '../../domain/time/reminderHours.js';
import { normaliseCommandText } from '../../domain/text.js';

const START = 'selfEvaluation.start';
const GO_TO = 'selfEvaluation.goTo';
const REVIEW = 'selfEvaluation.review';
const SUBMIT = 'selfEvaluation.submit';
const NEXT = 'selfEvaluation.next';
const SCHOOLS = 'selfEvaluation.schools';
const EXPORT = 'selfEvaluation.export';
const ACTIONS = 'selfEvaluation.actionPlan';
const DONE = 'selfEvaluation.actionDone';
const EDIT = 'selfEvaluation.actionEdit';
const REOPEN = 'selfEvaluation.actionReopen';
const PROGRESS = 'selfEvaluation.progress';
const ADVISERS = 'selfEvaluation.advisers';
const VISIT = 'selfEvaluation.visit';
const CLEAR_VISIT = 'selfEvaluation.visitClear';

const GO_TO_WORDS = /^(?:go to |open )?key issue (\d{1,3})$/;
/** "review visit for 100001 on 12 May 2027", "set the review visit of 100001 to 2027-05-12". */
const VISIT_WORDS = /^(?:set )?(?:the )?review visit (?:for |of |at )?(\d{6}) (?:on |to |is |for )?([\w ,/.-]{1,40})$/;
/** "clear the review visit for 100001", "cancel review visit of 100001". */
const CLEAR_VISIT_WORDS = /^(?:clear|cancel|remove) (?:the )?review visit (?:for |of |at )?(\d{6})$/;
/** "done with action 3", "mark action 3 done", "action 3 is complete", "we've finished action 3". */
const DONE_WORDS = [
  /^(?:we'?ve |we have |i'?ve |i have )?(?:done with|finished|completed|complete|mark) action (\d{1,3})(?: as)?(?: done| complete| completed)?$/,
  /^action (\d{1,3}) (?:is )?(?:done|complete|completed|finished)$/,
];
/** "edit action 3", "change action 3". */
const EDIT_WORDS = /^(?:edit|change|update|amend) action (\d{1,3})$/;
/** "reopen action 3", "action 3 is not done". */
const REOPEN_WORDS = [/^(?:reopen|re-open|undo|unmark) action (\d{1,3})$/, /^action (\d{1,3}) (?:is )?not (?:done|complete|completed|finished)(?: yet)?$/];

const KeyIssueNumber = z.coerce.number().int().min(1).max(200);
const MoveSchema = z.enum(['stay', 'next', 'back', 'overview']);
const Words = z.string().max(10_000).optional();
const SaveData = z.object({ keyIssue: KeyIssueNumber, move: MoveSchema, step: Words, whereAreWe: Words, lead: Words, evidence: Words, nextSteps: Words, impact: Words });
const OpenData = z.object({ keyIssue: KeyIssueNumber });
const Empty = z.object({});
const Urn = z.string().trim().min(1).max(20);
const AdviserOpenData = z.object({ urn: Urn, keyIssue: KeyIssueNumber.optional() });
const CommentData = z.object({ urn: Urn, keyIssue: KeyIssueNumber, move: MoveSchema, comment: Words });
const UrnData = z.object({ urn: Urn });
const ActionNewData = z.object({ keyIssue: KeyIssueNumber.optional(), blank: z.boolean().optional() });
const ActionAddData = z.object({ keyIssue: KeyIssueNumber.optional(), keyAction: Words, lead: Words, timeScale: Words, outcome: Words, monitoring: Words });
const VisitData = z.object({ urn: z.string().max(50).optional(), date: z.string().max(100).optional() });
const LeaderData = z.object({ leader: z.string().trim().min(1).max(200) });
const AdviserData = z.object({ adviser: z.string().trim().min(1).max(200) });
const ActionNumber = z.coerce.number().int().min(1).max(10_000);
const ActionDoneData = z.object({ action: ActionNumber });
const ActionSaveData = z.object({ action: ActionNumber, version: z.string().max(12), keyAction: Words, lead: Words, timeScale: Words, outcome: Words, monitoring: Words });

/** The action number in words that match one of `patterns`. */
function actionNumberIn(text: string, patterns: readonly RegExp[]): { action: number } | undefined {
  const words = normaliseCommandText(text);
  const found = patterns.map((pattern) => pattern.exec(words)).find((match) => match !== null);
  return found ? { action: Number(found[1]) } : undefined;
}

const personOf = (actor: Actor): Person => ({ aadObjectId: actor.aadObjectId, name: actor.name });

/** The key issue a move lands on, kept within the question set. */
function moved(set: QuestionSet, from: number, move: Move): number {
  const to = move === 'next' ? from + 1 : move === 'back' ? from - 1 : from;
  return Math.min(Math.max(to, 1), set.keyIssues.length);
}

/** Narrowing the Gap self-evaluation: the school answers, submits a snapshot; the SIT comments and marks it reviewed. */
export function createSelfEvaluationJourney(deps: SelfEvaluationDeps): Journey {
  const context = createSelfEvaluationContext(deps);
  const { questions: set, records } = context;
  const profiles = new ProfileRepository(deps.store);

  const schoolName = async (urn: string) => (await deps.directory.getSchool(urn))?.name ?? `URN ${urn}`;
  const outOfRange = (keyIssue: number) => (keyIssue > set.keyIssues.length ? `There is no key issue ${keyIssue}: they are numbered 1 to ${set.keyIssues.length}.` : undefined);

  /** The actor's own school, if the policy lets them do `action` to it. */
  function ownSchool(actor: Actor, action: Extract<Action, 'selfEvaluation.view' | 'selfEvaluation.edit'>): { urn: string } | { refused: string } {
    if (actor.isSitAdmin) return { refused: 'School Improvement Team administrators review schools’ self-evaluations: say “self-evaluations” to see them.' };
    const urn = actor.profile?.kind === 'school' ? actor.profile.urn : '';
    const decision = decide(actor, action, { urn });
    return decision.allowed ? { urn } : { refused: refusalText(decision) };
  }

  /** The actor's school, for a card button that changes one key issue: the policy allows and the key issue exists. */
  function editing(actor: Actor, keyIssue: number): { urn: string } | { refused: string } {
    const school = ownSchool(actor, 'selfEvaluation.edit');
    if ('refused' in school) return school;
    const wrong = outOfRange(keyIssue);
    return wrong ? { refused: wrong } : school;
  }

  const intro = `${set.councilsChoice} ${set.strandsNote} Answer one key issue at a time; colleagues at your school can work on other key issues at the same time.`;

  /** The draft's card for a key issue, with last term's step and the adviser's comment beside it. */
  async function formCard(urn: string, record: SelfEvaluation, keyIssue: number, extra: { intro?: string; notice?: string; problems?: string[]; typed?: Record<string, string | undefined> } = {}): Promise<AdaptiveCard> {
    const latest = latestSnapshot(record);
    const key = String(keyIssue);
    return keyIssueFormCard({
      set,
      keyIssue,
      schoolName: await schoolName(urn),
      answer: record.draft?.answers[key],
      previous: latest?.answers[key],
      previousTerm: latest?.term,
      comment: latest ? { comment: latest.comments[key], term: latest.term } : undefined,
      ...extra,
    });
  }

  async function snapshotCard(urn: string, snapshot: Snapshot, keyIssue: number, adviser: boolean, notice?: string): Promise<AdaptiveCard> {
    const key = String(keyIssue);
    return keyIssueReadCard({
      set,
      keyIssue,
      urn,
      adviser,
      term: snapshot.term,
      schoolName: await schoolName(urn),
      answer: snapshot.answers[key],
      comment: { comment: snapshot.comments[key], term: snapshot.term },
      notice,
    });
  }

  async function overviewCard(urn: string, record: SelfEvaluation | undefined, mode: 'school' | 'adviser', notice?: string): Promise<AdaptiveCard | undefined> {
    const latest = latestSnapshot(record);
    if (mode === 'school' && record?.draft) {
      const draft = record.draft;
      const rows = set.keyIssues.map((issue) => ({ answer: draft.answers[String(issue.number)], commented: latest?.comments[String(issue.number)] !== undefined }));
      return selfEvaluationOverviewCard({ set, mode: 'draft', schoolName: await schoolName(urn), urn, rows, notice });
    }
    if (!latest) return undefined;
    const rows = set.keyIssues.map((issue) => ({ answer: latest.answers[String(issue.number)], commented: latest.comments[String(issue.number)] !== undefined }));
    return selfEvaluationOverviewCard({
      set,
      mode: mode === 'adviser' ? 'adviser' : 'snapshot',
      schoolName: await schoolName(urn),
      urn,
      rows,
      term: latest.term,
      status: latest.reviewed ? 'reviewed' : 'submitted',
      notice,
    });
  }

  /**
   * Opens the school's draft at a key issue (started when there is none and nothing was
   * submitted), remembering where the person is; a submitted one with no draft is shown read only.
   */
  async function openForSchool(actor: Actor, urn: string, requested: number | undefined): Promise<{ card: AdaptiveCard; text?: string }> {
    const current = await records.get(urn);
    if (!current?.draft && latestSnapshot(current)) {
      const latest = latestSnapshot(current) as Snapshot;
      if (requested !== undefined) return { card: await snapshotCard(urn, latest, requested, false) };
      return { card: (await overviewCard(urn, current, 'school')) as AdaptiveCard };
    }
    const keyIssue = requested ?? positionOf(current?.draft, actor.aadObjectId) ?? 1;
    const saved = await records.change(urn, (record) => ok(withPosition(record, actor.aadObjectId, keyIssue, deps.now())));
    if (!saved.ok) return { card: await formCard(urn, current ?? { urn, snapshots: [] }, keyIssue, { problems: saved.errors }) };
    const started = current?.draft === undefined;
    const resumed = requested === undefined && positionOf(current?.draft, actor.aadObjectId) !== undefined;
    return {
      card: await formCard(urn, saved.value, keyIssue, { intro: started ? intro : undefined }),
      text: resumed ? `Welcome back: you were on key issue ${keyIssue}.` : undefined,
    };
  }

  function command(dialogId: string, run: (step: WaterfallStepContext, actor: Actor) => Promise<void>): WaterfallDialog {
    return new WaterfallDialog(dialogId, [
      async (step) => {
        await run(step, actorOf(step.context));
        return step.endDialog();
      },
    ]);
  }

  /** A command whose answer is a card or a message, as a card button's would be. */
  function answering(dialogId: string, answer: (options: unknown, actor: Actor) => Promise<CardVerbResult>): WaterfallDialog {
    return command(dialogId, async (step, actor) => {
      const result = await answer(step.options, actor);
      await step.context.sendActivity(result.kind === 'card' ? cardActivity(result.card) : result.text);
    });
  }

  const dialogs = [
    command(START, async (step, actor) => {
      const school = ownSchool(actor, 'selfEvaluation.edit');
      if ('refused' in school) return void (await step.context.sendActivity(school.refused));
      const opened = await openForSchool(actor, school.urn, undefined);
      if (opened.text) await step.context.sendActivity(opened.text);
      await step.context.sendActivity(cardActivity(opened.card));
    }),
    command(GO_TO, async (step, actor) => {
      const school = ownSchool(actor, 'selfEvaluation.edit');
      if ('refused' in school) return void (await step.context.sendActivity(school.refused));
      const { keyIssue } = step.options as { keyIssue: number };
      const wrong = outOfRange(keyIssue) ?? (keyIssue < 1 ? outOfRange(set.keyIssues.length + 1) : undefined);
      if (wrong) return void (await step.context.sendActivity(wrong));
      await step.context.sendActivity(cardActivity((await openForSchool(actor, school.urn, keyIssue)).card));
    }),
    command(REVIEW, async (step, actor) => {
      const school = ownSchool(actor, 'selfEvaluation.view');
      if ('refused' in school) return void (await step.context.sendActivity(school.refused));
      const card = await overviewCard(school.urn, await records.get(school.urn), 'school');
      await step.context.sendActivity(card ? cardActivity(card) : 'Your school has not started its self-evaluation yet: say “self-evaluation” to begin.');
    }),
    answering(SUBMIT, async (_options, actor) => {
      const school = ownSchool(actor, 'selfEvaluation.edit');
      return 'refused' in school ? { kind: 'refused', text: school.refused } : confirmSubmit(school.urn);
    }),
    answering(NEXT, async (_options, actor) => startNext(actor)),
    answering(EXPORT, async (_options, actor) => exportAll(actor)),
    answering(ACTIONS, async (_options, actor) => actionPlan(actor)),
    answering(DONE, async (options, actor) => markDone(actor, (options as { action: number }).action)),
    answering(EDIT, async (options, actor) => editForm(actor, (options as { action: number }).action)),
    answering(REOPEN, async (options, actor) => reopen(actor, (options as { action: number }).action)),
    answering(ADVISERS, async (_options, actor) => advisersFor(actor)),
    answering(PROGRESS, async (_options, actor) => progress(actor)),
    answering(VISIT, async (options, actor) => {
      const { urn, date } = options as { urn: string; date: string };
      return setVisit(actor, urn, date);
    }),
    answering(CLEAR_VISIT, async (options, actor) => clearVisit(actor, (options as { urn: string }).urn)),
    answering(SCHOOLS, async (_options, actor) => schoolsList(actor)),
  ];

  async function confirmSubmit(urn: string): Promise<CardVerbResult> {
    const record = await records.get(urn);
    if (!record?.draft) return { kind: 'message', text: latestSnapshot(record) ? 'Your self-evaluation is already submitted. Say “start the next self-evaluation” to begin the next one from it.' : 'Your school has not started its self-evaluation yet: say “self-evaluation” to begin.' };
    const draft = record.draft;
    return {
      kind: 'card',
      card: confirmSubmitCard({
        schoolName: await schoolName(urn),
        term: termOf(deps.now()),
        total: set.keyIssues.length,
        complete: set.keyIssues.filter((issue) => completenessOf(draft.answers[String(issue.number)]) === 'complete').length,
        withoutStep: withoutStep(set, draft),
      }),
    };
  }

  async function startNext(actor: Actor): Promise<CardVerbResult> {
    const school = ownSchool(actor, 'selfEvaluation.edit');
    if ('refused' in school) return { kind: 'refused', text: school.refused };
    const saved = await records.change(school.urn, (record) => {
      if (record.draft) return ok(record);
      return ok(withPosition({ ...record, draft: startDraft(record, deps.now()) }, actor.aadObjectId, 1, deps.now()));
    });
    if (!saved.ok) return { kind: 'refused', text: saved.errors.join(' ') };
    const from = saved.value.draft?.from;
    return { kind: 'card', card: await formCard(school.urn, saved.value, 1, { notice: from ? `Your next self-evaluation starts from your ${from} answers: change what has moved on.` : undefined }) };
  }

  async function actionPlanFor(urn: string, record: SelfEvaluation | undefined, notice?: string): Promise<AdaptiveCard> {
    return actionPlanCard({
      set,
      schoolName: await schoolName(urn),
      actions: orderedActions(record),
      toPlan: nextStepsToPlan(set, record).map((entry) => entry.keyIssue),
      notice,
    });
  }

  async function actionPlan(actor: Actor): Promise<CardVerbResult> {
    const school = ownSchool(actor, 'selfEvaluation.view');
    if ('refused' in school) return { kind: 'refused', text: school.refused };
    return { kind: 'card', card: await actionPlanFor(school.urn, await records.get(school.urn)) };
  }

  async function markDone(actor: Actor, number: number): Promise<CardVerbResult> {
    const school = ownSchool(actor, 'selfEvaluation.edit');
    if ('refused' in school) return { kind: 'refused', text: school.refused };
    const saved = await records.change(school.urn, (record) => completeAction(record, number, personOf(actor), londonDateOf(deps.now())));
    if (!saved.ok) return { kind: 'refused', text: saved.errors.join(' ') };
    deps.logger.info({ urn: school.urn, action: number }, 'a school completed an action in its action plan');
    return { kind: 'card', card: await actionPlanFor(school.urn, saved.value, `Action ${number} marked completed today.`) };
  }

  /** The action card (new or being changed) at the school, as a card button's answer. */
  async function actionForm(urn: string, view: Omit<Parameters<typeof actionFormCard>[0], 'set' | 'schoolName'>): Promise<CardVerbResult> {
    return { kind: 'card', card: actionFormCard({ set, schoolName: await schoolName(urn), ...view }) };
  }

  /** The card to change an action's words, carrying the version it shows. */
  async function editForm(actor: Actor, number: number): Promise<CardVerbResult> {
    const school = ownSchool(actor, 'selfEvaluation.edit');
    if ('refused' in school) return { kind: 'refused', text: school.refused };
    const record = await records.get(school.urn);
    const action = record?.actions?.find((candidate) => candidate.number === number);
    if (!action) return { kind: 'refused', text: noSuchAction(record?.actions ?? [], number) };
    return actionForm(school.urn, { editing: { number, version: versionOf(action) }, values: actionInputOf(action) });
  }

  async function reopen(actor: Actor, number: number): Promise<CardVerbResult> {
    const school = ownSchool(actor, 'selfEvaluation.edit');
    if ('refused' in school) return { kind: 'refused', text: school.refused };
    const saved = await records.change(school.urn, (record) => reopenAction(record, number));
    if (!saved.ok) return { kind: 'refused', text: saved.errors.join(' ') };
    deps.logger.info({ urn: school.urn, action: number }, 'a school reopened an action in its action plan');
    return { kind: 'card', card: await actionPlanFor(school.urn, saved.value, `Action ${number} is open again.`) };
  }

  async function progress(actor: Actor, extra: { notice?: string; problems?: string[]; typed?: { urn?: string; date?: string } } = {}): Promise<CardVerbResult> {
    const decision = decide(actor, 'selfEvaluation.overview', {});
    if (!decision.allowed) return { kind: 'refused', text: refusalText(decision) };
    const all = await records.all();
    const { byGroup, nameOf } = await acrossSchools(deps.directory, all);
    const visits = reviewVisits(all, londonDateOf(deps.now())).map((visit) => ({ ...visit, schoolName: nameOf(visit.urn) }));
    // No channel tells the SIT of a submission, so this card shows what came in since the person last saw it.
    const since = await records.noteLooked(actor.aadObjectId, deps.now().toISOString());
    const submitted = { since, schools: submittedSince(all, since).map((submission) => ({ ...submission, schoolName: nameOf(submission.urn) })) };
    return { kind: 'card', card: selfEvaluationProgressCard({ set, visits, groups: byGroup, strands: countsByStrand(set, all), submitted, ...extra }) };
  }

  async function setVisit(actor: Actor, urnText: string, dateText: string): Promise<CardVerbResult> {
    const decision = decide(actor, 'selfEvaluation.overview', {});
    if (!decision.allowed) return { kind: 'refused', text: refusalText(decision) };
    const typed = { urn: urnText.slice(0, 6), date: dateText.slice(0, 10) };
    const urn = UrnSchema.safeParse(urnText.trim());
    const school = urn.success ? await deps.directory.getSchool(urn.data) : undefined;
    const date = parseDateAnswer(dateText, '9999-12-31');
    const problems = [
      ...(!urn.success ? [`“${urnText.trim().slice(0, 20)}” is not a URN: a URN is six digits.`] : !school ? [`There is no school with URN ${urn.data} in the directory.`] : []),
      ...(date.ok ? [] : [`The visit’s date: ${date.errors.join(' ')}`]),
    ];
    if (!urn.success || !school || !date.ok) return progress(actor, { problems, typed });
    let was: string | undefined;
    const saved = await records.change(school.urn, (record) => {
      was = record.reviewVisit?.date;
      return ok(setReviewVisit(record, date.value, personOf(actor), deps.now()));
    });
    if (!saved.ok) return progress(actor, { problems: saved.errors, typed });
    const notice = `${escapeMarkdown(school.name)}’s review visit is set for ${formatLongDate(date.value)}.`;
    if (was === date.value) return progress(actor, { notice });
    deps.logger.info({ urn: school.urn, moved: was !== undefined }, 'the SIT set a school’s review visit');
    return progress(actor, { notice: `${notice} ${await tellSchoolOfVisit(school.urn, school.name, { date: date.value, was })}` });
  }

  async function clearVisit(actor: Actor, urnText: string): Promise<CardVerbResult> {
    const decision = decide(actor, 'selfEvaluation.overview', {});
    if (!decision.allowed) return { kind: 'refused', text: refusalText(decision) };
    const urn = UrnSchema.safeParse(urnText.trim());
    const school = urn.success ? await deps.directory.getSchool(urn.data) : undefined;
    if (!urn.success || !school) return progress(actor, { problems: [!urn.success ? `“${urnText.trim().slice(0, 20)}” is not a URN: a URN is six digits.` : `There is no school with URN ${urn.data} in the directory.`], typed: { urn: urnText.slice(0, 6) } });
    let was: string | undefined;
    const saved = await records.change(school.urn, (record) => {
      was = record.reviewVisit?.date;
      return clearReviewVisit(record);
    });
    if (!saved.ok) return progress(actor, { problems: saved.errors, typed: { urn: school.urn } });
    deps.logger.info({ urn: school.urn }, 'the SIT cleared a school’s review visit');
    return progress(actor, { notice: `${escapeMarkdown(school.name)}’s review visit is cleared. ${await tellSchoolOfVisit(school.urn, school.name, { was })}` });
  }

  /** Tells the school's verified headteacher and staff, in their personal chats, of its visit; says to the SIT how many were told. */
  async function tellSchoolOfVisit(urn: string, name: string, visit: { date?: string; was?: string | undefined }): Promise<string> {
    const people = (await profiles.all()).filter((profile) => isVerifiedMemberOf(profile, urn));
    const text = reviewVisitNoticeText(name, visit);
    // The visit stands whether or not a message goes: the SIT is told how many went.
    const outcomes = await Promise.all(people.map((person) => deps.proactive.sendToPerson(person.aadObjectId, { type: 'message', text }).catch(() => 'failed' as const)));
    const told = outcomes.filter((outcome) => outcome === 'sent').length;
    deps.logger.info({ urn, told, people: people.length }, 'told a school of its review visit');
    if (people.length === 0) return 'Nobody at the school is verified with me yet, so please tell the school yourself.';
    return told === people.length ? `I have told the school’s ${told} verified ${told === 1 ? 'person' : 'people'}.` : `I told ${told} of the school’s ${people.length} verified people; please tell the others yourself.`;
  }

  /** The SIT's list of every school, or an invited system leader's of the schools they advise. */
  async function schoolsList(actor: Actor): Promise<CardVerbResult> {
    const all = await records.all();
    const advised = all.filter((record) => decide(actor, 'selfEvaluation.review', { urn: record.urn, advisers: adviserIds(record) }).allowed);
    if (!actor.isSitAdmin && advised.length === 0) {
      const decision = decide(actor, 'selfEvaluation.review', { urn: '', advisers: [] });
      if (!decision.allowed) return { kind: 'refused', text: refusalText(decision) };
    }
    const rows = await Promise.all(
      advised.map(async (record) => {
        const latest = latestSnapshot(record);
        return { urn: record.urn, schoolName: await schoolName(record.urn), status: statusOf(record), term: latest?.term };
      }),
    );
    return { kind: 'card', card: selfEvaluationSchoolsCard({ rows, acrossSchools: actor.isSitAdmin }) };
  }

  /** The school's advisers card, for anyone at the school who may see its self-evaluation. */
  async function advisersFor(actor: Actor, notice?: string): Promise<CardVerbResult> {
    const school = ownSchool(actor, 'selfEvaluation.view');
    if ('refused' in school) return { kind: 'refused', text: school.refused };
    const record = await records.get(school.urn);
    const invited = new Set(adviserIds(record));
    const candidates = (await profiles.all())
      .flatMap((profile) => (profile.kind === 'system_leader' && !invited.has(profile.aadObjectId) ? [{ aadObjectId: profile.aadObjectId, name: profile.name, organisation: profile.organisation }] : []))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
    return { kind: 'card', card: advisersCard({ schoolName: await schoolName(school.urn), advisers: record?.advisers ?? [], candidates, notice }) };
  }

  /** The headteacher's own school, when the policy lets them invite or remove advisers. */
  function inviting(actor: Actor): { urn: string } | { refused: string } {
    const urn = actor.profile?.kind === 'school' ? actor.profile.urn : '';
    const decision = decide(actor, 'selfEvaluation.invite', { urn });
    return decision.allowed ? { urn } : { refused: refusalText(decision) };
  }

  async function exportAll(actor: Actor): Promise<CardVerbResult> {
    const decision = decide(actor, 'export.acrossSchools', {});
    if (!decision.allowed) return { kind: 'refused', text: refusalText(decision) };
    const all = await records.all();
    const across = await acrossSchools(deps.directory, all);
    const schools = all.map((record) => {
      const groupId = across.schools.get(record.urn)?.liaisonGroupId;
      return { urn: record.urn, name: across.nameOf(record.urn), liaisonGroup: groupId === undefined ? undefined : across.groupName(groupId), record };
    });
    schools.sort((a, b) => a.name.localeCompare(b.name));
    const now = deps.now();
    const bytes = await buildSelfEvaluationWorkbook(set, schools, { groups: across.byGroup, today: londonDateOf(now) }, now);
    const link = await deps.exports.create(actor.aadObjectId, { filename: `self-evaluations-${now.toISOString().slice(0, 10)}.xlsx`, contentType: XLSX, bytes });
    const submitted = schools.filter((school) => latestSnapshot(school.record) !== undefined).length;
    deps.logger.info({ schools: schools.length, submitted }, 'self-evaluations exported');
    return { kind: 'card', card: selfEvaluationExportCard({ schools: schools.length, submitted, workbookUrl: link.url, expiresAt: link.expiresAt }) };
  }

  /** A school's latest snapshot for the adviser, once the policy allows. */
  async function forAdviser(actor: Actor, urn: string): Promise<{ record: SelfEvaluation; latest: Snapshot } | { refused: string }> {
    const record = await records.get(urn);
    const decision = decide(actor, 'selfEvaluation.review', { urn, advisers: adviserIds(record) });
    if (!decision.allowed) return { refused: refusalText(decision) };
    const latest = latestSnapshot(record);
    if (!record || !latest) return { refused: `The school with URN ${urn} has not submitted a self-evaluation yet.` };
    return { record, latest };
  }

  /** Tells the people who wrote the school's snapshot, while they are still verified at the school, that it has been reviewed. */
  async function tellSchool(urn: string, snapshot: Snapshot, reviewer: Actor): Promise<void> {
    const writers = new Set([snapshot.submittedBy.aadObjectId, ...Object.values(snapshot.answers).map((answer) => answer.editedBy.aadObjectId)]);
    const writerProfiles = await Promise.all([...writers].map((id) => profiles.get(id)));
    const people = new Set(writerProfiles.flatMap((profile) => (profile && isVerifiedMemberOf(profile, urn) ? [profile.aadObjectId] : [])));
    const comments = Object.keys(snapshot.comments).length;
    const who = reviewer.isSitAdmin ? 'The School Improvement Team has' : `${escapeMarkdown(reviewer.name)}, your adviser, has`;
    const text = `${who} reviewed ${escapeMarkdown(await schoolName(urn))}’s ${snapshot.term} self-evaluation${comments > 0 ? `, with comments on ${comments} key issue${comments === 1 ? '' : 's'}` : ''}. Say “review” to see them beside your answers.`;
    const outcomes = await Promise.all([...people].map((person) => deps.proactive.sendToPerson(person, { type: 'message', text })));
    deps.logger.info({ urn, told: outcomes.filter((outcome) => outcome === 'sent').length, people: people.size }, 'told a school its self-evaluation was reviewed');
  }

  const verbs: CardVerb[] = [
    verb({
      verb: VERBS.invite,
      data: LeaderData,
      handle: async (_turn, data: z.infer<typeof LeaderData>, actor) => {
        const school = inviting(actor);
        if ('refused' in school) return { kind: 'refused', text: school.refused };
        const leader = await profiles.get(data.leader);
        if (leader?.kind !== 'system_leader') return { kind: 'refused', text: 'I do not know that system leader: choose one from the list on the card.' };
        const saved = await records.change(school.urn, (record) => inviteAdviser(record, leader, personOf(actor), deps.now()));
        if (!saved.ok) return advisersFor(actor, saved.errors.join(' '));
        const name = await schoolName(school.urn);
        const text = `${escapeMarkdown(name)} has invited you to be the adviser for its Narrowing the Gap self-evaluation: you can read what it submits, comment on each key issue and mark it reviewed. Say “self-evaluations” to see it.`;
        // The invitation stands whether or not the message goes: the notice says which.
        const delivery = await deps.proactive.sendToPerson(leader.aadObjectId, { type: 'message', text }).catch(() => 'failed' as const);
        deps.logger.info({ urn: school.urn, delivery }, 'a school invited a system leader as its self-evaluation adviser');
        return advisersFor(actor, `Invited ${escapeMarkdown(leader.name)}${delivery === 'sent' ? ', who has been told' : '; I could not message them, so please tell them yourself'}.`);
      },
    }),
    verb({
      verb: VERBS.removeAdviser,
      data: AdviserData,
      handle: async (_turn, data: z.infer<typeof AdviserData>, actor) => {
        const school = inviting(actor);
        if ('refused' in school) return { kind: 'refused', text: school.refused };
        const saved = await records.change(school.urn, (record) => removeAdviser(record, data.adviser));
        if (!saved.ok) return { kind: 'refused', text: saved.errors.join(' ') };
        deps.logger.info({ urn: school.urn }, 'a school removed an adviser from its self-evaluation');
        return advisersFor(actor, 'Removed: they no longer see your school’s self-evaluation.');
      },
    }),
    { verb: VERBS.progress, data: Empty, handle: async (_turn, _data, actor) => progress(actor) },
    verb({ verb: VERBS.setVisit, data: VisitData, handle: async (_turn, data: z.infer<typeof VisitData>, actor) => setVisit(actor, data.urn ?? '', data.date ?? '') }),
    verb({ verb: VERBS.clearVisit, data: VisitData, handle: async (_turn, data: z.infer<typeof VisitData>, actor) => clearVisit(actor, data.urn ?? '') }),
    { verb: VERBS.actionPlan, data: Empty, handle: async (_turn, _data, actor) => actionPlan(actor) },
    verb({
      verb: VERBS.actionDone,
      data: ActionDoneData,
      handle: async (_turn, data: z.infer<typeof ActionDoneData>, actor) => markDone(actor, data.action),
    }),
    verb({ verb: VERBS.actionEdit, data: ActionDoneData, handle: async (_turn, data: z.infer<typeof ActionDoneData>, actor) => editForm(actor, data.action) }),
    verb({ verb: VERBS.actionReopen, data: ActionDoneData, handle: async (_turn, data: z.infer<typeof ActionDoneData>, actor) => reopen(actor, data.action) }),
    verb({
      verb: VERBS.actionSave,
      data: ActionSaveData,
      handle: async (_turn, data: z.infer<typeof ActionSaveData>, actor) => {
        const school = ownSchool(actor, 'selfEvaluation.edit');
        if ('refused' in school) return { kind: 'refused', text: school.refused };
        const { action: number, version, ...typed } = data;
        const formAgain = (problems: string[], shown = version) => actionForm(school.urn, { editing: { number, version: shown }, values: typed, problems });
        const changed = actionFrom(set, typed, undefined, personOf(actor), deps.now());
        if (!changed.ok) return formAgain(changed.errors);
        const saved = await records.change(school.urn, (record) => editAction(record, number, changed.value, version, personOf(actor), deps.now()));
        if (!saved.ok) {
          // A colleague's change since: the card comes back with their version, so pressing Save again is a choice made seeing it.
          const now = (await records.get(school.urn))?.actions?.find((candidate) => candidate.number === number);
          if (!now) return { kind: 'refused', text: saved.errors.join(' ') };
          return formAgain([...saved.errors, ...(versionOf(now) === version ? [] : [`${columnTitle(set, 'keyAction')} as it is now: “${escapeMarkdown(now.keyAction)}”; ${columnTitle(set, 'timeScale')}: “${escapeMarkdown(now.timeScale)}”.`])], versionOf(now));
        }
        deps.logger.info({ urn: school.urn, action: number }, 'a school changed an action in its action plan');
        return { kind: 'card', card: await actionPlanFor(school.urn, saved.value, `Saved action ${number}.`) };
      },
    }),
    verb({
      verb: VERBS.actionNew,
      data: ActionNewData,
      handle: async (_turn, data: z.infer<typeof ActionNewData>, actor) => {
        const keyIssue = data.blank ? undefined : data.keyIssue;
        const school = keyIssue === undefined ? ownSchool(actor, 'selfEvaluation.edit') : editing(actor, keyIssue);
        if ('refused' in school) return { kind: 'refused', text: school.refused };
        const values = keyIssue === undefined ? {} : actionStartingFrom(await records.get(school.urn), keyIssue);
        return actionForm(school.urn, { keyIssue, values });
      },
    }),
    verb({
      verb: VERBS.actionAdd,
      data: ActionAddData,
      handle: async (_turn, data: z.infer<typeof ActionAddData>, actor) => {
        const school = ownSchool(actor, 'selfEvaluation.edit');
        if ('refused' in school) return { kind: 'refused', text: school.refused };
        const { keyIssue, ...typed } = data;
        const formAgain = (problems: string[]) => actionForm(school.urn, { keyIssue, values: typed, problems });
        const action = actionFrom(set, typed, keyIssue, personOf(actor), deps.now());
        if (!action.ok) return formAgain(action.errors);
        let number = 0;
        const saved = await records.change(school.urn, (record) => {
          const added = addAction(record, action.value);
          if (!added.ok) return added;
          number = added.value.number;
          return ok(added.value.record);
        });
        if (!saved.ok) return formAgain(saved.errors);
        deps.logger.info({ urn: school.urn, action: number }, 'a school added an action to its action plan');
        return { kind: 'card', card: await actionPlanFor(school.urn, saved.value, `Added action ${number}.`) };
      },
    }),
    verb({
      verb: VERBS.save,
      data: SaveData,
      handle: async (_turn, data: z.infer<typeof SaveData>, actor) => {
        const school = editing(actor, data.keyIssue);
        if ('refused' in school) return { kind: 'refused', text: school.refused };
        const typed = { step: data.step, whereAreWe: data.whereAreWe, lead: data.lead, evidence: data.evidence, nextSteps: data.nextSteps, impact: data.impact };
        const answer = answerFrom(set, data.keyIssue, { step: data.step, texts: typed }, personOf(actor), deps.now());
        const target = moved(set, data.keyIssue, data.move);
        if (!answer.ok) {
          const record = (await records.get(school.urn)) ?? { urn: school.urn, snapshots: [] };
          return { kind: 'card', card: await formCard(school.urn, record, data.keyIssue, { problems: answer.errors, typed }) };
        }
        let changed = false;
        const saved = await records.change(school.urn, (record) => {
          if (!record.draft && latestSnapshot(record)) {
            return { ok: false, errors: ['Your school’s self-evaluation has been submitted since this card was shown, so it can no longer be changed. Say “start the next self-evaluation” to begin the next one from it.'] };
          }
          const result = saveAnswer(record, data.keyIssue, answer.value, deps.now());
          changed = result.changed;
          return ok(withPosition(result.record, actor.aadObjectId, target, deps.now()));
        });
        if (!saved.ok) return { kind: 'refused', text: saved.errors.join(' ') };
        const notice = changed ? `Saved key issue ${data.keyIssue}.` : undefined;
        if (data.move === 'overview') return { kind: 'card', card: (await overviewCard(school.urn, saved.value, 'school', notice)) as AdaptiveCard };
        return { kind: 'card', card: await formCard(school.urn, saved.value, target, { notice }) };
      },
    }),
    verb({
      verb: VERBS.open,
      data: OpenData,
      handle: async (_turn, data: z.infer<typeof OpenData>, actor) => {
        const school = editing(actor, data.keyIssue);
        if ('refused' in school) return { kind: 'refused', text: school.refused };
        return { kind: 'card', card: (await openForSchool(actor, school.urn, data.keyIssue)).card };
      },
    }),
    verb({
      verb: VERBS.overview,
      data: Empty,
      handle: async (_turn, _data, actor) => {
        const school = ownSchool(actor, 'selfEvaluation.view');
        if ('refused' in school) return { kind: 'refused', text: school.refused };
        const card = await overviewCard(school.urn, await records.get(school.urn), 'school');
        return card ? { kind: 'card', card } : { kind: 'message', text: 'Your school has not started its self-evaluation yet: say “self-evaluation” to begin.' };
      },
    }),
    verb({
      verb: VERBS.submit,
      data: Empty,
      handle: async (_turn, _data, actor) => {
        const school = ownSchool(actor, 'selfEvaluation.edit');
        if ('refused' in school) return { kind: 'refused', text: school.refused };
        return confirmSubmit(school.urn);
      },
    }),
    verb({
      verb: VERBS.confirmSubmit,
      data: Empty,
      handle: async (_turn, _data, actor) => {
        const school = ownSchool(actor, 'selfEvaluation.edit');
        if ('refused' in school) return { kind: 'refused', text: school.refused };
        const saved = await records.change(school.urn, (record) => submit(set, record, personOf(actor), deps.now()));
        if (!saved.ok) return { kind: 'refused', text: saved.errors.join(' ') };
        const term = latestSnapshot(saved.value)?.term ?? '';
        deps.logger.info({ urn: school.urn, term }, 'a school submitted its self-evaluation');
        const notice = `Submitted as your ${term} self-evaluation. The School Improvement Team will review it; I will tell you when they have.`;
        return { kind: 'card', card: (await overviewCard(school.urn, saved.value, 'school', notice)) as AdaptiveCard };
      },
    }),
    { verb: VERBS.startNext, data: Empty, handle: async (_turn, _data, actor) => startNext(actor) },
    { verb: VERBS.schools, data: Empty, handle: async (_turn, _data, actor) => schoolsList(actor) },
    { verb: VERBS.export, data: Empty, handle: async (_turn, _data, actor) => exportAll(actor) },
    verb({
      verb: VERBS.adviserOpen,
      data: AdviserOpenData,
      handle: async (_turn, data: z.infer<typeof AdviserOpenData>, actor) => {
        const found = await forAdviser(actor, data.urn);
        if ('refused' in found) return { kind: 'refused', text: found.refused };
        if (data.keyIssue === undefined) return { kind: 'card', card: (await overviewCard(data.urn, found.record, 'adviser')) as AdaptiveCard };
        const wrong = outOfRange(data.keyIssue);
        if (wrong) return { kind: 'refused', text: wrong };
        return { kind: 'card', card: await snapshotCard(data.urn, found.latest, data.keyIssue, true) };
      },
    }),
    verb({
      verb: VERBS.comment,
      data: CommentData,
      handle: async (_turn, data: z.infer<typeof CommentData>, actor) => {
        const found = await forAdviser(actor, data.urn);
        if ('refused' in found) return { kind: 'refused', text: found.refused };
        const wrong = outOfRange(data.keyIssue);
        if (wrong) return { kind: 'refused', text: wrong };
        const words = (data.comment ?? '').trim();
        const before = found.latest.comments[String(data.keyIssue)]?.text ?? '';
        let record = found.record;
        if (words !== before) {
          const saved = await records.change(data.urn, (current) => comment(set, current, data.keyIssue, words, personOf(actor), deps.now()));
          if (!saved.ok) return { kind: 'card', card: await snapshotCard(data.urn, found.latest, data.keyIssue, true, saved.errors.join(' ')) };
          record = saved.value;
        }
        const notice = words !== before ? `Saved your comment on key issue ${data.keyIssue}.` : undefined;
        if (data.move === 'overview') return { kind: 'card', card: (await overviewCard(data.urn, record, 'adviser', notice)) as AdaptiveCard };
        return { kind: 'card', card: await snapshotCard(data.urn, latestSnapshot(record) as Snapshot, moved(set, data.keyIssue, data.move), true, notice) };
      },
    }),
    verb({
      verb: VERBS.markReviewed,
      data: UrnData,
      handle: async (_turn, data: z.infer<typeof UrnData>, actor) => {
        const found = await forAdviser(actor, data.urn);
        if ('refused' in found) return { kind: 'refused', text: found.refused };
        const saved = await records.change(data.urn, (record) => markReviewed(record, personOf(actor), deps.now()));
        if (!saved.ok) return { kind: 'refused', text: saved.errors.join(' ') };
        await tellSchool(data.urn, latestSnapshot(saved.value) as Snapshot, actor);
        return { kind: 'card', card: (await overviewCard(data.urn, saved.value, 'adviser', 'Marked reviewed; the school has been told.')) as AdaptiveCard };
      },
    }),
  ];

  return {
    id: 'selfEvaluation',
    dialogs,
    commands: [
      {
        summary: {
          title: 'Self-evaluation',
          description: 'Your school’s Narrowing the Gap self-evaluation before its Disadvantaged Strategy Review: one key issue at a time, then submit it.',
          command: 'self-evaluation',
          example: 'self-evaluation',
        },
        scopes: ['personal'],
        match: phrases('self-evaluation', 'self evaluation', 'our self-evaluation', 'resume self-evaluation'),
        dialogId: START,
        examples: ['narrowing the gap self evaluation', 'fill in our self evaluation', 'carry on with the self-evaluation', 'disadvantaged strategy review self evaluation', 'where are we on narrowing the gap'],
      },
      {
        scopes: ['personal'],
        match: (text) => {
          const found = GO_TO_WORDS.exec(normaliseCommandText(text));
          return found ? { keyIssue: Number(found[1]) } : undefined;
        },
        dialogId: GO_TO,
      },
      { scopes: ['personal'], match: phrases('review', 'review self-evaluation', 'review our self-evaluation'), dialogId: REVIEW },
      { scopes: ['personal'], match: phrases('submit self-evaluation', 'submit our self-evaluation', 'submit the self-evaluation'), dialogId: SUBMIT },
      { scopes: ['personal'], match: phrases('start the next self-evaluation', 'start next self-evaluation', 'next self-evaluation'), dialogId: NEXT },
      {
        summary: {
          title: 'Action plan',
          description: 'Your school’s action plan from its self-evaluation’s next steps (Appendix 1’s columns), with a reminder before each action’s date.',
          command: 'our action plan',
          example: 'done with action 3',
        },
        scopes: ['personal'],
        match: phrases('our action plan', 'action plan', 'show our action plan', 'show the action plan', 'my action plan', 'the action plan'),
        dialogId: ACTIONS,
        examples: ['what is on our action plan', 'next steps action plan', 'list our actions', 'see the action plan for narrowing the gap'],
      },
      {
        scopes: ['personal'],
        match: (text) => actionNumberIn(text, DONE_WORDS),
        dialogId: DONE,
      },
      { scopes: ['personal'], match: (text) => actionNumberIn(text, [EDIT_WORDS]), dialogId: EDIT },
      { scopes: ['personal'], match: (text) => actionNumberIn(text, REOPEN_WORDS), dialogId: REOPEN },
      {
        summary: {
          title: 'Your adviser',
          description: 'Invite a system leader as your self-evaluation’s adviser (headteachers), or see who is invited.',
          command: 'invite an adviser',
          example: 'our advisers',
        },
        scopes: ['personal'],
        match: phrases('invite an adviser', 'invite adviser', 'our advisers', 'our adviser', 'self-evaluation advisers', 'invite a system leader'),
        dialogId: ADVISERS,
        examples: ['invite a system leader to see our self evaluation', 'who can see our self evaluation', 'add an adviser to our self evaluation'],
      },
      {
        summary: {
          title: 'Schools’ self-evaluations',
          description: 'Which schools have started, submitted and been reviewed; open a submitted one, comment per key issue and mark it reviewed.',
          command: 'self-evaluations',
          example: 'self-evaluations',
        },
        forSitAdmins: true,
        scopes: ['personal'],
        match: phrases('self-evaluations', 'self evaluations', 'schools self-evaluations'),
        dialogId: SCHOOLS,
      },
      {
        summary: {
          title: 'Self-evaluations across schools',
          description: 'Review visits (overdue first), each liaison group’s schools started, submitted and reviewed, and where schools stand on each strand; set a school’s review visit.',
          command: 'self-evaluation overview',
          example: 'review visit for 110001 on 12 May 2027',
        },
        forSitAdmins: true,
        scopes: ['personal'],
        match: phrases('self-evaluation overview', 'self evaluation overview', 'self-evaluations across schools', 'review visits', 'self-evaluations by liaison group', 'self-evaluations by strand'),
        dialogId: PROGRESS,
        examples: ['which schools have submitted their self evaluation', 'self evaluation progress by liaison group', 'strategy review visit dates', 'how far are schools with the self evaluation'],
      },
      {
        forSitAdmins: true,
        scopes: ['personal'],
        match: (text) => {
          const found = VISIT_WORDS.exec(normaliseCommandText(text));
          return found ? { urn: found[1], date: found[2] } : undefined;
        },
        dialogId: VISIT,
      },
      {
        forSitAdmins: true,
        scopes: ['personal'],
        match: (text) => {
          const found = CLEAR_VISIT_WORDS.exec(normaliseCommandText(text));
          return found ? { urn: found[1] } : undefined;
        },
        dialogId: CLEAR_VISIT,
      },
      {
        summary: {
          title: 'Export self-evaluations',
          description: 'An Excel workbook: a summary of every school, and a sheet shaped like Appendix 3 for each submitted self-evaluation.',
          command: 'export self-evaluations',
          example: 'export self-evaluations',
        },
        forSitAdmins: true,
        scopes: ['personal'],
        match: phrases('export self-evaluations', 'export self evaluations'),
        dialogId: EXPORT,
      },
    ],
    verbs,
    scheduled: (now) => sendActionReminders(context, schoolName, now),
    scheduledEveryMinutes: DAY_REMINDERS_EVERY_MINUTES,
  };
}
