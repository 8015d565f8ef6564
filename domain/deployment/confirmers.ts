import type { Profile } from '../directory/types.js';
import { isVerified } from '../directory/verification.js';
import { sectionCompleteness } from './completeness.js';
import type { DeploymentDraft } from './draft.js';
import { setField } from './form.js';
import type { SectionNumber } from './sections.js';

/** The sections the school or trust is shown to confirm: the work reported. Never section 5, the bank details. */
export const SECTIONS_SHOWN_TO_SCHOOL: readonly SectionNumber[] = [1, 2, 3, 4, 6];

/** The sections shown to the school that are not complete yet, with what each still needs: the form goes only when there are none. */
export function unfinishedForSchool(draft: DeploymentDraft): { readonly section: SectionNumber; readonly needs: readonly string[] }[] {
  return SECTIONS_SHOWN_TO_SCHOOL.map((section) => ({ section, completeness: sectionCompleteness(draft, section) }))
    .filter(({ completeness }) => !completeness.complete)
    .map(({ section, completeness }) => ({ section, needs: [...completeness.missing, ...completeness.problems] }));
}

/**
 * The draft once sent to the school on `today` (YYYY-MM-DD): section 7 is asked afresh (an
 * earlier answer was to an earlier copy), and a form already signed records today as the day it
 * was sent to the school, unless a day is recorded already.
 */
export function sentToSchool(draft: DeploymentDraft, today: string): DeploymentDraft {
  const fresh: DeploymentDraft = { ...draft, sections: { ...draft.sections, 7: {} } };
  const { signedBySystemLeaderAt, sentToSchoolAt } = fresh.sections[8];
  return signedBySystemLeaderAt !== undefined && sentToSchoolAt === undefined && signedBySystemLeaderAt <= today ? setField(fresh, 8, 'sentToSchoolAt', today) : fresh;
}

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
