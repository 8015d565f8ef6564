/**
 * An approved extension raises the days the deployment form allows: the form's agreed days (its
 * due points scale with them) and, once section 6 claims more than the offer's days, the
 * extension DfE approved and its email's reference, so the claim rule accepts e.g. 13 days.
 */
import type { DeploymentDraft } from '../deployment/draft.js';
import { setAgreedDays } from '../deployment/draft.js';
import { DEPLOYMENT_PROGRAMME } from '../deployment/programme.js';
import type { DeploymentLifecycle } from './record.js';

/**
 * The form draft with the lifecycle's approved extension applied; unchanged when there is none.
 * The extension and its reference are kept in section 6 even before the claim is answered: the
 * form keeps an answer only while its question applies, so a claim of more than the offer's days
 * finds them there (and is not asked them again), and a claim within the offer's days drops them.
 */
export function withApprovedExtension(draft: DeploymentDraft, record: DeploymentLifecycle): DeploymentDraft {
  const { extension } = record;
  if (extension.status !== 'approved') return draft;
  const agreed = setAgreedDays(draft, Math.floor(record.agreedDays), DEPLOYMENT_PROGRAMME);
  const next = agreed.ok ? agreed.value : draft;
  const claimed = next.sections[6].daysDelivered;
  if (typeof claimed === 'number' && claimed <= DEPLOYMENT_PROGRAMME.maxDays) return next;
  const section6 = { ...next.sections[6], extensionApprovedDays: extension.approvedDays, ...(extension.reference ? { approvalReference: extension.reference } : {}) };
  return { ...next, sections: { ...next.sections, 6: section6 } };
}

/** Whether a form is for this deployment's school or trust: the same URN, or for a trust the same name. */
export function formIsFor(draft: DeploymentDraft, record: DeploymentLifecycle): boolean {
  const section1 = draft.sections[1];
  if (record.recipient.urn !== undefined) return section1.urn === record.recipient.urn;
  return typeof section1.recipientName === 'string' && section1.recipientName.trim().toLowerCase() === record.recipient.name.toLowerCase();
}
