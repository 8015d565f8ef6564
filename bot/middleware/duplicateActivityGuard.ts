import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { Logger } from '../logger.js';
import { TAKEN_MS, type DeliveryClaim } from '../../storage/deliveryRepository.js';

/** The marks every instance shares: the first to claim an activity acts on it (see DeliveryRepository). */
export interface SharedDeliveries {
  claim(conversationId: string, activityId: string, now: Date): Promise<DeliveryClaim | undefined>;
}

/** How often a running turn renews its claim: three times within its lapse, so one slow write does not lose it. */
const RENEW_EVERY_MS = TAKEN_MS / 4;

/** How long a delivered activity is remembered: far longer than Teams goes on retrying. */
export const REMEMBER_DELIVERIES_MS = 30 * 60_000;

/**
 * Teams delivers a message again when it has had no answer within about 15 seconds, with the
 * same activity id, and behind a load balancer the second delivery may reach another
 * instance. The guard remembers recent ids in this process (bounded) as the fast path, and
 * claims each new one in the shared store before the turn runs, so each message acts once
 * however many instances see it. The claim is renewed while the turn runs and marked done when
 * it ends, so a delivery after an instance died mid-turn is acted on once its claim lapses.
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
      const claim = await shared.claim(conversationId, id, new Date(at));
      if (!claim) {
        logger.info({ activityId: id }, 'ignored an activity another instance has acted on');
        return;
      }
      const keep = (what: string, write: (at: Date) => Promise<void>) =>
        write(new Date(now())).catch((error: unknown) => logger.warn({ activityId: id, err: (error as Error).message }, what));
      const renewal = setInterval(() => void keep('could not renew the claim on an activity', (at) => claim.renew(at)), RENEW_EVERY_MS);
      renewal.unref();
      try {
        return await next();
      } finally {
        clearInterval(renewal);
        await keep('could not mark an activity done', (at) => claim.done(at));
      }
    },
  };
}
