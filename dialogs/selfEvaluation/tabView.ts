import { decide, type PolicyActor } from '../../domain/access/policy.js';
import { orderedActions } from '../../domain/selfEvaluation/actionPlan.js';
import { countsByGroup, countsByStrand, reviewVisits, type VisitState } from '../../domain/selfEvaluation/overview.js';
import { columnTitle, SHIPPED_QUESTIONS, stepTitle, strandTitle, type QuestionSet } from '../../domain/selfEvaluation/questions.js';
import { completenessOf, latestSnapshot, statusOf, type Answer, type Completeness, type SelfEvaluation } from '../../domain/selfEvaluation/record.js';
import { londonDateOf } from '../../domain/time/londonTime.js';
import type { DirectoryRepository } from '../../storage/directoryRepository.js';
import { SelfEvaluationRepository } from '../../storage/selfEvaluationRepository.js';
import type { Store } from '../../storage/store.js';
import { refusedView, type ViewAnswer } from '../viewAnswer.js';

/**
 * What the tab shows of the self-evaluation, asked of the same policy as the chat: the school's
 * own (its draft, its snapshots side by side, its action plan) and the SIT's view across schools.
 * The tab's HTTP face (bot/http/tabApi.ts) calls these and only turns the answer into a reply.
 */

export interface SelfEvaluationQueries {
  readonly store: Store;
  readonly now: () => Date;
  readonly directory: Pick<DirectoryRepository, 'getSchool' | 'liaisonGroups'>;
  readonly questions?: QuestionSet;
}

/** The most snapshots shown side by side (the council's own cut: the latest three terms). */
const SNAPSHOTS_SIDE_BY_SIDE = 3;

interface AnswerView {
  readonly step: string | null;
  readonly texts: Readonly<Record<string, string>>;
  readonly completeness: Completeness;
}

export interface SchoolSelfEvaluationView {
  readonly school: { readonly urn: string; readonly name: string };
  readonly status: string;
  readonly headings: readonly { readonly id: string; readonly title: string }[];
  /** Oldest of those shown first; the draft, if any, is beside them. */
  readonly snapshots: readonly { readonly term: string; readonly submittedAt: string; readonly reviewed: boolean }[];
  readonly hasDraft: boolean;
  readonly keyIssues: readonly {
    readonly number: number;
    readonly question: string;
    readonly strand: string;
    readonly draft: AnswerView | null;
    /** In the order of `snapshots`. */
    readonly snapshots: readonly (AnswerView & { readonly comment: string | null })[];
  }[];
  readonly actionPlan: {
    readonly columns: readonly string[];
    readonly actions: readonly {
      readonly number: number;
      readonly keyAction: string;
      readonly lead: string;
      readonly timeScale: string;
      readonly dueDate: string | null;
      readonly outcome: string;
      readonly monitoring: string;
      readonly completed: string | null;
      readonly fromKeyIssue: number | null;
    }[];
  };
}

export interface SelfEvaluationOverviewView {
  readonly today: string;
  readonly visits: readonly { readonly urn: string; readonly schoolName: string; readonly date: string; readonly state: VisitState; readonly status: string }[];
  readonly groups: readonly { readonly name: string; readonly started: number; readonly submitted: number; readonly reviewed: number }[];
  readonly steps: readonly string[];
  readonly strands: readonly { readonly strand: string; readonly counts: readonly number[]; readonly schools: number }[];
  readonly schools: readonly { readonly urn: string; readonly name: string; readonly status: string; readonly term: string | null }[];
}

/** The schools' directory entries and the liaison groups, for the SIT's views across schools (the chat's card and the tab). */
export async function acrossSchools(directory: SelfEvaluationQueries['directory'], all: readonly SelfEvaluation[]) {
  const schools = new Map(await Promise.all(all.map(async (record) => [record.urn, await directory.getSchool(record.urn)] as const)));
  const groups = await directory.liaisonGroups();
  const groupName = (id: string | undefined) => (id === undefined ? 'In no liaison group' : (groups.find((group) => group.id === id)?.name ?? id));
  const byGroup = countsByGroup(all, (urn) => schools.get(urn)?.liaisonGroupId, groups.map((group) => group.id)).map((counts) => ({ ...counts, name: groupName(counts.liaisonGroupId) }));
  const nameOf = (urn: string) => schools.get(urn)?.name ?? `URN ${urn}`;
  return { schools, groupName, byGroup, nameOf };
}

