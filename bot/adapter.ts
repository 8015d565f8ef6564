import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  ShowTypingMiddleware,
  type BotAdapter,
  type ConversationState,
  type TurnContext,
} from 'botbuilder';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { duplicateActivityGuard } from './middleware/duplicateActivityGuard.js';
import { ConversationPacer, outboundPacing } from './middleware/outboundPacing.js';
import { tenantAllowList } from './middleware/tenantAllowList.js';

export const SOMETHING_WENT_WRONG =
  'Sorry, something went wrong on my side and I could not finish that. Nothing you had saved is lost. Please try again, or say "help".';

/** The Bot Framework adapter: checks each request's token (unless BOT_AUTH=off), then runs the middleware. */
export function createAdapter(config: Config, logger: Logger, conversationState: ConversationState): CloudAdapter {
  const appId = config.BOT_AUTH === 'off' ? '' : (config.MicrosoftAppId ?? '');
  const settings = {
    MicrosoftAppId: appId,
    MicrosoftAppPassword: config.BOT_AUTH === 'off' ? '' : (config.MicrosoftAppPassword ?? ''),
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
    ...(config.BotOpenIdMetadata
      ? { BotOpenIdMetadata: config.BotOpenIdMetadata, ToBotFromChannelOpenIdMetadataUrl: config.BotOpenIdMetadata }
      : {}),
  };
  const credentials = new ConfigurationServiceClientCredentialFactory(settings);
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(settings, credentials));

  useTurnMiddleware(adapter, config, logger, conversationState);
  return adapter;
}

/** The middleware every turn passes through, and what happens when a turn fails: shared by every adapter. */
export function useTurnMiddleware(adapter: BotAdapter, config: Config, logger: Logger, conversationState: ConversationState): void {
  adapter.use(tenantAllowList(config.ALLOWED_TENANT_IDS, logger));
  adapter.use(duplicateActivityGuard(logger));
  adapter.use(outboundPacing(new ConversationPacer()));
  adapter.use(new ShowTypingMiddleware(config.TYPING_DELAY_MS, 2_000));

  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // A proactive message has nobody waiting in the chat: its sender decides what a failure means.
    if (context.activity.type === ActivityTypes.Event && context.activity.name === 'ContinueConversation') throw error;
    logger.error(
      { err: { name: error.name, message: error.message, stack: error.stack }, activityType: context.activity.type, activityId: context.activity.id },
      'a turn failed',
    );
    // Drop the conversation's dialog state so the next message starts cleanly instead of failing again.
    await conversationState.delete(context).catch((deleteError: Error) => logger.error({ err: deleteError.message }, 'could not reset conversation state'));
    if (context.activity.type === ActivityTypes.Invoke) {
      await context.sendActivity({
        type: ActivityTypes.InvokeResponse,
        value: { status: 200, body: { statusCode: 500, type: 'application/vnd.microsoft.error', value: { code: 'InternalError', message: SOMETHING_WENT_WRONG } } },
      });
      return;
    }
    await context.sendActivity(SOMETHING_WENT_WRONG).catch((sendError: Error) => logger.error({ err: sendError.message }, 'could not tell the user about a failed turn'));
  };
}
