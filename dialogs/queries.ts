import type { Profile } from '../domain/directory/types.js';
import { DeploymentRepository, type DeploymentFormRecord } from '../storage/deploymentRepository.js';
import type { DirectoryRepository } from '../storage/directoryRepository.js';
import { EligibilityRepository, type EligibilityCheck } from '../storage/eligibilityRepository.js';
import { ProfileRepository } from '../storage/profileRepository.js';
import type { Store } from '../storage/store.js';
import { createAttendanceQueries, type AttendanceQueries } from './attendance/queries.js';
import { createNominationQueries, type NominationQueries } from './nomination/queries.js';
import { NominationRepository } from '../storage/nominationRepository.js';

/** What the tab reads from the directory: the bot's one copy, as the journeys read it. */
export type QueryDirectory = Pick<
  DirectoryRepository,
  'getSchool' | 'liaisonGroup' | 'liaisonGroups' | 'groupOfConversation' | 'schoolsInLiaisonGroup' | 'schoolsWithNoGroup' | 'schoolsWithUrns' | 'refreshIfStale'
>;

/**
 * The journeys' questions of the stored data, for another face of the same bot (the tab,
 * bot/http/tabApi.ts): the same query functions the dialogs ask, over the bot's one directory,
 * so the tab and the chat cannot come to show different things.
 */
export interface JourneyQueries {
  readonly directory: QueryDirectory;
  /** Who someone is to the bot; the directory is refreshed first when another instance changed it, as before every turn. */
  profileOf(aadObjectId: string): Promise<Profile | undefined>;
  readonly attendance: AttendanceQueries;
  readonly nominations: NominationQueries;
  /** A system leader's own deployment forms, newest first (as "my deployment forms" lists them). */
  deploymentFormsOf(ownerAadObjectId: string): Promise<DeploymentFormRecord[]>;
  /** A person's own eligibility checks, newest first (as "my eligibility checks" lists them). */
  eligibilityChecksOf(aadObjectId: string, limit: number): Promise<EligibilityCheck[]>;
}

export function createJourneyQueries(store: Store, directory: QueryDirectory): JourneyQueries {
  const profiles = new ProfileRepository(store);
  const deployments = new DeploymentRepository(store);
  const eligibility = new EligibilityRepository(store);
  return {
    directory,
    async profileOf(aadObjectId) {
      await directory.refreshIfStale();
      return profiles.get(aadObjectId);
    },
    attendance: createAttendanceQueries(store, directory),
    nominations: createNominationQueries(new NominationRepository(store), directory),
    deploymentFormsOf: (owner) => deployments.listFor(owner),
    eligibilityChecksOf: (aadObjectId, limit) => eligibility.recentFor(aadObjectId, limit),
  };
}
