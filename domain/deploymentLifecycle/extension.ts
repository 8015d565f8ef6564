/**
 * The extension request (002, "Process for obtaining agreement to provide up to 5 additional
 * support days"): drafted with the days and the context, sent to the RDP, then DfE's answer.
 * Allowed: none → draft, draft → draft (redrafted), draft → sent, sent → approved | refused.
 * Anything else is refused with the reason, and the record is unchanged.
 */
import { DEPLOYMENT_PROGRAMME, dayStepsWording, inDaySteps } from '../deployment/programme.js';
import type { EnhancedStrand } from '../deployment/sections.js';
import { IsoDateSchema } from '../directory/types.js';
import { fail, ok, type Result } from '../result.js';
import { formatLongDate } from '../tsi/academicYear.js';
import { addDays } from './calendar.js';
import { LIFECYCLE_PROGRAMME } from './programme.js';
import { recipientNoun } from './recipientNoun.js';
import { checkDate, loggedDays, NOTE_MAX, type DeploymentLifecycle, type Extension } from './record.js';
import { otherStrandBlocks } from './strands.js';

export type ExtensionEvent =
  | { readonly kind: 'draft'; readonly days: number; readonly reason: string; readonly on: string }
  | { readonly kind: 'send'; readonly on: string }
  | { readonly kind: 'approve'; readonly on: string; readonly days?: number | undefined; readonly reference?: string | undefined; readonly windowEndsOn?: string | undefined }
  | { readonly kind: 'refuse'; readonly on: string; readonly rationale?: string | undefined };

const STATUS_WORDS: Record<Extension['status'], string> = {
  none: 'there is no extension request',
  draft: 'the request is drafted but not sent',
  sent: 'the request is with the RDP and DfE',
  approved: 'DfE has approved the extension',
  refused: 'DfE has refused the extension',
};

const refused = (extension: Extension, doing: string): Result<never> => fail(`You cannot ${doing} now: ${STATUS_WORDS[extension.status]}.`);

function checkDays(days: number, most: number): string | undefined {
  if (!Number.isFinite(days) || days <= 0) return 'Give the number of additional days as a positive number, such as 3.';
  if (days > most) return `An extension is up to ${most} additional days; ${days} is more than that.`;
  if (!inDaySteps(days)) return `Days are counted ${dayStepsWording(3)}.`;
  return undefined;
}

/** The next state of the extension request, or why the event is refused. Approval raises the agreed days and sets the new window. */
export function applyExtensionEvent(record: DeploymentLifecycle, event: ExtensionEvent, today: string, formRecommends?: EnhancedStrand): Result<DeploymentLifecycle> {
  const extension = record.extension;
  const date = checkDate(event.on, today);
  if (!date.ok) return date;
  const most = DEPLOYMENT_PROGRAMME.maxExtensionDays;
  switch (event.kind) {
    case 'draft': {
      if (extension.status !== 'none' && extension.status !== 'draft') return refused(extension, 'draft a new extension request');
      if (record.engagement.ability?.canSupport !== true) return fail('First say that you can support the school or trust.');
      const blocked = otherStrandBlocks(record, 'extra_days', formRecommends);
      if (blocked) return fail(blocked);
      const wrong = checkDays(event.days, most);
      if (wrong) return fail(wrong);
      const reason = event.reason.trim();
      if (reason.length === 0) return fail('Say why the school or trust would benefit from the additional days: the RDP needs the context.');
      if (reason.length > NOTE_MAX) return fail(`Keep the reason to ${NOTE_MAX} characters.`);
      return ok({ ...record, extension: { status: 'draft', request: { days: event.days, reason, draftedOn: event.on } } });
    }
    case 'send':
      if (extension.status !== 'draft') return refused(extension, 'send the extension request');
      if (event.on < extension.request.draftedOn) return fail(`${formatLongDate(event.on)} is before the request was drafted (${formatLongDate(extension.request.draftedOn)}).`);
      return ok({ ...record, extension: { status: 'sent', request: extension.request, sentOn: event.on } });
    case 'approve': {
      if (extension.status !== 'sent') return refused(extension, 'record DfE’s approval');
      if (event.on < extension.sentOn) return fail(`${formatLongDate(event.on)} is before the request was sent (${formatLongDate(extension.sentOn)}).`);
      const days = event.days ?? extension.request.days;
      const wrong = checkDays(days, most);
      if (wrong) return fail(wrong);
      const windowEndsOn = event.windowEndsOn ?? addDays(event.on, LIFECYCLE_PROGRAMME.extension.usualWindowWeeks * 7);
      if (!IsoDateSchema.safeParse(windowEndsOn).success || windowEndsOn < event.on) return fail('The date to complete the additional days by must be on or after DfE’s answer.');
      const reference = event.reference?.trim();
      if (reference !== undefined && reference.length > NOTE_MAX) return fail(`Keep the reference to ${NOTE_MAX} characters.`);
      return ok({
        ...record,
        agreedDays: DEPLOYMENT_PROGRAMME.maxDays + days,
        extension: { status: 'approved', request: extension.request, sentOn: extension.sentOn, decidedOn: event.on, approvedDays: days, windowEndsOn, ...(reference ? { reference } : {}) },
      });
    }
    case 'refuse': {
      if (extension.status !== 'sent') return refused(extension, 'record DfE’s refusal');
      if (event.on < extension.sentOn) return fail(`${formatLongDate(event.on)} is before the request was sent (${formatLongDate(extension.sentOn)}).`);
      const rationale = event.rationale?.trim();
      if (rationale !== undefined && rationale.length > NOTE_MAX) return fail(`Keep DfE’s rationale to ${NOTE_MAX} characters.`);
      return ok({ ...record, extension: { status: 'refused', request: extension.request, sentOn: extension.sentOn, decidedOn: event.on, ...(rationale ? { rationale } : {}) } });
    }
  }
}

/** The request as the system leader sends it to their RDP: the facts, the days asked for, and why. */
export function extensionRequestText(record: DeploymentLifecycle): string | undefined {
  const { extension } = record;
  if (extension.status === 'none') return undefined;
  const { days, reason } = extension.request;
  const delivered = loggedDays(record);
  return [
    `Request for additional TSI support days: ${record.recipient.name}${record.recipient.urn ? ` (URN ${record.recipient.urn})` : ''}.`,
    `System leader: ${record.ownerName}.`,
    `Days delivered so far: ${delivered} of the ${record.agreedDays} agreed${record.days.length > 0 ? ` (from ${formatLongDate(record.days[0]?.date ?? '')} to ${formatLongDate(record.days.at(-1)?.date ?? '')})` : ''}.`,
    `Additional days requested: ${days}.`,
    `Why the ${recipientNoun(record.recipient)} would benefit: ${reason}`,
  ].join('\n');
}
