import type { Journey } from '../journey.js';
import { commitmentsParts } from './commitments.js';
import { groupChatParts } from './groupChat.js';
import { reviewParts } from './review.js';
import { createNominationContext, type NominationJourneyDeps } from './services.js';

export type { NominationDirectory, NominationJourneyDeps } from './services.js';

/**
 * The Disadvantaged Champion School nomination: a liaison group fills in one shared card in
 * its chat and submits it; the nominated school's headteacher confirms the commitments; the
 * School Improvement Team reviews, selects and exports, and the group's chat is told.
 */
export function createNominationJourney(deps: NominationJourneyDeps): Journey {
  const context = createNominationContext(deps);
  const parts = [groupChatParts(context), reviewParts(context), commitmentsParts(context)];
  return {
    id: 'nomination',
    dialogs: parts.flatMap((part) => part.dialogs),
    commands: parts.flatMap((part) => part.commands),
    verbs: parts.flatMap((part) => part.verbs),
  };
}
