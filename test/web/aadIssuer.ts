import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey } from 'jose';

export interface SsoTokenOptions {
  readonly oid: string;
  readonly tid: string;
  readonly name?: string;
  readonly audience: string;
  /** Azure AD v2's issuer for the token's tenant unless given. */
  readonly issuer?: string;
  /** Sign with a key the JWKS does not publish (a forged token). */
  readonly foreignKey?: boolean;
  readonly expiresInSeconds?: number;
}

/**
 * A local stand-in for Azure AD as Teams single sign-on uses it: a JWKS with one RS256 key (the
 * bot reads it from AAD_JWKS_URL) and access tokens signed with it, carrying the claims Teams'
 * tokens carry (oid, tid, name, aud, iss https://login.microsoftonline.com/<tid>/v2.0).
 */
export class AadIssuer {
  readonly #server: Server;
  #signingKey?: CryptoKey;
  #foreignKey?: CryptoKey;
  #jwks: unknown;
  jwksUrl = '';

  constructor() {
    this.#server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/discovery/v2.0/keys') {
        res.end(JSON.stringify(this.#jwks));
        return;
      }
      res.statusCode = 404;
      res.end('{}');
    });
  }

  async start(): Promise<this> {
    const signing = await generateKeyPair('RS256', { extractable: true });
    const foreign = await generateKeyPair('RS256', { extractable: true });
    this.#signingKey = signing.privateKey;
    this.#foreignKey = foreign.privateKey;
    this.#jwks = { keys: [{ ...(await exportJWK(signing.publicKey)), kid: 'aad-test-key', use: 'sig', alg: 'RS256' }] };
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    this.jwksUrl = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/discovery/v2.0/keys`;
    return this;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async token(options: SsoTokenOptions): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ oid: options.oid, tid: options.tid, name: options.name ?? 'Test user', ver: '2.0', scp: 'access_as_user' })
      .setProtectedHeader({ alg: 'RS256', kid: 'aad-test-key', typ: 'JWT' })
      .setIssuer(options.issuer ?? `https://login.microsoftonline.com/${options.tid}/v2.0`)
      .setAudience(options.audience)
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime(now + (options.expiresInSeconds ?? 3600))
      .sign(options.foreignKey ? this.#foreignKey! : this.#signingKey!);
  }
}
