import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWTPayload } from 'jose';

export interface TokenOptions {
  readonly audience: string;
  readonly serviceUrl: string;
  readonly issuer?: string;
  readonly expiresInSeconds?: number;
  /** Sign with a key the metadata does not publish (a forged token). */
  readonly foreignKey?: boolean;
}

/**
 * A local stand-in for the Bot Framework's token issuer: an OpenID configuration and a JWKS
 * with one test key (endorsed for msteams, as the real keys are), and tokens signed with it.
 */
export class OpenIdIssuer {
  readonly #server: Server;
  #signingKey?: CryptoKey;
  #foreignKey?: CryptoKey;
  #jwks: unknown;
  metadataUrl = '';

  constructor() {
    this.#server = createServer((req, res) => {
      const base = this.metadataUrl.replace(/\/\.well-known\/openid-configuration$/, '');
      res.setHeader('content-type', 'application/json');
      if (req.url === '/.well-known/openid-configuration') {
        res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      } else if (req.url === '/keys') {
        res.end(JSON.stringify(this.#jwks));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
  }

  async start(): Promise<this> {
    const signing = await generateKeyPair('RS256', { extractable: true });
    const foreign = await generateKeyPair('RS256', { extractable: true });
    this.#signingKey = signing.privateKey;
    this.#foreignKey = foreign.privateKey;
    const publicJwk = await exportJWK(signing.publicKey);
    this.#jwks = { keys: [{ ...publicJwk, kid: 'test-key', use: 'sig', alg: 'RS256', endorsements: ['msteams'] }] };
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    this.metadataUrl = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/.well-known/openid-configuration`;
    return this;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async token(options: TokenOptions): Promise<string> {
    const claims: JWTPayload = { serviceurl: options.serviceUrl };
    const now = Math.floor(Date.now() / 1000);
    const expiresIn = options.expiresInSeconds ?? 3600;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'JWT' })
      .setIssuer(options.issuer ?? 'https://api.botframework.com')
      .setAudience(options.audience)
      .setIssuedAt(now - 600)
      .setNotBefore(now - 600)
      .setExpirationTime(now + expiresIn)
      .sign(options.foreignKey ? this.#foreignKey! : this.#signingKey!);
  }
}
