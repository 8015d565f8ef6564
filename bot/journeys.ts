import { createDirectoryJourney } from '../dialogs/directory/index.js';
import type { Journey } from '../dialogs/journey.js';
import { DirectoryRepository, loadDemoDirectoryIfEmpty } from '../storage/directoryRepository.js';
import { ProfileRepository } from '../storage/profileRepository.js';
import type { ActorSources } from './actor.js';
import type { BotServices } from './services.js';

/** The journeys this bot offers, and where the facts about who is acting come from. */
export interface JourneySet {
  readonly journeys: readonly Journey[];
  readonly actorSources: ActorSources;
  /** Runs once at start, before the first turn (loading data, for example). */
  readonly start?: () => Promise<void>;
}

/** Every journey, wired to the services of one running bot. */
export async function createJourneys(services: BotServices): Promise<JourneySet> {
  const { store, config, logger, now } = services;
  const directory = await DirectoryRepository.open(store);
  const profiles = new ProfileRepository(store);
  const journeys: Journey[] = [createDirectoryJourney({ directory, profiles, now })];
  return {
    journeys,
    actorSources: {
      profileOf: (aadObjectId) => profiles.get(aadObjectId),
      liaisonGroupOfConversation: (conversationId) => directory.groupOfConversation(conversationId),
    },
    async start() {
      const demo = (config.DEMO_DIRECTORY ?? (config.NODE_ENV === 'production' ? 'off' : 'on')) === 'on';
      if (!demo) return;
      const report = await loadDemoDirectoryIfEmpty(directory);
      if (report) logger.info({ imported: report.imported }, 'loaded the demo directory of fictional schools');
    },
  };
}
