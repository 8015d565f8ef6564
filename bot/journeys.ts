import type { Journey } from '../dialogs/journey.js';
import type { ActorSources } from './actor.js';
import type { BotServices } from './services.js';

/** The journeys this bot offers, and where the facts about who is acting come from. */
export interface JourneySet {
  readonly journeys: readonly Journey[];
  readonly actorSources: ActorSources;
  /** Runs once at start, before the first turn (loading data, for example). */
  readonly start?: () => Promise<void>;
}

export async function createJourneys(_services: BotServices): Promise<JourneySet> {
  return {
    journeys: [],
    actorSources: {
      profileOf: async () => undefined,
      liaisonGroupOfConversation: async () => undefined,
    },
  };
}
