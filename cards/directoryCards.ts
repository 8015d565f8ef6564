import profileTemplate from './templates/directory/profile.json' with { type: 'json' };
import profileRequestsTemplate from './templates/directory/profileRequests.json' with { type: 'json' };
import type { LiaisonGroup, Profile, School } from '../domain/directory/types.js';
import { isVerified, NOT_YET_VERIFIED, type SchoolProfile } from '../domain/directory/verification.js';
import { escapeMarkdown } from './markdown.js';
import { renderCard, type AdaptiveCard } from './render.js';

const SCHOOL_ROLE: Record<string, string> = { headteacher: 'Headteacher', staff: 'Member of staff' };
const LEADER_ROLE: Record<string, string> = { mat_ceo: 'MAT CEO', nle: 'National Leader of Education' };

/** A person's profile as they see it: who the bot thinks they are, and how to change it. */
export function profileCard(profile: Profile, school: School | undefined, group: LiaisonGroup | undefined, isSitAdmin: boolean): AdaptiveCard {
  const facts =
    profile.kind === 'school'
      ? [
          { title: 'Name', value: escapeMarkdown(profile.name) },
          { title: 'Role', value: `${SCHOOL_ROLE[profile.role] ?? profile.role}${isVerified(profile) ? ', verified' : ` (${NOT_YET_VERIFIED})`}` },
          { title: 'School', value: school ? `${school.name} (URN ${school.urn})` : `URN ${profile.urn} (not in the directory any more)` },
          ...(group ? [{ title: 'Liaison group', value: group.name }] : []),
        ]
      : [
          { title: 'Name', value: profile.name },
          { title: 'Role', value: LEADER_ROLE[profile.role] ?? profile.role },
          { title: 'Organisation', value: profile.organisation },
          ...(profile.email ? [{ title: 'Email', value: profile.email }] : []),
        ];
  if (isSitAdmin) facts.push({ title: 'Also', value: 'School Improvement Team administrator' });
  return renderCard(profileTemplate, {
    heading: 'Your profile',
    facts,
    note: profile.kind === 'school' ? 'I use this to fill in your school’s details and to keep your school’s records yours.' : 'I use this to keep your deployment forms yours.',
  });
}

export const PROFILE_VERBS = { approve: 'profile.approve', reject: 'profile.reject' } as const;

/** A pending claim as the reviewer's card shows it. */
export interface ProfileRequestView {
  readonly profile: SchoolProfile;
  readonly school: School | undefined;
}

/**
 * The claims to a school role the reviewer may approve or reject, each with its buttons (in the
 * body, so the card has no top-level actions however many there are). A button carries the
 * claim as it was shown (`updatedAt`), so a claim changed since is not approved by mistake.
 */
/** The most claims one card shows: twenty with long names pass Teams' 80 KB (the council's own cut). */
export const PROFILE_REQUESTS_SHOWN = 10;

export function profileRequestsCard(view: { readonly requests: readonly ProfileRequestView[]; readonly notices?: readonly string[]; readonly isSitAdmin: boolean }): AdaptiveCard {
  const more = view.requests.length - PROFILE_REQUESTS_SHOWN;
  const claims = view.requests.slice(0, PROFILE_REQUESTS_SHOWN).map(({ profile, school }, index) => {
    const request = { aadObjectId: profile.aadObjectId, urn: profile.urn, role: profile.role, updatedAt: profile.updatedAt, reasonInput: `reason_${index}` };
    return {
      who: escapeMarkdown(profile.name),
      // Each claim's buttons say whose claim they answer, so a screen reader's list of buttons can be told apart; titles are not Markdown.
      name: profile.name,
      claim: `Says they are ${profile.role === 'headteacher' ? 'the headteacher' : 'a member of staff'} at ${school ? `${school.name} (URN ${school.urn})` : `URN ${profile.urn} (not in the directory)`}; ${NOT_YET_VERIFIED}.`,
      request,
      reasonInput: request.reasonInput,
      submitApprove: { verb: PROFILE_VERBS.approve, ...request },
      submitReject: { verb: PROFILE_VERBS.reject, ...request },
    };
  });
  const intro =
    claims.length === 0
      ? 'No one is waiting: every claim to a school role has been approved or rejected.'
      : view.isSitAdmin
        ? 'These people say they hold a role at a school. Approve a claim only once you know it is true; a rejection’s reason is sent to them.'
        : 'These people say they work at your school. Approve a claim only once you know it is true; a rejection’s reason is sent to them.';
  return renderCard(profileRequestsTemplate, {
    intro: more > 0 ? `${intro} The first ${PROFILE_REQUESTS_SHOWN} are shown; ${more} more are waiting and come up as you answer these.` : intro,
    notices: view.notices ?? [],
    noticeStyle: 'good',
    claims,
    approveVerb: PROFILE_VERBS.approve,
    rejectVerb: PROFILE_VERBS.reject,
  });
}
