import profileTemplate from './templates/directory/profile.json' with { type: 'json' };
import type { LiaisonGroup, Profile, School } from '../domain/directory/types.js';
import { renderCard, type AdaptiveCard } from './render.js';

const SCHOOL_ROLE: Record<string, string> = { headteacher: 'Headteacher', staff: 'Member of staff' };
const LEADER_ROLE: Record<string, string> = { mat_ceo: 'MAT CEO', nle: 'National Leader of Education' };

/** A person's profile as they see it: who the bot thinks they are, and how to change it. */
export function profileCard(profile: Profile, school: School | undefined, group: LiaisonGroup | undefined, isSitAdmin: boolean): AdaptiveCard {
  const facts =
    profile.kind === 'school'
      ? [
          { title: 'Name', value: profile.name },
          { title: 'Role', value: SCHOOL_ROLE[profile.role] ?? profile.role },
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
