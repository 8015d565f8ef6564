import type { Activity } from 'botbuilder';
import { expect } from 'vitest';
import type { JourneySet } from '../../../bot/journeys.js';
import type { BotServices } from '../../../bot/services.js';
import type { ProactiveMessenger } from '../../../bot/proactive.js';
import { createSelfEvaluationJourney } from '../../../dialogs/selfEvaluation/index.js';
import type { Profile } from '../../../domain/directory/types.js';
import { SHIPPED_QUESTIONS } from '../../../domain/selfEvaluation/questions.js';
import { DirectoryRepository } from '../../../storage/directoryRepository.js';
import { ProfileRepository } from '../../../storage/profileRepository.js';
import { SelfEvaluationRepository } from '../../../storage/selfEvaluationRepository.js';
import { invokeBody } from '../attendance/support.js';
import { RecordingMessenger } from '../directory/roles.js';
import { createTestBot, type TestBot } from '../../support/testBot.js';

/** The self-evaluation journey alone over two schools, with verified and pending people, for its conversation tests. */
export const SIT_ID = 'aad-sit';
const school = (urn: string, name: string, liaisonGroupId?: string) => ({ urn, name, type: 'Community school', phase: 'primary' as const, localAuthority: 'Buckinghamshire', ...(liaisonGroupId ? { liaisonGroupId } : {}) });
const profile = (aadObjectId: string, name: string, urn: string, role: 'headteacher' | 'staff', verified = true): Profile => ({
  kind: 'school',
  aadObjectId,
  name,
  urn,
  role,
  ...(verified ? { verification: { status: 'verified' as const, by: SIT_ID, at: '2024-01-01T00:00:00.000Z' } } : {}),
  updatedAt: '2024-01-01T00:00:00.000Z',
});
export const HEAD = profile('aad-head', 'Hana Head', '100001', 'headteacher');
export const STAFF = profile('aad-staff', 'Sam Staff', '100001', 'staff');
export const OTHER_HEAD = profile('aad-other', 'Olu Other', '100002', 'headteacher');
export const PENDING = profile('aad-pending', 'Pat Pending', '100001', 'staff', false);
const leader = (aadObjectId: string, name: string, organisation: string): Profile => ({ kind: 'system_leader', aadObjectId, name, organisation, role: 'mat_ceo', updatedAt: '2024-01-01T00:00:00.000Z' });
export const LEADER = leader('aad-leader', 'Lee Leader', 'Chiltern Learning Trust');
export const OTHER_LEADER = leader('aad-leader-2', 'Nia [NLE](https://evil.example)', 'Vale Academies');

const running = new Set<TestBot>();

/** Closes every bot the test started: call in afterEach. */
export async function closeBots(): Promise<void> {
  for (const bot of running) await bot.close();
  running.clear();
}

/** Stops the bot, keeping its data, and starts it again over the same folder. */
export async function restart(bot: TestBot, messenger?: RecordingMessenger): Promise<TestBot> {
  await bot.close({ keepData: true });
  running.delete(bot);
  return startBot(messenger, bot.dataDir);
}

export async function startBot(messenger = new RecordingMessenger(), dataDir?: string, now?: () => Date): Promise<TestBot> {
  const journeys = async (services: BotServices): Promise<JourneySet> => {
    const directory = await DirectoryRepository.open(services.store);
    const profiles = new ProfileRepository(services.store);
    return {
      journeys: [createSelfEvaluationJourney({ store: services.store, now: services.now, logger: services.logger, directory, proactive: messenger as unknown as ProactiveMessenger, exports: services.exports })],
      actorSources: { profileOf: (id) => profiles.get(id), liaisonGroupOfConversation: async () => undefined },
      async start() {
        await directory.addLiaisonGroupsIfMissing([{ id: 'lg-01', name: 'Amersham' }, { id: 'lg-02', name: 'Beaconsfield' }]);
        if (directory.schoolCount === 0) await directory.putSchools([school('100001', 'Amersham Primary', 'lg-01'), school('100002', 'Beaconsfield High')]);
        for (const person of [HEAD, STAFF, OTHER_HEAD, PENDING, LEADER, OTHER_LEADER]) await profiles.put(person);
      },
    };
  };
  const bot = await createTestBot({ env: { SIT_ADMIN_AAD_IDS: SIT_ID }, journeys, ...(dataDir ? { dataDir } : {}), ...(now ? { now } : {}) });
  running.add(bot);
  return bot;
}

export const chat = (bot: TestBot, who: { aadObjectId: string; name: string }) => bot.conversation({ userId: who.aadObjectId, userName: who.name });
export const question = (number: number) => SHIPPED_QUESTIONS.keyIssues[number - 1]?.question ?? '';
export const answerOf = async (bot: TestBot, keyIssue: number) => (await new SelfEvaluationRepository(bot.store).get('100001'))?.draft?.answers[String(keyIssue)];


/** The card an Action.Execute press answers with. */
export function executedCard(replies: Partial<Activity>[]): unknown {
  const body = invokeBody(replies);
  expect(body.statusCode).toBe(200);
  return body.value;
}
