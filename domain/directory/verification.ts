import type { Profile, Urn, Verification } from './types.js';

/**
 * Verified roles (the council's own rule; the sources say nothing on it). In a real tenant
 * every Teams user is a genuine Azure AD identity, but "I'm the head of <school>" is only a
 * claim: it is pending until a SIT administrator approves it, or, for a member of staff, the
 * school's verified headteacher does. What a pending person may still do is the policy's
 * question (domain/directory/policy.ts): check eligibility and log their own school's
 * attendance, shown to the SIT as not yet verified.
 *
 * There is no automatic verification: the directory holds no head's name (the GIAS extract
 * the bot imports has none) and the SIT has listed no email domains per school or trust, so a
 * match could only be made on what the person typed.
 *
 * A profile stored before roles were verified has no verification and is read as pending.
 */
export type SchoolProfile = Extract<Profile, { kind: 'school' }>;

export function isVerified(profile: Profile | undefined): profile is SchoolProfile & { verification: Extract<Verification, { status: 'verified' }> } {
  return profile?.kind === 'school' && profile.verification?.status === 'verified';
}

/** Whether the person is a verified member (headteacher or staff) of the school. */
export function isVerifiedMemberOf(profile: Profile | undefined, urn: Urn): boolean {
  return isVerified(profile) && profile.urn === urn;
}

/**
 * The verification a newly said school profile starts with: saying again what was already
 * verified keeps it; any other school or role is a new claim, pending.
 */
export function verificationOfClaim(previous: Profile | undefined, claim: { readonly urn: Urn; readonly role: SchoolProfile['role'] }): Verification {
  if (isVerified(previous) && previous.urn === claim.urn && previous.role === claim.role) return previous.verification;
  return { status: 'pending' };
}

/** The claim approved by `by` at `now`. */
export function approved(profile: SchoolProfile, by: string, now: Date): SchoolProfile {
  return { ...profile, verification: { status: 'verified', by, at: now.toISOString() } };
}

/** A pending claim as the SIT's register and the profile card name it. */
export const NOT_YET_VERIFIED = 'not yet verified';

/** The longest reason a reviewer may give for a rejection. */
export const LONGEST_REJECTION_REASON = 300;
