/**
 * Everything that leans on botbuilder's internals, in one place: each earned its place in the
 * turn benchmark (bench/turns.bench.ts, "Turns over HTTP" in the README: together they took the
 * throughput ratio against a bare botbuilder bot from about 0.41 to about 0.5), and each is what
 * to check first when botbuilder is upgraded or replaced (by the Microsoft 365 Agents SDK, say).
 * It lives in dialogs/, the lowest layer that speaks botbuilder, so that both the shell (bot/)
 * and the router may use it.
 */
import { AuthenticationConstants, ConnectorFactory, type ClaimsIdentity, type ConnectorClient } from 'botframework-connector';

/**
 * botbuilder's own check and repair of an incoming activity, reached by its file path because the
 * package does not export it. The adapter hands the route's already parsed activity through this
 * instead of calling `process(req, res)`, which checks the whole request again with validation
 * schemas it builds on every call (some 3% of a turn). Should the file move, the import fails at
 * start, not quietly.
 */
export { validateAndFixActivity } from 'botbuilder/lib/activityValidator.js';

/**
 * botbuilder-dialogs works out its memory scope configuration (a few percent of a turn) on the
 * first dialog context of every turn and keeps it in turn state under this key for the rest of
 * that turn. It is the same on every turn, so the router hands the first turn's to the later
 * ones; were a release to rename the key, turns would only go back to working it out each time.
 */
export const DIALOG_STATE_CONFIGURATION = 'DialogStateManagerConfiguration';

/*
 * Outbound clients reused across turns: botbuilder builds a new connector client and user token
 * client (each an HTTP pipeline with its credentials) on every turn, some 6% of a turn's CPU in
 * our profiles. A client holds no conversation state, and its credentials renew their own token.
 * BotAuthentication (bot/botAuthentication.ts) hands these out.
 */

/** A handful of service URLs (one per Teams region) and audiences in practice; the bound only guards against odd traffic. */
const MAX_CLIENTS = 100;

/** A small map that forgets its oldest entry when full, and forgets a value whose promise failed. */
export class ClientCache<T> {
  readonly #clients = new Map<string, Promise<T>>();

  get(key: string, create: () => Promise<T>): Promise<T> {
    const known = this.#clients.get(key);
    if (known) return known;
    if (this.#clients.size >= MAX_CLIENTS) this.#clients.delete(this.#clients.keys().next().value as string);
    const created = create();
    this.#clients.set(key, created);
    created.catch(() => {
      if (this.#clients.get(key) === created) this.#clients.delete(key);
    });
    return created;
  }
}

/** Whose credentials a client would carry: the bot's app id as the inbound claims name it (botbuilder's own rule). */
export function appIdOf(claims: ClaimsIdentity): string {
  return claims.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claims.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
}

/** Hands out one connector client per bot identity, service URL and audience instead of a new one each time. */
export class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly identity: string,
    private readonly clients: ClientCache<ConnectorClient>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.clients.get(JSON.stringify([this.identity, serviceUrl, audience ?? null]), () => this.inner.create(serviceUrl, audience));
  }
}
