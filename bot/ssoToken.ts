import type { JWTVerifyGetKey } from 'jose';

/** Who a Teams single sign-on token says the caller is. */
export interface SsoIdentity {
  readonly aadObjectId: string;
  readonly tenantId: string;
  readonly name: string | undefined;
}

export interface SsoTokenSettings {
  readonly jwksUrl: string;
  /** The tab's application id URI (api://<domain>/<app id>), or the app id. */
  readonly audience: string | undefined;
  /** An exact issuer; by default Azure AD v2's `https://login.microsoftonline.com/<tenant>/v2.0` for the token's own tenant. */
  readonly issuer: string | undefined;
  /** When set, only these tenants. */
  readonly allowedTenantIds: readonly string[];
}

export class SsoTokenError extends Error {
  override readonly name = 'SsoTokenError';
}

/**
 * Checks a Teams SSO token as an Azure AD JWT: signature against the configured JWKS,
 * audience, issuer (for the token's tenant) and the tenant allow-list.
 */
export class SsoTokenVerifier {
  #keys: JWTVerifyGetKey | undefined;

  constructor(private readonly settings: SsoTokenSettings) {}

  async verify(token: string): Promise<SsoIdentity> {
    if (!this.settings.audience) throw new SsoTokenError('Single sign-on is not configured (SSO_AUDIENCE is empty).');
    // jose is loaded with the first sign-in, not at start: many bots never serve the tab.
    const { createRemoteJWKSet, jwtVerify } = await import('jose');
    this.#keys ??= createRemoteJWKSet(new URL(this.settings.jwksUrl), { timeoutDuration: 5_000 });
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.#keys, { audience: this.settings.audience, algorithms: ['RS256'] }));
    } catch (error) {
      throw new SsoTokenError(`The sign-in token is not valid (${(error as Error).name}).`);
    }
    const tenantId = typeof payload.tid === 'string' ? payload.tid : undefined;
    const aadObjectId = typeof payload.oid === 'string' ? payload.oid : undefined;
    if (!tenantId || !aadObjectId) throw new SsoTokenError('The sign-in token names no user or tenant.');
    const expectedIssuer = this.settings.issuer ?? `https://login.microsoftonline.com/${tenantId}/v2.0`;
    if (payload.iss !== expectedIssuer) throw new SsoTokenError('The sign-in token comes from another issuer.');
    const allowed = this.settings.allowedTenantIds.map((id) => id.toLowerCase());
    if (allowed.length > 0 && !allowed.includes(tenantId.toLowerCase())) throw new SsoTokenError('Your organisation is not set up for this app.');
    return { aadObjectId, tenantId, name: typeof payload.name === 'string' ? payload.name : undefined };
  }
}
