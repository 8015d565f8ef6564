import type { Actor } from '../../bot/actor.js';
import type { ExportLinks } from '../../bot/exportLinks.js';
import type { Logger } from '../../bot/logger.js';
import type { ProactiveMessenger } from '../../bot/proactive.js';
import { championUrns, type SchoolPerson } from '../../domain/attendance/audience.js';
import type { Decision } from '../../domain/directory/policy.js';
import { ProfileSchema, type School } from '../../domain/directory/types.js';
import { AttendanceRepository } from '../../storage/attendanceRepository.js';
import type { DirectoryRepository } from '../../storage/directoryRepository.js';
import { ProgrammeRepository } from '../../storage/programmeRepository.js';
import { SignUpRepository } from '../../storage/signUpRepository.js';
import type { Store } from '../../storage/store.js';

/** What the directory must answer for attendance: schools, and the liaison groups that make up the programme. */
export type AttendanceDirectory = Pick<DirectoryRepository, 'getSchool' | 'liaisonGroups' | 'schoolsInLiaisonGroup' | 'schoolsWithUrns' | 'refreshIfStale'>;

/** The schools signed up to the universal offer (see domain/attendance/signUp.ts), by name. */
export async function signedUpSchoolsOf(directory: Pick<DirectoryRepository, 'schoolsWithUrns' | 'refreshIfStale'>, signUps: SignUpRepository): Promise<School[]> {
  await directory.refreshIfStale();
  return directory.schoolsWithUrns(await signUps.signedUpUrns());
}

export interface AttendanceJourneyDeps {
  readonly store: Store;
  readonly now: () => Date;
  readonly directory: AttendanceDirectory;
  /** Reminders go to a person's personal chat with the bot, where they have it installed. */
  readonly proactive: Pick<ProactiveMessenger, 'sendToPerson'>;
  /** Download links for the SIT's export. */
  readonly exports: Pick<ExportLinks, 'create'>;
  readonly logger: Logger;
}

/** The journey's repositories and the questions every part of it asks of the stored data. */
export class AttendanceContext {
  readonly programmes: ProgrammeRepository;
  readonly attendance: AttendanceRepository;
  readonly signUps: SignUpRepository;

  constructor(readonly deps: AttendanceJourneyDeps) {
    this.programmes = new ProgrammeRepository(deps.store);
    this.attendance = new AttendanceRepository(deps.store);
    this.signUps = new SignUpRepository(deps.store);
  }

  /** The schools signed up to the universal offer: only they are counted in registers, gaps, summaries and reminders. */
  async signedUpSchools(): Promise<School[]> {
    return signedUpSchoolsOf(this.deps.directory, this.signUps);
  }

  /** Champion schools, from the groups' nominations (`nominations/<groupId>`) the SIT has decided. */
  async championUrns(): Promise<Set<string>> {
    const records = await this.deps.store.list<unknown>('nominations/');
    // Only a group's own record (two key segments) is its nomination; anything filed beneath it is not.
    return championUrns(records.filter((record) => record.key.split('/').length === 2).map((record) => record.value));
  }

  /** Everyone whose profile names a school: who may be reminded about its sessions. */
  async schoolPeople(): Promise<SchoolPerson[]> {
    const records = await this.deps.store.list<unknown>('profiles/');
    return records.flatMap((record) => {
      const parsed = ProfileSchema.safeParse(record.value);
      return parsed.success && parsed.data.kind === 'school' ? [{ aadObjectId: parsed.data.aadObjectId, name: parsed.data.name, urn: parsed.data.urn }] : [];
    });
  }

  async schoolName(urn: string): Promise<string> {
    return (await this.deps.directory.getSchool(urn))?.name ?? `the school with URN ${urn}`;
  }
}

export function refusal(decision: Exclude<Decision, { allowed: true }>): string {
  return `${decision.reason} ${decision.instead}`;
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
