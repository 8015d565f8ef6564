import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import {
  confirmSubmitCard,
  keyIssueFormCard,
  keyIssueReadCard,
  SELF_EVALUATION_VERBS as VERBS,
  selfEvaluationOverviewCard,
  selfEvaluationExportCard,
  selfEvaluationSchoolsCard,
  type Move,
} from '../../cards/selfEvaluationCards.js';
import type { AdaptiveCard } from '../../cards/render.js';
import { escapeMarkdown } from '../../cards/markdown.js';
import { decide, refusalText, type Action } from '../../domain/access/policy.js';
import { ok } from '../../domain/result.js';
import { SHIPPED_QUESTIONS, type QuestionSet } from '../../domain/selfEvaluation/questions.js';
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
import type { DirectoryRepository } from '../../storage/directoryRepository.js';
import { SelfEvaluationRepository } from '../../storage/selfEvaluationRepository.js';
import type { Actor } from '../actor.js';
import { actorOf } from '../actor.js';
import { cardActivity } from '../cardActivity.js';
import { phrases, type CardVerb, type CardVerbResult, type Journey, type JourneyContext, type JourneyDeps } from '../journey.js';
import { XLSX, type ExportLinks, type ProactiveMessenger } from '../ports.js';
import { buildSelfEvaluationWorkbook } from '../../files/selfEvaluationWorkbook.js';
import { normaliseCommandText } from '../../domain/text.js';

export interface SelfEvaluationDeps extends JourneyDeps {
  readonly directory: Pick<DirectoryRepository, 'getSchool'>;
  /** The school is told in its personal chats when its self-evaluation has been reviewed. */
  readonly proactive: Pick<ProactiveMessenger, 'sendToPerson'>;
  /** Download links for the SIT's workbook. */
  readonly exports: Pick<ExportLinks, 'create'>;
  /** Another council's question set; the shipped one (validated at start) otherwise. */
  readonly questions?: QuestionSet;
}

export interface SelfEvaluationContext extends JourneyContext<SelfEvaluationDeps> {
  readonly questions: QuestionSet;
  readonly records: SelfEvaluationRepository;
}

export function createSelfEvaluationContext(deps: SelfEvaluationDeps): SelfEvaluationContext {
  return { deps, questions: deps.questions ?? SHIPPED_QUESTIONS, records: new SelfEvaluationRepository(deps.store) };
}

const START = 'selfEvaluation.start';
const GO_TO = 'selfEvaluation.goTo';
const REVIEW = 'selfEvaluation.review';
const SUBMIT = 'selfEvaluation.submit';
const NEXT = 'selfEvaluation.next';
const SCHOOLS = 'selfEvaluation.schools';
const EXPORT = 'selfEvaluation.export';

const GO_TO_WORDS = /^(?:go to |open )?key issue (\d{1,3})$/;

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

/** A verb typed by its own schema, listed with the others. */
const verb = <Schema extends z.ZodType>(definition: CardVerb<Schema>): CardVerb => definition as unknown as CardVerb;

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
    command(SUBMIT, async (step, actor) => {
      const school = ownSchool(actor, 'selfEvaluation.edit');
      if ('refused' in school) return void (await step.context.sendActivity(school.refused));
      const result = await confirmSubmit(school.urn);
      await step.context.sendActivity(result.kind === 'card' ? cardActivity(result.card) : result.text);
    }),
    command(NEXT, async (step, actor) => {
      const result = await startNext(actor);
      await step.context.sendActivity(result.kind === 'card' ? cardActivity(result.card) : result.text);
    }),
    command(EXPORT, async (step, actor) => {
      const result = await exportAll(actor);
      await step.context.sendActivity(result.kind === 'card' ? cardActivity(result.card) : result.text);
    }),
    command(SCHOOLS, async (step, actor) => {
      const result = await schoolsList(actor);
      await step.context.sendActivity(result.kind === 'card' ? cardActivity(result.card) : result.text);
    }),
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

  async function schoolsList(actor: Actor): Promise<CardVerbResult> {
    const decision = decide(actor, 'selfEvaluation.review', { urn: '' });
    if (!decision.allowed) return { kind: 'refused', text: refusalText(decision) };
    const all = await records.all();
    const rows = await Promise.all(
      all.map(async (record) => {
        const latest = latestSnapshot(record);
        return { urn: record.urn, schoolName: await schoolName(record.urn), status: statusOf(record), term: latest?.term };
      }),
    );
    return { kind: 'card', card: selfEvaluationSchoolsCard({ rows }) };
  }

  async function exportAll(actor: Actor): Promise<CardVerbResult> {
    const decision = decide(actor, 'export.acrossSchools', {});
    if (!decision.allowed) return { kind: 'refused', text: refusalText(decision) };
    const all = await records.all();
    const schools = await Promise.all(all.map(async (record) => ({ urn: record.urn, name: await schoolName(record.urn), record })));
    schools.sort((a, b) => a.name.localeCompare(b.name));
    const now = deps.now();
    const bytes = await buildSelfEvaluationWorkbook(set, schools, now);
    const link = await deps.exports.create(actor.aadObjectId, { filename: `self-evaluations-${now.toISOString().slice(0, 10)}.xlsx`, contentType: XLSX, bytes });
    const submitted = schools.filter((school) => latestSnapshot(school.record) !== undefined).length;
    deps.logger.info({ schools: schools.length, submitted }, 'self-evaluations exported');
    return { kind: 'card', card: selfEvaluationExportCard({ schools: schools.length, submitted, workbookUrl: link.url, expiresAt: link.expiresAt }) };
  }

  /** A school's latest snapshot for the adviser, once the policy allows. */
  async function forAdviser(actor: Actor, urn: string): Promise<{ record: SelfEvaluation; latest: Snapshot } | { refused: string }> {
    const decision = decide(actor, 'selfEvaluation.review', { urn });
    if (!decision.allowed) return { refused: refusalText(decision) };
    const record = await records.get(urn);
    const latest = latestSnapshot(record);
    if (!record || !latest) return { refused: `The school with URN ${urn} has not submitted a self-evaluation yet.` };
    return { record, latest };
  }

  /** Tells the people who wrote the school's snapshot that it has been reviewed. */
  async function tellSchool(urn: string, snapshot: Snapshot): Promise<void> {
    const people = new Set([snapshot.submittedBy.aadObjectId, ...Object.values(snapshot.answers).map((answer) => answer.editedBy.aadObjectId)]);
    const comments = Object.keys(snapshot.comments).length;
    const text = `The School Improvement Team has reviewed ${escapeMarkdown(await schoolName(urn))}’s ${snapshot.term} self-evaluation${comments > 0 ? `, with comments on ${comments} key issue${comments === 1 ? '' : 's'}` : ''}. Say “review” to see them beside your answers.`;
    const outcomes = await Promise.all([...people].map((person) => deps.proactive.sendToPerson(person, { type: 'message', text })));
    deps.logger.info({ urn, told: outcomes.filter((outcome) => outcome === 'sent').length, people: people.size }, 'told a school its self-evaluation was reviewed');
  }

  const verbs: CardVerb[] = [
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
        await tellSchool(data.urn, latestSnapshot(saved.value) as Snapshot);
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
  };
}
