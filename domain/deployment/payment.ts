import { fail, ok, type Result } from '../result.js';
import { dayStepsWording, DEPLOYMENT_PROGRAMME, inDaySteps } from './programme.js';

export interface PaymentClaimOptions {
  /** Extra days DfE formally agreed beyond the 10 (at most 5). */
  readonly extensionApprovedDays?: number;
  /**
   * The reference of DfE's email agreeing the extension. 002 says DfE emails the outcome and pays
   * for no day it did not agree; asking for the reference is this bot's record-keeping, not a DfE rule.
   */
  readonly approvalReference?: string;
}

export interface PaymentClaim {
  readonly days: number;
  readonly amountPence: number;
}


const describeDays = (days: number): string => `${days} ${days === 1 ? 'day' : 'days'}`;

/**
 * What DfE pays for the days delivered, or every reason the claim is refused. Accepts anything
 * (it is called with whatever a form or another system holds) and never throws.
 * A claim of 0 days is refused: there is nothing to claim.
 */
export function claimPayment(days: unknown, options?: PaymentClaimOptions | null): Result<PaymentClaim> {
  const { dayRatePence, maxDays, maxExtensionDays } = DEPLOYMENT_PROGRAMME;
  const errors: string[] = [];

  const given: unknown = options;
  const optionsRecord = typeof given === 'object' && given !== null ? (given as Record<string, unknown>) : {};
  if (given !== undefined && given !== null && typeof given !== 'object') {
    errors.push('The extension details must be given as the approved days and the approval reference.');
  }

  const extensionGiven = optionsRecord['extensionApprovedDays'];
  let extensionDays = 0;
  if (extensionGiven !== undefined && extensionGiven !== null) {
    if (typeof extensionGiven !== 'number' || !Number.isFinite(extensionGiven)) {
      errors.push('The number of extension days DfE approved must be a number, such as 2 or 2.5.');
    } else if (extensionGiven < 0) {
      errors.push('The number of extension days DfE approved cannot be negative.');
    } else if (extensionGiven > maxExtensionDays) {
      errors.push(`DfE approves at most ${describeDays(maxExtensionDays)} of extension; ${extensionGiven} is more than that.`);
    } else if (!inDaySteps(extensionGiven)) {
      errors.push(`Extension days are counted ${dayStepsWording(2)}; ${extensionGiven} is not one.`);
    } else {
      extensionDays = extensionGiven;
    }
  }

  const referenceGiven = optionsRecord['approvalReference'];
  if (referenceGiven !== undefined && referenceGiven !== null && typeof referenceGiven !== 'string') {
    errors.push('The approval reference must be written as text.');
  }
  const hasReference = typeof referenceGiven === 'string' && referenceGiven.trim().length > 0;

  if (typeof days !== 'number' || !Number.isFinite(days)) {
    errors.push('The number of days claimed must be a number, such as 9 or 9.5.');
    return fail(...errors);
  }
  if (days < 0) {
    errors.push('The number of days claimed cannot be negative.');
  } else if (days === 0) {
    errors.push('There is nothing to claim: no days were delivered.');
  } else if (!inDaySteps(days)) {
    errors.push(`Days are claimed ${dayStepsWording(9)}; ${days} is not one.`);
  } else if (days > maxDays) {
    if (extensionDays === 0) {
      errors.push(`You can claim at most ${maxDays} days unless DfE formally agreed an extension: DfE pays for no day it did not agree.`);
    } else if (days > maxDays + extensionDays) {
      errors.push(
        `You can claim at most ${describeDays(maxDays + extensionDays)}: the ${maxDays} days of the offer and the ${describeDays(extensionDays)} of extension DfE approved.`,
      );
    } else if (!hasReference) {
      errors.push(`To claim more than ${maxDays} days, give the reference of DfE's email agreeing the extension: the bot keeps it with the claim as the record of DfE's agreement.`);
    }
  }

  if (errors.length > 0) return fail(...errors);
  return ok({ days, amountPence: days * dayRatePence });
}

const POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/** An amount in pence as a person reads it: 630000 → '£6,300.00'. */
export function formatPounds(pence: number): string {
  return POUNDS.format(pence / 100);
}
