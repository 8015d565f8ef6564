import type { LiaisonGroup } from '../directory/types.js';
import { isValidInstant } from '../time/londonTime.js';
import { issueMessages, PersonSchema, type Person } from '../attendance/userInput.js';
import { fail, ok, type Result } from '../result.js';
import { checkNomination, type NominationCheck } from './check.js';
import { currentSubmission, DecisionSchema, isDecided, type Nomination, type SchoolsByUrn } from './nomination.js';

const UNKNOWN_NOW = 'The time now is not known, so nothing was changed. Please try again.';

/** Why the check keeps a nomination from being submitted: what to put right, then what is still to answer. */
export function notReadyReasons(check: NominationCheck): string[] {
  return [...check.problems, ...check.missing.map((item) => `Still to answer: ${item}`)];
}

/**
 * Submits the group's nomination. The member must confirm the school's commitments, and
 * the nomination must pass every check (warnings do not stop it). A submission replaces the
 * group's current one, which moves to history.
 */
export function submitNomination(
  nomination: Nomination,
  context: { by: Person; now: Date; commitmentsConfirmed: boolean; group: LiaisonGroup; schoolsByUrn: SchoolsByUrn },
): Result<Nomination> {
  if (!isValidInstant(context.now)) return fail(UNKNOWN_NOW);
  const by = PersonSchema.safeParse(context.by);
  if (!by.success) return fail(...issueMessages(by.error));
  if (isDecided(nomination)) return fail('The School Improvement Team has already decided on this nomination, so it cannot be submitted again.');
  const errors: string[] = [];
  if (context.commitmentsConfirmed !== true) {
    errors.push("Please confirm the champion school's commitments before submitting: the nominated school agrees to all of them.");
  }
  errors.push(...notReadyReasons(checkNomination(nomination, context)));
  if (errors.length > 0) return fail(...errors);

  const replaced = currentSubmission(nomination);
  return ok({
    ...nomination,
    status: 'submitted',
    commitmentsConfirmed: true,
    submittedBy: by.data,
    submittedAt: context.now.toISOString(),
    history: replaced ? [...nomination.history, replaced] : nomination.history,
  });
}

/** The SIT's decision on a submitted nomination; a decision already made can be changed. */
export function selectNomination(nomination: Nomination, decision: unknown, context: { by: Person; now: Date }): Result<Nomination> {
  if (!isValidInstant(context.now)) return fail(UNKNOWN_NOW);
  const by = PersonSchema.safeParse(context.by);
  const parsed = DecisionSchema.safeParse(decision);
  const errors = [...(by.success ? [] : issueMessages(by.error)), ...(parsed.success ? [] : issueMessages(parsed.error))];
  if (!by.success || !parsed.success) return fail(...errors);
  if (nomination.status === 'draft') return fail('This nomination has not been submitted, so there is nothing to decide yet.');
  return ok({ ...nomination, status: parsed.data, decision: { decision: parsed.data, decidedBy: by.data, decidedAt: context.now.toISOString() } });
}
