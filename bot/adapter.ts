import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  ShowTypingMiddleware,
  type Activity,
  type BotAdapter,
  type ConversationState,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { BotAuthentication } from './botAuthentication.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { duplicateActivityGuard } from './middleware/duplicateActivityGuard.js';
import { ConversationPacer, outboundPacing } from './middleware/outboundPacing.js';
import { tenantAllowList } from './middleware/tenantAllowList.js';
import { validateAndFixActivity } from '../dialogs/botbuilderInternals.js';

export const SOMETHING_WENT_WRONG =
  'Sorry, something went wrong on my side and I could not finish that. Nothing you had saved is lost. Please try again, or say "help".';

/**
 * Naming any one endpoint makes botbuilder take every endpoint from configuration, so with a
 * custom OpenID metadata address (tests point it at a local JWKS) the public cloud's other
 * values are stated here rather than left empty.
 */
function publicCloudWithMetadata(openIdMetadataUrl: string): Record<string, string | boolean> {
  return {
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration',
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    CallerId: 'urn:botframework:azure',
    ValidateAuthority: true,
  };
}

/**
 * botbuilder's CloudAdapter, taking the activity the HTTP route has already parsed and checked.
 * Its own `process(req, res)` checks the request again with validation schemas it builds on every
 * call, a few percent of a turn's work; the token check, the middleware and the invoke response
 * are the same either way.
 */
export class BotCloudAdapter extends CloudAdapter {
  /** Authenticates the request (an AuthenticationError when refused), runs the turn, and gives back the invoke response if any. */
  handleActivity(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, validateAndFixActivity(activity), logic);
  }
}

/** The Bot Framework adapter: checks each request's token (unless BOT_AUTH=off), then runs the middleware. */
export function createAdapter(config: Config, logger: Logger, conversationState: ConversationState): BotCloudAdapter {
  const appId = config.BOT_AUTH === 'off' ? '' : (config.MicrosoftAppId ?? '');
  const settings = {
    MicrosoftAppId: appId,
    MicrosoftAppPassword: config.BOT_AUTH === 'off' ? '' : (config.MicrosoftAppPassword ?? ''),
    // With authentication off there is no app registration, and only MultiTenant accepts an empty app id.
    MicrosoftAppType: config.BOT_AUTH === 'off' ? 'MultiTenant' : config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
    ...(config.BotOpenIdMetadata ? publicCloudWithMetadata(config.BotOpenIdMetadata) : {}),
  };
  const credentials = new ConfigurationServiceClientCredentialFactory(settings);
  const adapter = new BotCloudAdapter(new BotAuthentication(new ConfigurationBotFrameworkAuthentication(settings, credentials)));

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
