import { ActivityTypes, TurnContext, type Middleware } from 'botbuilder';
import { describeError, type Logger } from '../logger.js';

/**
 * Shows "typing…" in the chat when a message takes longer than `delayMs` to answer, and again
 * every `periodMs` until the turn ends.
 *
 * botbuilder's ShowTypingMiddleware does the same, but hands an indicator that failed to the
 * adapter's turn error handler from its timer, with a turn context that is revoked by then if
 * the turn has ended: the error that follows escapes the timer and ends the process. An
 * indicator is a courtesy, not part of the turn: one that cannot be sent is logged and no more
 * are tried for that turn.
 */
export function typingIndicator(delayMs: number, periodMs: number, logger: Logger): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      if (context.activity.type !== ActivityTypes.Message) return next();
      // Taken now, while the context is alive: a timer may fire as the turn ends and revokes it.
      const adapter = context.adapter;
      const typing = TurnContext.applyConversationReference(
        { type: ActivityTypes.Typing, relatesTo: context.activity.relatesTo },
        TurnContext.getConversationReference(context.activity),
      );
      const log = { activityId: context.activity.id, channelId: context.activity.channelId };
      let finished = false;
      let timer: NodeJS.Timeout | undefined;

      const show = async (): Promise<void> => {
        if (finished) return;
        try {
          await adapter.sendActivities(context, [{ ...typing }]);
        } catch (error) {
          logger.warn({ ...log, err: describeError(error) }, 'a typing indicator could not be sent');
          return;
        }
        if (!finished) timer = setTimeout(() => void show(), periodMs);
      };

      timer = setTimeout(() => void show(), delayMs);
      try {
        await next();
      } finally {
        finished = true;
        clearTimeout(timer);
      }
    },
  };
}
