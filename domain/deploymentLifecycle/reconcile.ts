/**
 * Before the form is sent: the days logged by date here against the days claimed in section 6.
 * A mismatch is shown with the dates, so the system leader corrects one or the other.
 */
import { formatLongDate } from '../tsi/academicYear.js';
import type { DeploymentDraft } from '../deployment/draft.js';
import type { Stage } from './due.js';
import { loggedDays, withFormDays, type DeploymentLifecycle } from './record.js';

export type Reconciliation =
  | { readonly kind: 'not_claimed'; readonly logged: number }
  | { readonly kind: 'match'; readonly logged: number; readonly claimed: number }
  | { readonly kind: 'mismatch'; readonly logged: number; readonly claimed: number; readonly dates: readonly string[]; readonly message: string };

const days = (count: number) => `${count} ${count === 1 ? 'day' : 'days'}`;

export function reconcileDays(record: Pick<DeploymentLifecycle, 'days'>, claimed: number | undefined): Reconciliation {
  const logged = loggedDays(record);
  if (claimed === undefined) return { kind: 'not_claimed', logged };
  if (claimed === logged) return { kind: 'match', logged, claimed };
  const dates = record.days.map((day) => (day.days === 1 ? formatLongDate(day.date) : `${formatLongDate(day.date)} (half day)`));
  const logList = dates.length > 0 ? `: ${dates.join(', ')}` : '';
  const message =
    claimed > logged
      ? `Section 6 claims ${days(claimed)} but only ${days(logged)} are logged by date${logList}. Log the missing days with their dates, or correct the claim, before sending the form.`
      : `Section 6 claims ${days(claimed)} but ${days(logged)} are logged by date${logList}. Correct the claim, or the log, before sending the form.`;
  return { kind: 'mismatch', logged, claimed, dates: record.days.map((day) => day.date), message };
}

/** A deployment's form against its own claim: the form's days and the deployment's joined by date, then reconciled. */
export function reconcileForm(record: DeploymentLifecycle, draft: Pick<DeploymentDraft, 'daysDeliveredLog' | 'sections'>): Reconciliation {
  return reconcileDays(withFormDays(record, draft.daysDeliveredLog), draft.sections[6].daysDelivered);
}

/** The days are checked against the claim once the deployment is delivered (after its deployment stage); before that, a shortfall is expected. */
export function reconcileOnceDelivered(record: Pick<DeploymentLifecycle, 'days'>, stage: Stage, claimed: number | undefined): Reconciliation | undefined {
  return stage === 'engagement' || stage === 'deployment' ? undefined : reconcileDays(record, claimed);
}
