import type { Actor } from '../actor.js';
import type { JourneyContext, JourneyDeps } from '../journey.js';
import type { ExportLinks, ProactiveMessenger } from '../ports.js';
import type { SchoolPerson } from '../../domain/attendance/audience.js';
import { AttendanceRepository } from '../../storage/attendanceRepository.js';
import { ProfileRepository } from '../../storage/profileRepository.js';
import { ProgrammeRepository } from '../../storage/programmeRepository.js';
import { AttendanceReminderRepository } from '../../storage/reminderRepository.js';
import { isVerified } from '../../domain/directory/verification.js';
import { SignUpRepository } from '../../storage/signUpRepository.js';
import { createAttendanceQueries, type AttendanceDirectory, type AttendanceQueries } from './queries.js';

export type { AttendanceDirectory } from './queries.js';

export interface AttendanceJourneyDeps extends JourneyDeps {
  readonly directory: AttendanceDirectory;
  /** Reminders go to a person's personal chat with the bot, where they have it installed. */
  readonly proactive: Pick<ProactiveMessenger, 'sendToPerson'>;
  /** Download links for the SIT's export. */
  readonly exports: Pick<ExportLinks, 'create'>;
}

/** The journey's repositories and the questions every part of it asks of the stored data. */
export interface AttendanceContext extends JourneyContext<AttendanceJourneyDeps> {
  readonly programmes: ProgrammeRepository;
  readonly attendance: AttendanceRepository;
  readonly profiles: ProfileRepository;
  readonly reminders: AttendanceReminderRepository;
  readonly signUps: SignUpRepository;
  /** The questions the tab asks too (which schools are signed up, which are champions, …). */
  readonly queries: AttendanceQueries;
  /** Everyone whose profile names a school: who may be reminded about its sessions. */
  schoolPeople(): Promise<SchoolPerson[]>;
  schoolName(urn: string): Promise<string>;
  /** Everyone whose claim to a school role is not verified yet: what they log is marked so for the SIT. */
  unverifiedPeople(): Promise<Set<string>>;
}

export function createAttendanceContext(deps: AttendanceJourneyDeps): AttendanceContext {
  const profiles = new ProfileRepository(deps.store);
  const signUps = new SignUpRepository(deps.store);
  const queries = createAttendanceQueries(deps.store, deps.directory);
  return {
    deps,
    programmes: new ProgrammeRepository(deps.store),
    attendance: new AttendanceRepository(deps.store),
    profiles,
    reminders: new AttendanceReminderRepository(deps.store),
    signUps,
    queries,
    async schoolPeople() {
      return (await profiles.all()).flatMap((profile) =>
        profile.kind === 'school' ? [{ aadObjectId: profile.aadObjectId, name: profile.name, urn: profile.urn }] : [],
      );
    },
    async unverifiedPeople() {
      return new Set((await profiles.all()).flatMap((profile) => (profile.kind === 'school' && !isVerified(profile) ? [profile.aadObjectId] : [])));
    },
    async schoolName(urn) {
      return (await deps.directory.getSchool(urn))?.name ?? `the school with URN ${urn}`;
    },
  };
}

export const SET_PROFILE_FIRST =
  'I do not know yet which school you work at. Tell me, for example “I’m the head of Oakfield Primary” or “I work at 900123”, and then ask me again.';

/** The school whose records the actor keeps, or what to tell them when they have none. */
export function ownSchoolOf(actor: Actor): { urn: string } | { refused: string } {
  const profile = actor.profile;
  if (profile?.kind === 'school') return { urn: profile.urn };
  if (actor.isSitAdmin) {
    return { refused: 'You do not have a school of your own in my records. To record attendance across schools, say “register for T2” (or any session’s id).' };
  }
  if (profile?.kind === 'system_leader') {
    return { refused: 'Attendance is logged by a school’s own staff. You can check a school’s eligibility for support, and draft or see your own deployment forms.' };
  }
  return { refused: SET_PROFILE_FIRST };
}