function answerView(set: QuestionSet, answer: Answer | undefined): AnswerView | null {
  if (!answer) return null;
  return { step: stepTitle(set, answer.step) ?? null, texts: { ...answer.texts }, completeness: completenessOf(answer) };
}

/** The person's own school's self-evaluation and action plan. */
export async function schoolSelfEvaluationView(queries: SelfEvaluationQueries, actor: PolicyActor): Promise<ViewAnswer<SchoolSelfEvaluationView>> {
  const set = queries.questions ?? SHIPPED_QUESTIONS;
  const urn = actor.profile?.kind === 'school' ? actor.profile.urn : '';
  const decision = decide(actor, 'selfEvaluation.view', { urn });
  if (!decision.allowed) return refusedView(decision);
  // The SIT may see any school's, but has no school of its own to show here.
  if (urn === '') return { ok: false, status: 403, reason: 'This view shows a school its own self-evaluation.', instead: 'See schools’ self-evaluations under “Across schools”.' };
  const school = await queries.directory.getSchool(urn);
  if (!school) return { ok: false, status: 404, reason: `There is no school with URN ${urn} in the directory.` };
  const record = await new SelfEvaluationRepository(queries.store).get(urn);
  const shown = (record?.snapshots ?? []).slice(-SNAPSHOTS_SIDE_BY_SIDE);
  return {
    ok: true,
    view: {
      school: { urn, name: school.name },
      status: statusOf(record),
      headings: set.headings.map((heading) => ({ id: heading.id, title: heading.title })),
      snapshots: shown.map((snapshot) => ({ term: snapshot.term, submittedAt: snapshot.submittedAt, reviewed: snapshot.reviewed !== undefined })),
      hasDraft: record?.draft !== undefined,
      keyIssues: set.keyIssues.map((issue) => {
        const key = String(issue.number);
        return {
          number: issue.number,
          question: issue.question,
          strand: strandTitle(set, issue.strand),
          draft: answerView(set, record?.draft?.answers[key]),
          snapshots: shown.map((snapshot) => ({
            ...(answerView(set, snapshot.answers[key]) ?? { step: null, texts: {}, completeness: 'not started' as const }),
            comment: snapshot.comments[key]?.text ?? null,
          })),
        };
      }),
      actionPlan: {
        columns: set.actionPlan.columns.map((column) => columnTitle(set, column.id)),
        actions: orderedActions(record).map((action) => ({
          number: action.number,
          keyAction: action.keyAction,
          lead: action.lead,
          timeScale: action.timeScale,
          dueDate: action.dueDate ?? null,
          outcome: action.outcome,
          monitoring: action.monitoring,
          completed: action.completed?.date ?? null,
          fromKeyIssue: action.fromKeyIssue ?? null,
        })),
      },
    },
  };
}

/** The SIT's view across schools: review visits overdue first, counts by liaison group and by strand, every school's status. */
export async function selfEvaluationOverviewView(queries: SelfEvaluationQueries, actor: PolicyActor): Promise<ViewAnswer<SelfEvaluationOverviewView>> {
  const set = queries.questions ?? SHIPPED_QUESTIONS;
  const decision = decide(actor, 'selfEvaluation.overview', {});
  if (!decision.allowed) return refusedView(decision);
  const all = await new SelfEvaluationRepository(queries.store).all();
  const { byGroup, nameOf } = await acrossSchools(queries.directory, all);
  const today = londonDateOf(queries.now());
  return {
    ok: true,
    view: {
      today,
      visits: reviewVisits(all, today).map((visit) => ({ ...visit, schoolName: nameOf(visit.urn) })),
      groups: byGroup.map(({ name, started, submitted, reviewed }) => ({ name, started, submitted, reviewed })),
      steps: set.scale.steps.map((step) => step.title),
      strands: countsByStrand(set, all).map((counts) => ({ strand: strandTitle(set, counts.strand), counts: set.scale.steps.map((step) => counts.steps[step.id] ?? 0), schools: counts.schools })),
      schools: all
        .map((record) => ({ urn: record.urn, name: nameOf(record.urn), status: statusOf(record), term: latestSnapshot(record)?.term ?? null }))
        .sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
    },
  };
}
