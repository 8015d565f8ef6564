/**
 * The deployments as they are shown, and the questions asked of them: the chat's cards and the
 * tab (through dialogs/queries.ts) ask the same functions, each deciding with the policy, so the
 * two faces cannot come to show different things. The deployment form asks one of them too:
 * whether its days logged by date match its claim, before it is sent.
 */
import type { DeploymentRow, SchoolDeploymentView } from '../../cards/deploymentLifecycleCards.js';
import { decide, refusalText, type PolicyActor } from '../../domain/access/policy.js';
import { dueSteps, stageOf, type DueStep, type FormFacts, type Stage } from '../../domain/deploymentLifecycle/due.js';
import { formIsFor } from '../../domain/deploymentLifecycle/formLink.js';
import { reconcileForm, type Reconciliation } from '../../domain/deploymentLifecycle/reconcile.js';
import { loggedDays, withFormDays, type DeploymentLifecycle } from '../../domain/deploymentLifecycle/record.js';
import type { DeploymentDraft } from '../../domain/deployment/draft.js';
import type { EnhancedStrand } from '../../domain/deployment/sections.js';
import { londonDateOf } from '../../domain/time/londonTime.js';
import { DeploymentLifecycleRepository } from '../../storage/deploymentLifecycleRepository.js';
import { DeploymentRepository, type DeploymentFormRecord } from '../../storage/deploymentRepository.js';
import type { Store } from '../../storage/store.js';
import { refusedView, type ViewAnswer } from '../viewAnswer.js';

/** What the deployment's form says, when the system leader has one for the same school or trust. */
export interface LinkedForm {
  readonly record: DeploymentFormRecord;
  readonly facts: FormFacts;
  readonly claimedDays?: number | undefined;
  readonly recommends?: EnhancedStrand | undefined;
  readonly areasOfFocus: readonly string[];
}

/** A deployment as shown: its days joined with the form's, its stage and what is due. */
export interface DeploymentView {
  readonly record: DeploymentLifecycle;
  readonly form?: LinkedForm | undefined;
  readonly stage: Stage;
  readonly due: DueStep[];
  readonly daysUsed: number;
}

export interface LifecycleQueries {
  readonly lifecycles: DeploymentLifecycleRepository;
  readonly forms: DeploymentRepository;
  /** Today in England, YYYY-MM-DD. */
  readonly today: () => string;
  linkedForm(record: DeploymentLifecycle): Promise<LinkedForm | undefined>;
  viewOf(record: DeploymentLifecycle): Promise<DeploymentView>;
  rowOf(view: DeploymentView, withLeader: boolean): DeploymentRow;
  /** A system leader's own deployments: stage, what is due next, days used of agreed. */
  mine(actor: PolicyActor): Promise<ViewAnswer<DeploymentRow[]>>;
  /** The deployments supporting the actor's school: the stage and the dates agreed. */
  school(actor: PolicyActor): Promise<ViewAnswer<SchoolDeploymentView[]>>;
  /** Every deployment in the council for the SIT, those with an overdue step first, then by what falls due soonest. */
  council(actor: PolicyActor): Promise<ViewAnswer<DeploymentView[]>>;
  /** The council's deployments as the SIT's list shows them, with each system leader's name. */
  overview(actor: PolicyActor): Promise<ViewAnswer<DeploymentRow[]>>;
  /**
   * Before a form is sent: its days logged by date (with the deployment's own) against its section
   * 6 claim; undefined when no deployment is recorded for the form's school or trust.
   */
  reconcileForm(draft: DeploymentDraft): Promise<Reconciliation | undefined>;
}


