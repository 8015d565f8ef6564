import type { Actor } from '../actor.js';
import { tsiResultCard } from '../../cards/tsiCards.js';
import type { AdaptiveCard } from '../../cards/render.js';
import { londonDateOf } from '../../domain/time/londonTime.js';
import { fail, ok, type Result } from '../../domain/result.js';
import { assessEligibility, type EligibilityInput } from '../../domain/tsi/eligibility.js';
import { offerYearNotice } from '../../domain/tsi/offer.js';
import type { EligibilityRepository, EligibilitySubject } from '../../storage/eligibilityRepository.js';
import type { OfferRepository } from '../../storage/offerRepository.js';

/** What the form and the questions both end with: who the check is about, and the rule's input. */
export interface TsiAnswers {
  readonly subject: EligibilitySubject;
  readonly input: EligibilityInput;
}

export interface AssessmentDeps {
  readonly repository: EligibilityRepository;
  /** The offer the SIT has loaded (the shipped 2023/24 one until then). */
  readonly offers: Pick<OfferRepository, 'current'>;
  readonly now: () => Date;
  readonly deploymentFormAvailable: () => boolean;
}

/**
 * Runs the rule on the answers, saves the check with its inputs and outcome, and renders the
 * result for the person who asked. Answers the rule refuses come back as its reasons, unsaved.
 */
export async function assessAndRecord(deps: AssessmentDeps, actor: Actor, answers: TsiAnswers, via: 'form' | 'questions'): Promise<Result<AdaptiveCard>> {
  const offer = await deps.offers.current();
  const now = deps.now();
  const today = londonDateOf(now);
  const outcome = assessEligibility(answers.input, { today, offer });
  if (!outcome.ok) return fail(...outcome.errors);
  const check = await deps.repository.save({
    aadObjectId: actor.aadObjectId,
    checkedAt: now.toISOString(),
    via,
    subject: answers.subject,
    input: answers.input,
    offerYear: offer.year,
    outcome: outcome.value,
  });
  return ok(
    tsiResultCard(check, {
      offer,
      offerDeploymentForm: actor.profile?.kind === 'system_leader' && deps.deploymentFormAvailable(),
      offerNotice: offerYearNotice(offer, today),
    }),
  );
}
