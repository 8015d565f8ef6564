import { createDirectoryJourney } from '../dialogs/directory/index.js';
import type { Journey } from '../dialogs/journey.js';
import { createTsiJourney } from '../dialogs/tsi/index.js';
import { createDeploymentJourney } from '../dialogs/deployment/index.js';
import { createNominationJourney } from '../dialogs/nomination/index.js';
import { createAttendanceJourney } from '../dialogs/attendance/index.js';
import { createPersonalDataJourney } from '../dialogs/personalData/index.js';
import { createSelfEvaluationJourney } from '../dialogs/selfEvaluation/index.js';
import { createDeploymentLifecycleJourney } from '../dialogs/deploymentLifecycle/index.js';
import { createLifecycleQueries } from '../dialogs/deploymentLifecycle/queries.js';
import { DeploymentRepository } from '../storage/deploymentRepository.js';
import { DeploymentLifecycleRepository } from '../storage/deploymentLifecycleRepository.js';
import { EligibilityRepository } from '../storage/eligibilityRepository.js';
import { DirectoryRepository, loadDemoDirectoryIfEmpty } from '../storage/directoryRepository.js';
import { ProfileRepository } from '../storage/profileRepository.js';
import { AttendanceRepository } from '../storage/attendanceRepository.js';
import { SignUpRepository } from '../storage/signUpRepository.js';
import { SHIPPED_LIAISON_GROUPS } from '../domain/directory/liaisonGroups.js';
import type { School } from '../domain/directory/types.js';
import type { Actor, ActorSources } from '../dialogs/actor.js';
import type { BotServices } from './services.js';
import { createJourneyQueries, type JourneyQueries } from '../dialogs/queries.js';
import { PersonIndex } from '../storage/personIndex.js';

/** One choice offered as a user types into a card's type-ahead box. */
export interface SearchResult {
  readonly title: string;
  readonly value: string;
}

/** Answers Teams' type-ahead (`Input.ChoiceSet` with `Data.Query`) for one dataset. */
export type SearchDataset = (query: string, limit: number, actor: Actor) => Promise<SearchResult[]>;

/** The journeys this bot offers, and where the facts about who is acting come from. */
export interface JourneySet {
  readonly journeys: readonly Journey[];
  readonly actorSources: ActorSources;
  /** Type-ahead datasets by name, as cards name them in `choices.data.dataset`. */
  readonly search?: Readonly<Record<string, SearchDataset>>;
  /** The journeys' questions of the stored data, for the tab; a set without them (a test's own journeys) has no tab API. */
  readonly queries?: JourneyQueries;
  /** Runs once at start, before the first turn (loading data, for example). */
  readonly start?: () => Promise<void>;
}

const schoolResult = (school: School): SearchResult => ({ title: `${school.name} (URN ${school.urn})`, value: school.urn });

/** Every journey, wired to the services of one running bot. */
export async function createJourneys(services: BotServices): Promise<JourneySet> {
  const { store, config, logger, now } = services;
  const directory = await DirectoryRepository.open(store, { refreshEveryMs: config.DIRECTORY_REFRESH_SECONDS * 1000 });
  const profiles = new ProfileRepository(store);
  const queries = createJourneyQueries(store, directory, now);
  const journeys: Journey[] = [
    createDirectoryJourney({ directory, profiles, now, proactive: services.proactive }),
    createTsiJourney({
      store,
      now,
      directory: { getSchool: (urn) => directory.getSchool(urn), findSchools: async (query, limit) => directory.findSchools(query, { limit }).map((match) => match.school) },
      deploymentFormAvailable: () => true,
    }),
    createNominationJourney({ store, now, directory, proactive: services.proactive, exports: services.exports, logger }),
    createDeploymentJourney({ store, now, config, directory, proactive: services.proactive, exports: services.exports, logger, days: createLifecycleQueries(store, now) }),
    createAttendanceJourney({ store, now, directory, proactive: services.proactive, exports: services.exports, logger }),
    createSelfEvaluationJourney({ store, now, directory, proactive: services.proactive, exports: services.exports, logger }),
    createDeploymentLifecycleJourney({ store, now, directory, proactive: services.proactive, exports: services.exports, logger }),
    createPersonalDataJourney({
      profiles,
      people: new PersonIndex(store),
      eligibility: new EligibilityRepository(store),
      deployments: new DeploymentRepository(store),
      lifecycles: new DeploymentLifecycleRepository(store),
      references: services.references,
      logger,
    }),
  ];
  return {
    journeys,
    search: {
      schools: async (query, limit) => directory.findSchools(query, { limit }).map(({ school }) => schoolResult(school)),
      // Only the schools of the liaison group the chat acts for.
      liaisonGroupSchools: async (query, limit, actor) =>
        actor.conversation.liaisonGroupId
          ? directory.findSchools(query, { limit, liaisonGroupId: actor.conversation.liaisonGroupId }).map(({ school }) => schoolResult(school))
          : [],
    },
    queries,
    actorSources: {
      // Every turn asks who is acting first: the moment to pick up a directory changed elsewhere.
      profileOf: queries.profileOf,
      liaisonGroupOfConversation: (conversationId) => directory.groupOfConversation(conversationId),
    },
    async start() {
      await directory.addLiaisonGroupsIfMissing(SHIPPED_LIAISON_GROUPS);
      const attendance = new AttendanceRepository(store);
      const signUps = new SignUpRepository(store);
      // Every record is read only the once the migration needs them, not at every start.
      if (!(await signUps.migrated())) {
        const [records, submissions] = await Promise.all([attendance.all(), attendance.allTaskSubmissions()]);
        const migrated = await signUps.migrateOnce([...records, ...submissions].map((entry) => entry.urn), now());
        if (migrated !== undefined) logger.info({ signedUp: migrated }, 'sign-ups kept from now on: schools with attendance already logged are signed up');
      }
      const upkeep = await attendance.indexIfMissing();
      if (upkeep.built) logger.info('built the attendance index from the records');
      if (upkeep.archivedRecordsNoted > 0) logger.info({ archivedRecords: upkeep.archivedRecordsNoted }, 'noted the schools of attendance archived before, so that personal data requests find it');
      const demo = (config.DEMO_DIRECTORY ?? (config.NODE_ENV === 'production' ? 'off' : 'on')) === 'on';
      if (!demo) return;
      const report = await loadDemoDirectoryIfEmpty(directory);
      if (report) logger.info({ imported: report.imported }, 'loaded the demo directory of fictional schools');
    },
  };
}