export function createLifecycleQueries(store: Store, now: () => Date): LifecycleQueries {
  const lifecycles = new DeploymentLifecycleRepository(store);
  const forms = new DeploymentRepository(store);
  const today = () => londonDateOf(now());

  async function linkedForm(record: DeploymentLifecycle): Promise<LinkedForm | undefined> {
    const found = (await forms.listFor(record.ownerAadObjectId)).find((form) => formIsFor(form.draft, record));
    if (!found) return undefined;
    const { sections } = found.draft;
    return {
      record: found,
      facts: { sentToSchoolAt: sections[8].sentToSchoolAt, submittedToRdpAt: sections[8].submittedToRdpAt },
      claimedDays: sections[6].daysDelivered,
      recommends: sections[4].enhancedStrand,
      areasOfFocus: sections[2].areasOfFocus ?? [],
    };
  }

  async function viewOf(stored: DeploymentLifecycle): Promise<DeploymentView> {
    const form = await linkedForm(stored);
    const record = form ? withFormDays(stored, form.record.draft.daysDeliveredLog) : stored;
    return { record, form, stage: stageOf(record, form?.facts), due: dueSteps(record, today(), form?.facts), daysUsed: loggedDays(record) };
  }

  const rowOf = (view: DeploymentView, withLeader: boolean): DeploymentRow => ({
    id: view.record.id,
    owner: view.record.ownerAadObjectId,
    recipient: view.record.recipient.name,
    urn: view.record.recipient.urn,
    stage: view.stage,
    next: view.due[0],
    daysUsed: view.daysUsed,
    agreedDays: view.record.agreedDays,
    ...(withLeader ? { systemLeader: view.record.ownerName } : {}),
  });

  const viewsOf = (records: readonly DeploymentLifecycle[]) => Promise.all(records.map(viewOf));

  async function council(actor: PolicyActor): Promise<ViewAnswer<DeploymentView[]>> {
    const decision = decide(actor, 'lifecycle.overview', {});
    if (!decision.allowed) return refusedView(decision);
    const views = await viewsOf(await lifecycles.all());
    const key = (view: DeploymentView) => [view.due[0]?.overdue ? 0 : 1, view.due[0]?.dueOn ?? '9999-12-31'] as const;
    return { ok: true, view: views.sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1].localeCompare(key(b)[1])) };
  }

  return {
    lifecycles,
    forms,
    today,
    linkedForm,
    viewOf,
    rowOf,
    async mine(actor) {
      const decision = decide(actor, 'lifecycle.record', { ownerAadObjectId: actor.aadObjectId });
      if (!decision.allowed) return refusedView(decision);
      return { ok: true, view: (await viewsOf(await lifecycles.listFor(actor.aadObjectId))).map((view) => rowOf(view, false)) };
    },
    async school(actor) {
      const urn = actor.profile?.kind === 'school' ? actor.profile.urn : '';
      const decision = decide(actor, 'lifecycle.schoolView', { urn });
      if (!decision.allowed) return refusedView(decision);
      const views = await viewsOf((await lifecycles.all()).filter((record) => record.recipient.urn === urn));
      return {
        ok: true,
        view: views.map(({ record, stage }) => ({
          recipient: record.recipient.name,
          systemLeader: record.ownerName,
          stage,
          agreedDays: record.agreedDays,
          firstVisitOn: record.engagement.firstVisitOn,
          daysOn: record.days.map((day) => day.date),
          extensionWindowEndsOn: record.extension.status === 'approved' ? record.extension.windowEndsOn : undefined,
        })),
      };
    },
    council,
    async overview(actor) {
      const all = await council(actor);
      return all.ok ? { ok: true, view: all.view.map((view) => rowOf(view, true)) } : all;
    },
    async reconcileForm(draft) {
      const record = (await lifecycles.listFor(draft.ownerAadObjectId)).find((candidate) => formIsFor(draft, candidate));
      return record ? reconcileForm(record, draft) : undefined;
    },
  };
}

/** A refused answer in the chat's words: the reason, then what to do instead. */
export const refusalOf = (answer: { readonly reason: string; readonly instead?: string | undefined }): string => refusalText({ allowed: false, reason: answer.reason, instead: answer.instead ?? '' }).trim();
