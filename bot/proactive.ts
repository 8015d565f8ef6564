import type { Activity, BotAdapter } from 'botbuilder';
import type { Logger } from './logger.js';
import type { ConversationReferences, SavedConversation } from './conversationReferences.js';
import type { DeliveryOutcome, ProactiveMessenger as ProactiveMessengerPort } from '../dialogs/ports.js';

function statusOf(error: unknown): number | undefined {
  const candidate = error as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } };
  const status = candidate?.statusCode ?? candidate?.status ?? candidate?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Messages the bot starts: reminders, a liaison group told of the SIT's decision. A conversation
 * where the bot was blocked or removed (403, 404) is forgotten, so it is not tried for ever.
 */
export class ProactiveMessenger implements ProactiveMessengerPort {
  constructor(
    private readonly adapter: BotAdapter,
    private readonly appId: string,
    private readonly references: ConversationReferences,
    private readonly logger: Logger,
  ) {}

  async sendToConversation(conversationId: string, activity: Partial<Activity>): Promise<DeliveryOutcome> {
    return this.#deliver(await this.references.ofConversation(conversationId), activity);
  }

  async sendToPerson(aadObjectId: string, activity: Partial<Activity>): Promise<DeliveryOutcome> {
    return this.#deliver(await this.references.ofPerson(aadObjectId), activity);
  }

  async #deliver(saved: SavedConversation | undefined, activity: Partial<Activity>): Promise<DeliveryOutcome> {
    if (!saved) return 'not_installed';
    const conversationId = saved.reference.conversation?.id ?? '';
    try {
      await this.adapter.continueConversationAsync(this.appId, saved.reference, async (context) => {
        await context.sendActivity(activity);
      });
      return 'sent';
    } catch (error) {
      const status = statusOf(error);
      if (status === 403 || status === 404) {
        this.logger.warn({ status, conversationKind: saved.kind }, 'the bot was blocked or removed from a conversation; forgetting it');
        await this.references.forget(conversationId);
        return 'blocked';
      }
      throw error;
    }
  }
}
