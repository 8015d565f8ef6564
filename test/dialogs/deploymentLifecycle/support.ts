import type { JourneySet } from '../../../bot/journeys.js';
import type { BotServices } from '../../../bot/services.js';
import type { ProactiveMessenger } from '../../../bot/proactive.js';
import { createDeploymentJourney } from '../../../dialogs/deployment/index.js';
import { createDeploymentLifecycleJourney } from '../../../dialogs/deploymentLifecycle/index.js';
import { createLifecycleQueries } from '../../../dialogs/deploymentLifecycle/queries.js';
import type { Profile, School } from '../../../domain/directory/types.js';
import { DirectoryRepository } from '../../../storage/directoryRepository.js';
import { ProfileRepository } from '../../../storage/profileRepository.js';
import { RecordingMessenger } from '../directory/roles.js';
import { createTestBot, type TestBot } from '../../support/testBot.js';

export const SIT_ID = 'aad-sit';
const updatedAt = '2024-01-01T00:00:00.000Z';
const verified = { status: 'verified' as const, by: SIT_ID, at: updatedAt };

export const LEADER: Profile = { kind: 'system_leader', aadObjectId: 'aad-leader', name: 'Jo Patel', organisation: 'Oak Learning Trust', role: 'mat_ceo', updatedAt };
export const OTHER_LEADER: Profile = { ...LEADER, aadObjectId: 'aad-other-leader', name: 'Kim Other' };
export const HEAD: Profile = { kind: 'school', aadObjectId: 'aad-head', name: 'Sam Green', urn: '100001', role: 'headteacher', verification: verified, updatedAt };
export const OTHER_HEAD: Profile = { kind: 'school', aadObjectId: 'aad-other-head', name: 'Ola Other', urn: '100002', role: 'headteacher', verification: verified, updatedAt };
export const SIT = { aadObjectId: SIT_ID, name: 'Sandra SIT' };

const school = (urn: string, name: string): School => ({ urn, name, type: 'Community school', phase: 'primary', localAuthority: 'Buckinghamshire', region: 'South East' });
export const WILLOWMERE = school('100001', 'Willowmere Primary School');
export const ASHDOWN = school('100002', 'Ashdown Academy');
/** An academy in a trust: the directory knows the trust through it. */
export const OAKFIELD_ACADEMY: School = { ...school('100003', 'Oakfield Primary Academy'), trust: 'Oakfield Academy Trust' };

/** A clock the test moves on. */
export function clock(start: string): { now: () => Date; set(at: string): void } {
  let at = new Date(start);
  return { now: () => at, set: (next) => void (at = new Date(next)) };
}

/** The lifecycle and the deployment form journeys over a small directory, proactive messages recorded. */
export async function startLifecycleBot(now: () => Date, messenger = new RecordingMessenger(), dataDir?: string): Promise<{ bot: TestBot; messenger: RecordingMessenger }> {
  let ids = 0;
  const journeys = async (services: BotServices): Promise<JourneySet> => {
    const directory = await DirectoryRepository.open(services.store);
    const profiles = new ProfileRepository(services.store);
    const proactive = messenger as unknown as ProactiveMessenger;
    return {
      journeys: [
        createDeploymentJourney({ store: services.store, now: services.now, config: services.config, directory, proactive, exports: services.exports, logger: services.logger, days: createLifecycleQueries(services.store, services.now) }),
        createDeploymentLifecycleJourney({ store: services.store, now: services.now, logger: services.logger, directory, proactive, exports: services.exports, newId: () => `dep-${++ids}` }),
      ],
      actorSources: { profileOf: (id) => profiles.get(id), liaisonGroupOfConversation: async () => undefined },
      async start() {
        if (directory.schoolCount === 0) await directory.putSchools([WILLOWMERE, ASHDOWN, OAKFIELD_ACADEMY]);
        for (const person of [LEADER, OTHER_LEADER, HEAD, OTHER_HEAD]) await profiles.put(person);
      },
    };
  };
  const bot = await createTestBot({ env: { SIT_ADMIN_AAD_IDS: SIT_ID }, journeys, now, ...(dataDir ? { dataDir } : {}) });
  return { bot, messenger };
}
