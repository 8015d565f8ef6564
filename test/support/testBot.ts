import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { ConversationState, TestAdapter, type Activity, type ConversationReference } from 'botbuilder';
import { assembleBot, publicBaseUrl } from '../../bot/app.js';
import { ExportLinks } from '../../bot/exportLinks.js';
import { createAdapter, useTurnMiddleware } from '../../bot/adapter.js';
import { REMEMBER_DELIVERIES_MS } from '../../bot/middleware/duplicateActivityGuard.js';
import { DeliveryRepository } from '../../storage/deliveryRepository.js';
import { BotStateStorage } from '../../bot/botStateStorage.js';
import { loadConfig, type Config } from '../../bot/config.js';
import { ConversationReferences } from '../../bot/conversationReferences.js';
import { createJourneys, type JourneySet } from '../../bot/journeys.js';
import { createLogger } from '../../bot/logger.js';
import { ProactiveMessenger } from '../../bot/proactive.js';
import type { BotServices } from '../../bot/services.js';
import type { SchoolImprovementBot } from '../../bot/teamsBot.js';
import { LowdbStore } from '../../storage/lowdbStore.js';
import { TENANT } from '../../devtools/teamsActivities.js';


export interface TestBotOptions {
  readonly env?: Record<string, string>;
  readonly journeys?: (services: BotServices) => Promise<JourneySet>;
  readonly now?: () => Date;
  /** Reuse a data directory (to test a restart); a fresh temporary one otherwise. */
  readonly dataDir?: string;
}

export interface TestBot {
  readonly bot: SchoolImprovementBot;
  readonly services: BotServices;
  readonly store: LowdbStore;
  readonly config: Config;
  readonly dataDir: string;
  /** Runs every journey's scheduled work (reminders) once, as the bot's scheduler would. */
  runScheduled(now: Date): Promise<void>;
  /** Every log line written during the test, as parsed JSON. */
  readonly logs: Record<string, unknown>[];
  /** A TestAdapter for one conversation, as a given user. */
  conversation(options?: ConversationOptions): TestAdapter;
  close(options?: { keepData?: boolean }): Promise<void>;
}

export interface ConversationOptions {
  readonly kind?: 'personal' | 'groupChat' | 'channel';
  readonly conversationId?: string;
  readonly userId?: string;
  readonly userName?: string;
  readonly tenantId?: string;
}

export const BOT_ACCOUNT = { id: '28:bot-app-id', name: 'School improvement' };

/** A fixed clock for conversation tests: 1 March 2024, 10:00 London time. */
export const FIXED_NOW = () => new Date('2024-03-01T10:00:00Z');

