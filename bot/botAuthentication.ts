import {
  AuthenticationError,
  BotFrameworkAuthentication,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import { StatusCodes, type Activity } from 'botbuilder';
import { appIdOf, ClientCache, ReusingConnectorFactory } from '../dialogs/botbuilderInternals.js';

const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/** Our own dependency is down (the issuer's key metadata could not be fetched): the caller may try again. */
export const SERVICE_UNAVAILABLE = 503;

/** A system network error (ENOTFOUND, ECONNREFUSED...) or undici's (UND_ERR_...), not Node's ERR_... for bad arguments. */
const isNetworkCode = (code: unknown): boolean => typeof code === 'string' && (/^E[A-Z]+$/.test(code) || code.startsWith('UND_ERR_'));

/** A failure to reach the token issuer's metadata: a network error, or botbuilder's own "Failed to load" with a 5xx. */
function isMetadataUnreachable(error: unknown): boolean {
  if (error instanceof AuthenticationError) return error.statusCode >= 500;
  const { name, code, cause } = (error ?? {}) as { name?: unknown; code?: unknown; cause?: { code?: unknown } };
  return name === 'FetchError' || name === 'AbortError' || isNetworkCode(code) || isNetworkCode(cause?.code);
}

/**
 * The Bot Framework authentication the adapter uses, around botbuilder's own:
 *
 * - every token failure is a 401: botbuilder answers 401 only for its own AuthenticationError,
 *   and a token with a bad signature fails inside the JWT library with another error that
 *   would come back as a 500 echoing the library's message; when the issuer's key metadata
 *   cannot be fetched (for any issuer a token names, the Emulator's included) it is a 503;
 * - outbound clients are reused: botbuilder builds a new connector client and user token client
 *   (each an HTTP pipeline with its credentials) on every turn, some 6% of a turn's CPU in our
 *   profiles. A client holds no conversation state, and its credentials renew their own token.
 */
export class BotAuthentication extends BotFrameworkAuthentication {
  readonly #connectorClients = new ClientCache<ConnectorClient>();
  readonly #userTokenClients = new ClientCache<UserTokenClient>();

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    let result: AuthenticateRequestResult;
    try {
      result = await this.inner.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof Error && TOKEN_ERRORS.has(error.name)) throw new AuthenticationError('Unauthorized. The token is not valid.', StatusCodes.UNAUTHORIZED);
      if (isMetadataUnreachable(error)) throw new AuthenticationError('The token issuer\'s keys could not be fetched.', SERVICE_UNAVAILABLE);
      if (error instanceof AuthenticationError) throw error;
      // Anything else thrown while reading a token (a malformed header the library trips on) is a refusal too.
      throw new AuthenticationError('Unauthorized. The token could not be read.', StatusCodes.UNAUTHORIZED);
    }
    const factory = result.connectorFactory;
    return factory ? { ...result, connectorFactory: this.#reusing(factory, result.claimsIdentity) } : result;
  }

  authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.#reusing(this.inner.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.#userTokenClients.get(appIdOf(claimsIdentity), () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  #reusing(factory: ConnectorFactory, claims: ClaimsIdentity): ConnectorFactory {
    return new ReusingConnectorFactory(factory, appIdOf(claims), this.#connectorClients);
  }
}
