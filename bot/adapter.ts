import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
  type BotAdapter,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { BotAuthentication } from './botAuthentication.js';
import type { Config } from './config.js';
import { describeError, type Logger } from './logger.js';
import { duplicateActivityGuard, type SharedDeliveries } from './middleware/duplicateActivityGuard.js';
import { appLimitsFor, ConversationPacer, outboundPacing } from './middleware/outboundPacing.js';
import { tenantAllowList } from './middleware/tenantAllowList.js';
import { typingIndicator } from './middleware/typingIndicator.js';
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
export function createAdapter(config: Config, logger: Logger, deliveries: SharedDeliveries): BotCloudAdapter {
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

  useTurnMiddleware(adapter, config, logger, deliveries);
  return adapter;
}

/** The middleware every turn passes through, and what happens when a turn fails: shared by every adapter. */
export function useTurnMiddleware(adapter: BotAdapter, config: Config, logger: Logger, deliveries: SharedDeliveries): void {
  adapter.use(tenantAllowList(config.ALLOWED_TENANT_IDS, logger));
  adapter.use(duplicateActivityGuard(logger, deliveries));
  adapter.use(outboundPacing(new ConversationPacer(), new ConversationPacer(appLimitsFor(config.BOT_INSTANCES))));
  adapter.use(typingIndicator(config.TYPING_DELAY_MS, 2_000, logger));

  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // Everything needed from the context is read at once: a context handed over after its turn
    // has ended is revoked, and touching it throws, so nothing below reads it after an await.
    let turn: { type: string; name?: string; id?: string };
    try {
      turn = { type: context.activity.type, name: context.activity.name, id: context.activity.id };
    } catch {
      logger.error({ err: describeError(error) }, 'a turn failed after it had ended');
      return;
    }
    // A proactive message has nobody waiting in the chat: its sender decides what a failure means.
    if (turn.type === ActivityTypes.Event && turn.name === 'ContinueConversation') throw error;
    logger.error({ err: describeError(error), activityType: turn.type, activityId: turn.id }, 'a turn failed');
    // The conversation's dialog state is left as it was before this turn (a failed turn saves
    // nothing), so the person keeps their place and can try again or say "cancel".
    try {
      if (turn.type === ActivityTypes.Invoke) {
        await context.sendActivity({
          type: ActivityTypes.InvokeResponse,
          value: { status: 200, body: { statusCode: 500, type: 'application/vnd.microsoft.error', value: { code: 'InternalError', message: SOMETHING_WENT_WRONG } } },
        });
      } else {
        await context.sendActivity(SOMETHING_WENT_WRONG);
      }
    } catch (sendError) {
      logger.error({ err: describeError(sendError), activityId: turn.id }, 'could not tell the user about a failed turn');
    }
  };
}
