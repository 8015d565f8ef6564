/**
 * The funded trust partnership (002, "Process for obtaining agreement for a funded Trust
 * Partnership", and the two payments of £5,000). Allowed:
 * none → case_written (the written case, with the school's agreement), case_written → case_written
 * (rewritten), case_written → submitted (with the end-of-deployment return, so once the deployment
 * is completed), submitted → approved | declined (DfE's summary email; with approval, the grant
 * offer letter), approved → first_payment_due (the signed grant offer confirming a signed SLA),
 * first_payment_due → second_payment_due (the trust's end report with the school's confirmation).
 * Anything else is refused with the reason, and the record is unchanged.
 */
import type { EnhancedStrand } from '../deployment/sections.js';
import { fail, ok, type Result } from '../result.js';
import { formatLongDate } from '../tsi/academicYear.js';
import { checkDate, completedOn, PartnershipCaseSchema, type DeploymentLifecycle, type Partnership, type PartnershipCase } from './record.js';
import { otherStrandBlocks } from './strands.js';

export type PartnershipEvent =
  | { readonly kind: 'writeCase'; readonly on: string; readonly case: { benefit: string; schoolAgreed: boolean; suitableMatch?: string | undefined; context: string } }
  | { readonly kind: 'submit'; readonly on: string }
  | { readonly kind: 'approve'; readonly on: string }
  | { readonly kind: 'decline'; readonly on: string }
  | { readonly kind: 'grantOfferSigned'; readonly on: string }
  | { readonly kind: 'endReport'; readonly on: string };

const STATUS_WORDS: Record<Partnership['status'], string> = {
  none: 'there is no trust partnership case yet',
  case_written: 'the case is written but not submitted',
  submitted: 'the case is with the RDP and DfE',
  declined: 'DfE declined the partnership',
  approved: 'DfE approved the partnership and the grant offer is waiting to be signed',
  first_payment_due: 'the signed grant offer is back with DfE (the first £5,000)',
  second_payment_due: 'the trust’s end report is with DfE (the second £5,000): the partnership is complete',
};

const refused = (partnership: Partnership, doing: string): Result<never> => fail(`You cannot ${doing} now: ${STATUS_WORDS[partnership.status]}.`);

/** The date the partnership's last step was recorded: a new step cannot come before it. */
function lastStepOn(partnership: Partnership): string | undefined {
  switch (partnership.status) {
    case 'none':
      return undefined;
    case 'case_written':
      return partnership.writtenOn;
    case 'submitted':
      return partnership.submittedOn;
    case 'approved':
    case 'declined':
      return partnership.summaryEmailOn;
    case 'first_payment_due':
      return partnership.grantOfferSignedOn;
    case 'second_payment_due':
      return partnership.endReportOn;
  }
}

export function applyPartnershipEvent(record: DeploymentLifecycle, event: PartnershipEvent, today: string, formRecommends?: EnhancedStrand): Result<DeploymentLifecycle> {
  const partnership = record.partnership;
  const date = checkDate(event.on, today);
  if (!date.ok) return date;
  const last = lastStepOn(partnership);
  if (last !== undefined && event.on < last && event.kind !== 'writeCase') return fail(`${formatLongDate(event.on)} is before the partnership’s last step (${formatLongDate(last)}): check the date.`);
  const with_ = (next: Partnership) => ok({ ...record, partnership: next });
  switch (event.kind) {
    case 'writeCase': {
      if (partnership.status !== 'none' && partnership.status !== 'case_written') return refused(partnership, 'rewrite the case');
      if (record.engagement.ability?.canSupport !== true) return fail('First say that you can support the school or trust.');
      const blocked = otherStrandBlocks(record, 'trust_partnership', formRecommends);
      if (blocked) return fail(blocked);
      if (!event.case.schoolAgreed) return fail('002 asks the case to confirm the school or trust agrees to enter a trust partnership: record that agreement first.');
      const parsed = PartnershipCaseSchema.safeParse(event.case);
      if (!parsed.success) return fail('The case needs the potential benefit to the school and the context that helps DfE find a partner trust (each up to 1000 characters); a suitable match is optional.');
      const written: PartnershipCase = parsed.data;
      return with_({ status: 'case_written', case: written, writtenOn: event.on });
    }
    case 'submit':
      if (partnership.status !== 'case_written') return refused(partnership, 'submit the case');
      if (completedOn(record) === undefined) return fail('002 has the case submitted with the end-of-deployment return: log the last agreed day first.');
      return with_({ ...partnership, status: 'submitted', submittedOn: event.on });
    case 'approve':
    case 'decline':
      if (partnership.status !== 'submitted') return refused(partnership, `record DfE’s ${event.kind === 'approve' ? 'approval' : 'decision'}`);
      return with_({ ...partnership, status: event.kind === 'approve' ? 'approved' : 'declined', summaryEmailOn: event.on });
    case 'grantOfferSigned':
      if (partnership.status !== 'approved') return refused(partnership, 'record the signed grant offer');
      return with_({ ...partnership, status: 'first_payment_due', grantOfferSignedOn: event.on });
    case 'endReport':
      if (partnership.status !== 'first_payment_due') return refused(partnership, 'record the trust’s end report');
      return with_({ ...partnership, status: 'second_payment_due', endReportOn: event.on });
  }
}
