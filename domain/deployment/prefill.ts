/**
 * Filling in what the bot already knows, so the system leader is asked only what it does not:
 * their own details from their profile, the school's from the directory, and why it became
 * eligible from a saved eligibility check. Only unanswered questions are filled, and only with
 * values the question itself accepts.
 */
import type { Phase, Region } from '../directory/types.js';
import { parseFieldAnswer } from './answers.js';
import type { DeploymentDraft } from './draft.js';
import { setField } from './form.js';
import { fieldSpec, type SectionNumber, type SectionValues, type WhyEligible } from './sections.js';

export interface SystemLeaderFacts {
  readonly name: string;
  readonly role: 'mat_ceo' | 'nle';
  readonly organisation: string;
  readonly email?: string | undefined;
}

export interface SchoolFacts {
  readonly name: string;
  readonly urn: string;
  readonly phase: Phase;
  readonly localAuthority: string;
  readonly region?: Region | undefined;
  readonly trust?: string | undefined;
}

/** What an eligibility check recorded about who it was for and what it found. */
export interface EligibilityFacts {
  readonly recipient: 'school' | 'trust';
  readonly name: string;
  readonly urn?: string | undefined;
  readonly trust?: string | undefined;
  readonly region: Region;
  readonly status: 'eligible' | 'by_exception' | 'not_eligible';
  /** The criteria met, in the order C1, C2, C3. */
  readonly criteria: readonly string[];
}

export interface PrefillSources {
  readonly systemLeader?: SystemLeaderFacts | undefined;
  readonly eligibility?: EligibilityFacts | undefined;
  readonly school?: SchoolFacts | undefined;
}

export interface Prefilled {
  readonly draft: DeploymentDraft;
  /** The plain names of the questions filled in, to tell the system leader what to check. */
  readonly filled: string[];
}

/** The form has one "why eligible" answer: the first criterion met, or by exception. */
function whyEligible(facts: EligibilityFacts): WhyEligible | undefined {
  if (facts.status === 'by_exception') return 'by_exception';
  if (facts.status !== 'eligible') return undefined;
  return facts.criteria.find((criterion): criterion is 'C1' | 'C2' | 'C3' => criterion === 'C1' || criterion === 'C2' || criterion === 'C3');
}

export function prefillDraft(draft: DeploymentDraft, sources: PrefillSources): Prefilled {
  const { systemLeader, eligibility, school } = sources;
  const sameSchool = school !== undefined && (eligibility?.urn === undefined || eligibility.urn === school.urn);
  // In question order: whether a question applies depends on the answers before it.
  const candidates: readonly (readonly [SectionNumber, string, unknown])[] = [
    [1, 'recipientKind', eligibility?.recipient ?? (school ? 'school' : undefined)],
    [1, 'recipientName', eligibility?.name ?? school?.name],
    [1, 'urn', eligibility?.urn ?? school?.urn],
    [1, 'trust', (sameSchool ? school?.trust : undefined) ?? eligibility?.trust],
    [1, 'phase', sameSchool ? school?.phase : undefined],
    [1, 'localAuthority', sameSchool ? school?.localAuthority : undefined],
    [1, 'region', eligibility?.region ?? (sameSchool ? school?.region : undefined)],
    [1, 'systemLeaderName', systemLeader?.name],
    [1, 'systemLeaderRole', systemLeader?.role],
    [1, 'systemLeaderOrganisation', systemLeader?.organisation],
    [1, 'systemLeaderEmail', systemLeader?.email],
    [2, 'whyEligible', eligibility ? whyEligible(eligibility) : undefined],
  ];

  let current = draft;
  const filled: string[] = [];
  for (const [section, field, value] of candidates) {
    if (value === undefined || (current.sections[section] as SectionValues)[field] !== undefined) continue;
    const answer = parseFieldAnswer(section, field, value);
    if (!answer.ok) continue;
    const next = setField(current, section, field, answer.value);
    // A question that does not apply (a URN for a trust) is dropped by setField: nothing was filled.
    if ((next.sections[section] as SectionValues)[field] === undefined) continue;
    current = next;
    filled.push(fieldSpec(section, field)?.label ?? field);
  }
  return { draft: current, filled };
}
