import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { Logger } from '../logger.js';

/** The marks every instance shares: the first to claim an activity acts on it. */
export interface SharedDeliveries {
  claim(conversationId: string, activityId: string, now: Date): Promise<boolean>;
}

/** How long a delivered activity is remembered: far longer than Teams goes on retrying. */
export const REMEMBER_DELIVERIES_MS = 30 * 60_000;

/**
 * Teams delivers a message again when it has had no answer within about 15 seconds, with the
 * same activity id, and behind a load balancer the second delivery may reach another
 * instance. The guard remembers recent ids in this process (bounded) as the fast path, and
 * claims each new one in the shared store before the turn runs, so each message acts once
 * however many instances see it.
 */
export function duplicateActivityGuard(
  logger: Logger,
  shared: SharedDeliveries,
  capacity = 50_000,
  rememberMs = REMEMBER_DELIVERIES_MS,
  now: () => number = Date.now,
): Middleware {
  const seen = new Map<string, number>();
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const { id, type, conversation } = context.activity;
      if (type !== ActivityTypes.Message || !id) return next();
      const conversationId = conversation?.id ?? '';
      const key = `${conversationId}\u0000${id}`;
      const at = now();
      const firstSeen = seen.get(key);
      if (firstSeen !== undefined && at - firstSeen < rememberMs) {
        logger.info({ activityId: id }, 'ignored a repeated delivery of an activity');
        return;
      }
      seen.set(key, at);
      if (seen.size > capacity) {
        const oldest = seen.keys().next().value;
        if (oldest !== undefined) seen.delete(oldest);
      }
      if (!(await shared.claim(conversationId, id, new Date(at)))) {
        logger.info({ activityId: id }, 'ignored an activity another instance has acted on');
        return;
      }
      return next();
    },
  };
}
