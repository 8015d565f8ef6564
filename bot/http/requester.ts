import type { Request } from 'restify';
import type { Config } from '../config.js';
import { SsoTokenError, type SsoTokenVerifier } from '../ssoToken.js';

export type Requester = { readonly ok: true; readonly aadObjectId: string; readonly tenantId: string | undefined } | { readonly ok: false; readonly status: 401; readonly message: string };

/**
 * Who is asking, for the HTTP routes a browser calls (downloads, the tab's API): the Teams
 * single sign-on token in `Authorization: Bearer`, checked as an Azure AD token. With
 * BOT_AUTH=off (local development only) the `x-dev-aad-object-id` header stands in for it,
 * as the Agents Playground has no Azure AD.
 */
export async function identifyRequester(req: Request, config: Config, verifier: SsoTokenVerifier): Promise<Requester> {
  const authorization = req.header('authorization');
  if (authorization?.startsWith('Bearer ')) {
    try {
      const identity = await verifier.verify(authorization.slice('Bearer '.length).trim());
      return { ok: true, aadObjectId: identity.aadObjectId, tenantId: identity.tenantId };
    } catch (error) {
      return { ok: false, status: 401, message: error instanceof SsoTokenError ? error.message : 'The sign-in token could not be checked.' };
    }
  }
  const developmentUser = req.header('x-dev-aad-object-id');
  if (config.BOT_AUTH === 'off' && developmentUser) return { ok: true, aadObjectId: developmentUser, tenantId: undefined };
  return { ok: false, status: 401, message: 'Sign in through Teams to open this.' };
}
