import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { Logger } from '../logger.js';

/**
 * Teams delivers a message again when it has had no answer within about 15 seconds, with the
 * same activity id. The guard remembers recent ids (bounded, and for longer than Teams goes
 * on retrying) and lets each message act once.
 */
export function duplicateActivityGuard(logger: Logger, capacity = 50_000, rememberMs = 30 * 60_000, now: () => number = Date.now): Middleware {
  const seen = new Map<string, number>();
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const { id, type, conversation } = context.activity;
      if (type !== ActivityTypes.Message || !id) return next();
      const key = `${conversation?.id ?? ''}\u0000${id}`;
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
      return next();
    },
  };
}
