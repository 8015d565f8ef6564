import type { TurnContext } from 'botbuilder';
import { WaterfallDialog } from 'botbuilder-dialogs';
import type { Actor } from '../actor.js';
import type { JourneyContext, JourneyDeps } from '../journey.js';
import type { ExportLinks, ProactiveMessenger } from '../ports.js';
import type { Person } from '../../domain/attendance/userInput.js';
import type { LiaisonGroup, School } from '../../domain/directory/types.js';
import type { Nomination, SchoolsByUrn } from '../../domain/nomination/nomination.js';
import { NominationRepository } from '../../storage/nominationRepository.js';
import { createNominationQueries, schoolsNamedBy, type NominationDirectory, type NominationQueries } from './queries.js';

export { schoolsNamedBy, type NominationDirectory } from './queries.js';


/** What the nomination journey is built from. */
export interface NominationJourneyDeps extends JourneyDeps {
  readonly directory: NominationDirectory;
  /** Tells a group's chat of the SIT's decision. */
  readonly proactive: Pick<ProactiveMessenger, 'sendToConversation'>;
  /** Download links for the SIT's export. */
  readonly exports: Pick<ExportLinks, 'create'>;
}

/** What the journey's parts share, built once from its deps. */
export interface NominationContext extends JourneyContext<NominationJourneyDeps> {
  readonly repository: NominationRepository;
  /** The questions the tab asks too. */
  readonly queries: NominationQueries;
}

export function createNominationContext(deps: NominationJourneyDeps): NominationContext {
  const repository = new NominationRepository(deps.store);
  return { deps, repository, queries: createNominationQueries(repository, deps.directory) };
}

export const personOf = (actor: Actor): Person => ({ aadObjectId: actor.aadObjectId, name: actor.name });

/** The Teams user id Teams refreshes a card for (an MRI such as 29:…), when the activity has one. */
export function teamsUserIdOf(context: TurnContext): string | undefined {
  return context.activity.from?.id || undefined;
}

export const UNLINKED_CHAT =
  'This chat is not linked to a liaison group yet, so I do not know whose nomination to show. A member of the group or a School Improvement Team administrator can link it by mentioning me and saying "this chat is the <group name> liaison group", with the group’s name as the School Improvement Team has it. Then mention me with "nominate" again.';

export const GROUP_GONE = 'I cannot find that liaison group in the directory any more. Please ask the School Improvement Team.';

/** A liaison group with its schools, and every school its nomination names (some may have left the group). */
export interface GroupSchools {
  readonly group: LiaisonGroup;
  readonly schools: readonly School[];
  readonly schoolsByUrn: SchoolsByUrn;
}


export async function groupSchools(directory: NominationDirectory, groupId: string, nomination: Nomination | undefined): Promise<GroupSchools | undefined> {
  const group = await directory.liaisonGroup(groupId);
  if (!group) return undefined;
  const schools = directory.schoolsInLiaisonGroup(groupId);
  return { group, schools, schoolsByUrn: await schoolsNamedBy(directory, [nomination], schools) };
}

/** A dialog that does one thing when its command is said, and ends. */
export function oneStepDialog(id: string, run: (context: TurnContext) => Promise<void>): WaterfallDialog {
  return new WaterfallDialog(id, [
    async (step) => {
      await run(step.context);
      return step.endDialog();
    },
  ]);
}
