import type { Journey } from '../journey.js';
import { NominationRepository } from '../../storage/nominationRepository.js';
import { commitmentsParts } from './commitments.js';
import { groupChatParts } from './groupChat.js';
import { reviewParts } from './review.js';
import type { NominationJourneyDeps, NominationServices } from './services.js';

export type { NominationDirectory, NominationJourneyDeps } from './services.js';

/**
 * The Disadvantaged Champion School nomination: a liaison group fills in one shared card in
 * its chat and submits it; the nominated school's headteacher confirms the commitments; the
 * School Improvement Team reviews, selects and exports, and the group's chat is told.
 */
export function createNominationJourney(deps: NominationJourneyDeps): Journey {
  const services: NominationServices = {
    repository: new NominationRepository(deps.store),
    directory: deps.directory,
    now: deps.now,
    proactive: deps.proactive,
    exports: deps.exports,
    logger: deps.logger,
  };
  const parts = [groupChatParts(services), reviewParts(services), commitmentsParts(services)];
  return {
    id: 'nomination',
    dialogs: parts.flatMap((part) => part.dialogs),
    commands: parts.flatMap((part) => part.commands),
    verbs: parts.flatMap((part) => part.verbs),
  };
}