export async function createTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'sib-test-')));
  const config = loadConfig({ NODE_ENV: 'test', BOT_AUTH: 'off', DATA_DIR: dataDir, LOG_LEVEL: 'info', TYPING_DELAY_MS: '60000', ...options.env });
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  });
  const logger = createLogger(config.LOG_LEVEL, sink);
  const store = new LowdbStore(dataDir);
  const now = options.now ?? FIXED_NOW;
  const conversationState = new ConversationState(new BotStateStorage(store));
  // Proactive messages go through a real CloudAdapter to whatever serviceUrl the conversation has.
  const deliveries = new DeliveryRepository(store, REMEMBER_DELIVERIES_MS);
  const cloudAdapter = createAdapter(config, logger, deliveries);
  const references = new ConversationReferences(store);
  const proactive = new ProactiveMessenger(cloudAdapter, '', references, logger);
  const exports = new ExportLinks(store, config.EXPORT_LINK_SECRET, () => publicBaseUrl(config, config.PORT), config.EXPORT_LINK_TTL_MINUTES, now);
  const services: BotServices = { config, logger, store, now, references, proactive, exports };
  const { bot, scheduled } = await assembleBot(services, conversationState, options.journeys ?? createJourneys);

  return {
    bot,
    services,
    store,
    config,
    dataDir,
    logs,
    async runScheduled(at) {
      for (const work of scheduled) await work.run(at);
    },
    conversation(conversation = {}) {
      const kind = conversation.kind ?? 'personal';
      const userId = conversation.userId ?? 'aad-user-1';
      const reference: Partial<ConversationReference> = {
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/uk/',
        conversation: {
          id: conversation.conversationId ?? (kind === 'personal' ? `a:personal-${userId}` : `19:${kind}-chat@thread.v2`),
          conversationType: kind,
          isGroup: kind !== 'personal',
          tenantId: conversation.tenantId ?? TENANT,
          name: '',
        },
        user: { id: `29:${userId}`, name: conversation.userName ?? 'Alex Head', aadObjectId: userId } as ConversationReference['user'],
        bot: BOT_ACCOUNT,
      };
      const adapter = new TestAdapter(async (context) => bot.run(context), {
        channelData: { tenant: { id: conversation.tenantId ?? TENANT } },
      } as Partial<Activity>);
      Object.assign(adapter.conversation, reference);
      useTurnMiddleware(adapter, config, logger, deliveries);
      return adapter;
    },
    async close({ keepData = false } = {}) {
      await store.close();
      if (!keepData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A message that @mentions the bot, as Teams sends it in a group chat or channel. */
export function mentionMessage(text: string): Partial<Activity> {
  return {
    type: 'message',
    text: `<at>${BOT_ACCOUNT.name}</at> ${text}`,
    entities: [{ type: 'mention', mentioned: BOT_ACCOUNT, text: `<at>${BOT_ACCOUNT.name}</at>` }],
  };
}

/** The Adaptive Card in a reply, or undefined. */
export function cardOf(activity: Partial<Activity> | undefined): Record<string, unknown> | undefined {
  const attachment = activity?.attachments?.find((item) => item.contentType === 'application/vnd.microsoft.card.adaptive');
  return attachment?.content as Record<string, unknown> | undefined;
}

/** Every text a card shows, flattened, for assertions about what a user reads. */
export function cardText(card: unknown): string {
  const texts: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'text' || key === 'title' || key === 'value' || key === 'label' || key === 'placeholder') && typeof value === 'string') texts.push(value);
        else visit(value);
      }
    }
  };
  visit(card);
  return texts.join('\n');
}

/** Sends one activity (or text) and returns the bot's replies to it, typing indicators left out. */
export async function say(adapter: TestAdapter, input: string | Partial<Activity>): Promise<Partial<Activity>[]> {
  const activity: Partial<Activity> = typeof input === 'string' ? { type: 'message', text: input } : input;
  // Teams never reuses an activity id; TestAdapter numbers from 0 each time, so a restarted bot
  // on the same store would otherwise see its first messages as deliveries already acted on.
  await adapter.receiveActivity({ id: randomUUID(), ...activity });
  return adapter.activeQueue.splice(0).filter((reply) => reply.type !== 'typing');
}

/** Everything a reply shows a user: its text and the text of any card it carries (Adaptive or hero). */
export function replyText(reply: Partial<Activity> | undefined): string {
  return [reply?.text ?? '', ...(reply?.attachments ?? []).map((attachment) => cardText(attachment.content))].filter(Boolean).join('\n');
}

/**
 * What Teams sends when the user taps `choice` on a choice card among the replies: the button's
 * Action.Submit data, or the list's value with its one Submit. Throws when no card offers it by tap.
 */
export function tap(replies: readonly Partial<Activity>[], choice: string): Partial<Activity> {
  for (const reply of replies) {
    const card = cardOf(reply) as { body?: Record<string, unknown>[]; actions?: Record<string, unknown>[] } | undefined;
    if (!card) continue;
    const button = (card.actions ?? []).find((action) => action.type === 'Action.Submit' && action.title === choice);
    if (button) return { type: 'message', value: button.data };
    for (const input of card.body ?? []) {
      if (input.type !== 'Input.ChoiceSet') continue;
      const found = (input.choices as { title: string; value: string }[]).find((item) => item.title === choice);
      const submit = (card.actions ?? []).find((action) => action.type === 'Action.Submit');
      if (found && submit) return { type: 'message', value: { ...(submit.data as object | undefined), [String(input.id)]: found.value } };
    }
  }
  throw new Error(`No card offers "${choice}" by tap; the replies say: ${replies.map(replyText).join(' | ')}`);
}
