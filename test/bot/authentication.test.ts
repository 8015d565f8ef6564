import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { createLogger } from '../../bot/logger.js';
import { ConnectorStub } from '../../devtools/connectorStub.js';
import { OpenIdIssuer } from '../support/openIdIssuer.js';
import { teamsMessage } from '../../devtools/teamsActivities.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';

let app: App;
let connector: ConnectorStub;
let issuer: OpenIdIssuer;
let dataDir: string;
let base: string;

beforeAll(async () => {
  connector = await new ConnectorStub().start();
  issuer = await new OpenIdIssuer().start();
  dataDir = await mkdtemp(path.join(tmpdir(), 'sib-auth-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'test-secret-not-used-for-inbound',
    MicrosoftAppType: 'MultiTenant',
    BotOpenIdMetadata: issuer.metadataUrl,
  });
  app = await createApp(config, { logger: createLogger('silent') });
  base = `http://127.0.0.1:${await app.listen()}`;
});

afterAll(async () => {
  await app.close();
  await connector.stop();
  await issuer.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function postWithToken(token: string | undefined): Promise<{ status: number; turnRan: boolean }> {
  const activity = teamsMessage({ serviceUrl: connector.url, text: 'help', userId: `aad-${randomUUID()}` });
  const conversationId = (activity.conversation as { id: string }).id;
  const response = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(activity),
  });
  // Replying would need an outbound token from Azure AD, which this machine cannot reach; the
  // conversation reference the bot saves as its turn starts shows whether the turn ran.
  return { status: response.status, turnRan: (await app.services.references.ofConversation(conversationId)) !== undefined };
}

describe('Bot Framework tokens, checked against the configured OpenID metadata', () => {
  it('accepts a token signed by the published key, for this bot, for this service URL', async () => {
    const token = await issuer.token({ audience: APP_ID, serviceUrl: connector.url });
    expect(await postWithToken(token)).toEqual({ status: 200, turnRan: true });
  });

  it.each([
    ['no token at all', async () => undefined],
    ['a token signed by another key', async () => issuer.token({ audience: APP_ID, serviceUrl: connector.url, foreignKey: true })],
    ['an expired token', async () => issuer.token({ audience: APP_ID, serviceUrl: connector.url, expiresInSeconds: -3600 })],
    ['a token for another bot (wrong audience)', async () => issuer.token({ audience: 'another-bot', serviceUrl: connector.url })],
    ['a token from another issuer', async () => issuer.token({ audience: APP_ID, serviceUrl: connector.url, issuer: 'https://evil.example' })],
    ['a token for another service URL', async () => issuer.token({ audience: APP_ID, serviceUrl: 'https://elsewhere.example/' })],
    ['a token that is not a JWT', async () => 'not-a-jwt'],
  ])('refuses %s with 401, and the turn never runs', async (_name, makeToken) => {
    expect(await postWithToken(await makeToken())).toEqual({ status: 401, turnRan: false });
  });
});

describe('tokens whose issuer cannot be reached', () => {
  // The Emulator's issuer is one botbuilder accepts; its key metadata is on the public internet.
  const EMULATOR_ISSUER = 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/';

  it('a forged token naming the Emulator as issuer is refused (401, or 503 when its keys are out of reach), never 500, and the turn never runs', async () => {
    const token = await issuer.token({ audience: APP_ID, serviceUrl: connector.url, issuer: EMULATOR_ISSUER });
    const { status, turnRan } = await postWithToken(token);
    expect([401, 503]).toContain(status);
    expect(turnRan).toBe(false);
  });

  it('when the configured issuer\'s keys cannot be fetched, every request is answered 503 with Retry-After, and the turn never runs', async () => {
    const down = await new OpenIdIssuer().start();
    const metadataUrl = down.metadataUrl;
    const token = await down.token({ audience: APP_ID, serviceUrl: connector.url });
    await down.stop();
    const otherDataDir = await mkdtemp(path.join(tmpdir(), 'sib-auth-down-'));
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: otherDataDir, PORT: '0', HOST: '127.0.0.1', MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'unused', MicrosoftAppType: 'MultiTenant', BotOpenIdMetadata: metadataUrl });
    const downApp = await createApp(config, { logger: createLogger('silent') });
    try {
      const downBase = `http://127.0.0.1:${await downApp.listen()}`;
      const activity = teamsMessage({ serviceUrl: connector.url, text: 'help', userId: `aad-${randomUUID()}` });
      const response = await fetch(`${downBase}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(activity) });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('30');
      expect(await downApp.services.references.ofConversation((activity.conversation as { id: string }).id)).toBeUndefined();
    } finally {
      await downApp.close();
      await rm(otherDataDir, { recursive: true, force: true });
    }
  });
});
