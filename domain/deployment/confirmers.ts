import type { Profile } from '../directory/types.js';
import { isVerified } from '../directory/verification.js';
import type { DeploymentDraft } from './draft.js';

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Who confirms section 7, among the people the bot knows: the headteacher of the supported
 * school, or the CEO of the supported trust (a MAT CEO whose organisation is the trust). Never
 * the system leader who drafted the form.
 */
export function confirmersOf(draft: DeploymentDraft, profiles: readonly Profile[]): Profile[] {
  const { recipientKind, urn, recipientName } = draft.sections[1];
  return profiles.filter((profile) => {
    if (profile.aadObjectId === draft.ownerAadObjectId) return false;
    // Only a verified headteacher receives the school's form: a pending claim could be anyone's.
    if (recipientKind === 'school') return isVerified(profile) && profile.role === 'headteacher' && profile.urn === urn;
    if (recipientKind === 'trust') return profile.kind === 'system_leader' && profile.role === 'mat_ceo' && recipientName !== undefined && sameName(profile.organisation, recipientName);
    return false;
  });
}
