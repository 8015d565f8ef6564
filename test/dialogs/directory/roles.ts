import type { Activity } from 'botbuilder';
import { createJourneys } from '../../../bot/journeys.js';
import type { ProactiveMessenger } from '../../../bot/proactive.js';
import { ProfileRepository } from '../../../storage/profileRepository.js';
import { createTestBot, say, type TestBot } from '../../support/testBot.js';

export const SIT = 'aad-sit-1';

/** What the bot sent on its own initiative, to a person or a chat (TestAdapter runs cannot send proactively). */
export class RecordingMessenger implements Pick<ProactiveMessenger, 'sendToConversation' | 'sendToPerson'> {
  readonly toPeople: { aadObjectId: string; text: string | undefined }[] = [];
  readonly toChats: { conversationId: string; text: string | undefined }[] = [];
  async sendToPerson(aadObjectId: string, activity: Partial<Activity>) {
    this.toPeople.push({ aadObjectId, text: activity.text });
    return 'sent' as const;
  }
  async sendToConversation(conversationId: string, activity: Partial<Activity>) {
    this.toChats.push({ conversationId, text: activity.text });
    return 'sent' as const;
  }
}

/** Every journey over the demo directory, with `SIT` as the administrator and proactive messages recorded. */
export async function rolesBot(messenger = new RecordingMessenger()): Promise<{ bot: TestBot; messenger: RecordingMessenger }> {
  const bot = await createTestBot({
    env: { SIT_ADMIN_AAD_IDS: SIT },
    journeys: (services) => createJourneys({ ...services, proactive: messenger as unknown as ProactiveMessenger }),
  });
  return { bot, messenger };
}

/** Says "I'm the head of …" (or "I work at …") and confirms the school: a pending claim. */
export async function claim(bot: TestBot, userId: string, statement: string, userName = 'Pat Head'): Promise<void> {
  const personal = bot.conversation({ userId, userName });
  await say(personal, statement);
  await say(personal, 'yes');
}

/** The data a profile request's button carries, for the person's claim as it stands. */
export async function requestOf(bot: TestBot, userId: string): Promise<Record<string, unknown>> {
  const profile = await new ProfileRepository(bot.store).get(userId);
  if (profile?.kind !== 'school') throw new Error(`${userId} has claimed no school role`);
  return { aadObjectId: userId, urn: profile.urn, role: profile.role, updatedAt: profile.updatedAt, reasonInput: 'reason_0' };
}

/** A claim approved by the SIT through the profile requests card's button (its Action.Submit fallback). */
export async function verifiedAs(bot: TestBot, userId: string, statement: string, userName?: string): Promise<void> {
  await claim(bot, userId, statement, userName);
  const sit = bot.conversation({ userId: SIT, userName: 'Sita Admin' });
  await say(sit, { type: 'message', value: { verb: 'profile.approve', ...(await requestOf(bot, userId)) } });
  const profile = await new ProfileRepository(bot.store).get(userId);
  if (profile?.kind !== 'school' || profile.verification?.status !== 'verified') throw new Error(`${userId} was not verified`);
}
