import type { Profile } from '../domain/directory/types.js';
import { DeploymentRepository } from '../storage/deploymentRepository.js';
import type { DirectoryRepository } from '../storage/directoryRepository.js';
import { EligibilityRepository, type EligibilityCheck } from '../storage/eligibilityRepository.js';
import { ProfileRepository } from '../storage/profileRepository.js';
import type { Store } from '../storage/store.js';
import { createAttendanceQueries, type AttendanceQueries } from './attendance/queries.js';
import { createNominationQueries, type NominationQueries } from './nomination/queries.js';
import { NominationRepository } from '../storage/nominationRepository.js';
import type { PolicyActor } from '../domain/access/policy.js';
import { createDeploymentFormQueries, type DeploymentFormQueries } from './deployment/queries.js';
import { createLifecycleQueries, type LifecycleQueries } from './deploymentLifecycle/queries.js';
import { schoolSelfEvaluationView, selfEvaluationOverviewView, type SchoolSelfEvaluationView, type SelfEvaluationOverviewView } from './selfEvaluation/tabView.js';
import type { ViewAnswer } from './viewAnswer.js';

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
  /** A system leader's own deployment forms, as the deployment journey lists them. */
  readonly deploymentForms: DeploymentFormQueries;
  /** A person's own eligibility checks, newest first (as "my eligibility checks" lists them). */
  eligibilityChecksOf(aadObjectId: string, limit: number): Promise<EligibilityCheck[]>;
  readonly selfEvaluation: {
    /** The person's own school's self-evaluation, if the policy lets them see it. */
    school(actor: PolicyActor): Promise<ViewAnswer<SchoolSelfEvaluationView>>;
    /** The SIT's view across schools, if the policy lets them see it. */
    overview(actor: PolicyActor): Promise<ViewAnswer<SelfEvaluationOverviewView>>;
  };
  /** The TSI deployments as "my deployments", "our deployment" and the SIT's "deployments" show them, each decided by the policy. */
  readonly deploymentLifecycle: Pick<LifecycleQueries, 'mine' | 'school' | 'overview'>;
}

export function createJourneyQueries(store: Store, directory: QueryDirectory, now: () => Date): JourneyQueries {
  const profiles = new ProfileRepository(store);
  const eligibility = new EligibilityRepository(store);
  return {
    directory,
    async profileOf(aadObjectId) {
      await directory.refreshIfStale();
      return profiles.get(aadObjectId);
    },
    attendance: createAttendanceQueries(store, directory),
    nominations: createNominationQueries(new NominationRepository(store), directory),
    deploymentForms: createDeploymentFormQueries(new DeploymentRepository(store)),
    eligibilityChecksOf: (aadObjectId, limit) => eligibility.recentFor(aadObjectId, limit),
    selfEvaluation: {
      school: (actor) => schoolSelfEvaluationView({ store, now, directory }, actor),
      overview: (actor) => selfEvaluationOverviewView({ store, now, directory }, actor),
    },
    deploymentLifecycle: createLifecycleQueries(store, now),
  };
}
