import { randomUUID } from 'node:crypto';
import type { DeploymentRow } from '../../cards/deploymentLifecycleCards.js';
import { dueSteps, stageOf, type DueStep, type FormFacts, type Stage } from '../../domain/deploymentLifecycle/due.js';
import { formIsFor } from '../../domain/deploymentLifecycle/formLink.js';
import { loggedDays, withFormDays, type DeploymentLifecycle } from '../../domain/deploymentLifecycle/record.js';
import type { EnhancedStrand } from '../../domain/deployment/sections.js';
import type { SchoolMatch } from '../../domain/directory/search.js';
import { londonDateOf } from '../../domain/time/londonTime.js';
import { DeploymentLifecycleRepository } from '../../storage/deploymentLifecycleRepository.js';
import { DeploymentRepository, type DeploymentFormRecord } from '../../storage/deploymentRepository.js';
import type { JourneyContext, JourneyDeps } from '../journey.js';
import type { ExportLinks, ProactiveMessenger } from '../ports.js';

export interface DeploymentLifecycleDeps extends JourneyDeps {
  /** A new deployment's school is looked up by the name the system leader gives. */
  readonly directory: { findSchools(query: string, options?: { limit?: number }): SchoolMatch[] };
  /** Reminders go to the system leader's personal chat. */
  readonly proactive: Pick<ProactiveMessenger, 'sendToPerson'>;
  readonly exports: Pick<ExportLinks, 'create'>;
  /** New deployments' ids: random unless a test fixes them. */
  readonly newId?: () => string;
}

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

export interface DeploymentLifecycleContext extends JourneyContext<DeploymentLifecycleDeps> {
  readonly lifecycles: DeploymentLifecycleRepository;
  readonly forms: DeploymentRepository;
  readonly today: () => string;
  readonly newId: () => string;
  linkedForm(record: DeploymentLifecycle): Promise<LinkedForm | undefined>;
  viewOf(record: DeploymentLifecycle): Promise<DeploymentView>;
  rowOf(view: DeploymentView, withLeader: boolean): DeploymentRow;
}

export function createDeploymentLifecycleContext(deps: DeploymentLifecycleDeps): DeploymentLifecycleContext {
  const lifecycles = new DeploymentLifecycleRepository(deps.store);
  const forms = new DeploymentRepository(deps.store);
  const today = () => londonDateOf(deps.now());

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

  return { deps, lifecycles, forms, today, newId: deps.newId ?? randomUUID, linkedForm, viewOf, rowOf };
}
