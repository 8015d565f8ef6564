import type { Middleware, TurnContext } from 'botbuilder';

/** Teams' limits per bot per conversation (thread): 7 operations a second, 60 in 30 seconds, 1,800 in an hour. */
export const TEAMS_CONVERSATION_LIMITS = [
  { operations: 7, windowMs: 1_000 },
  { operations: 60, windowMs: 30_000 },
  { operations: 1_800, windowMs: 3_600_000 },
] as const;

/** Teams' global limit per app per tenant: 50 requests a second, over every conversation. */
const TEAMS_APP_REQUESTS_PER_SECOND = 50;

/**
 * This instance's share of the app's limit when `instances` run the bot: they do not talk to
 * each other for every message, so each keeps to an equal part and together they keep to the whole.
 */
export function appLimitsFor(instances: number): { operations: number; windowMs: number }[] {
  return [{ operations: Math.max(1, Math.floor(TEAMS_APP_REQUESTS_PER_SECOND / Math.max(1, instances))), windowMs: 1_000 }];
}

/** The one key the app-wide pacer counts every send under. */
const EVERY_CONVERSATION = '*';

export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: PacerClock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

/**
 * Spaces out what the bot sends to one conversation so that it stays inside Teams' rate
 * limits instead of collecting 429s; a 429 that still comes is retried by the connector client
 * after its Retry-After. Each conversation keeps the times of its recent sends, and a send
 * waits until every window has room.
 */
export class ConversationPacer {
  readonly #recent = new Map<string, number[]>();
  readonly #queues = new Map<string, Promise<void>>();

  constructor(
    private readonly limits: readonly { operations: number; windowMs: number }[] = TEAMS_CONVERSATION_LIMITS,
    private readonly clock: PacerClock = realClock,
  ) {}

  /** Resolves when the conversation may send one more operation, and counts it. */
  acquire(conversationId: string): Promise<void> {
    const previous = this.#queues.get(conversationId) ?? Promise.resolve();
    const turn = previous.then(() => this.#waitForRoom(conversationId));
    this.#queues.set(conversationId, turn);
    void turn.then(() => {
      if (this.#queues.get(conversationId) === turn) this.#queues.delete(conversationId);
    });
    return turn;
  }

  async #waitForRoom(conversationId: string): Promise<void> {
    const longest = Math.max(...this.limits.map((limit) => limit.windowMs));
    for (;;) {
      const now = this.clock.now();
      const recent = (this.#recent.get(conversationId) ?? []).filter((at) => now - at < longest);
      let waitMs = 0;
      for (const limit of this.limits) {
        const inWindow = recent.filter((at) => now - at < limit.windowMs);
        if (inWindow.length >= limit.operations) {
          const oldestThatMatters = inWindow[inWindow.length - limit.operations] as number;
          waitMs = Math.max(waitMs, oldestThatMatters + limit.windowMs - now);
        }
      }
      if (waitMs <= 0) {
        recent.push(now);
        this.#recent.set(conversationId, recent);
        return;
      }
      this.#recent.set(conversationId, recent);
      await this.clock.sleep(waitMs);
    }
  }
}

/**
 * Paces every activity the bot sends (replies and proactive messages alike): per conversation
 * with `pacer`, and over all conversations with `appWide` (a pacer with appLimitsFor's limits).
 */
export function outboundPacing(pacer: ConversationPacer, appWide: ConversationPacer): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      context.onSendActivities(async (ctx, activities, send) => {
        const conversationId = ctx.activity.conversation?.id;
        const paced = activities.filter((activity) => activity.type !== 'invokeResponse' && activity.type !== 'trace');
        for (const _ of paced) {
          if (conversationId) await pacer.acquire(conversationId);
          await appWide.acquire(EVERY_CONVERSATION);
        }
        return send();
      });
      return next();
    },
  };
}
