import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { createLogger } from '../../bot/logger.js';
import { ConnectorStub } from '../support/connectorStub.js';
import { teamsMessage } from '../support/teamsActivities.js';

let app: App | undefined;
let connector: ConnectorStub | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  await app?.close();
  await connector?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  app = connector = dataDir = undefined;
});

async function startBot(env: Record<string, string>): Promise<string> {
  dataDir = await mkdtemp(path.join(tmpdir(), 'sib-http-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', ...env });
  app = await createApp(config, { logger: createLogger('silent') });
  const port = await app.listen();
  return `http://127.0.0.1:${port}`;
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('the HTTP endpoint', () => {
  it('answers GET /healthz', async () => {
    const base = await startBot({ BOT_AUTH: 'off' });
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('takes a Teams message on /api/messages and replies through the connector at its serviceUrl', async () => {
    connector = await new ConnectorStub().start();
    const base = await startBot({ BOT_AUTH: 'off' });
    const activity = teamsMessage({ serviceUrl: connector.url, text: 'help' });
    const response = await post(`${base}/api/messages`, activity);
    expect(response.status).toBeLessThan(300);
    const reply = await connector.waitFor((call) => call.method === 'POST' && Array.isArray(call.body?.attachments));
    expect(reply.conversationId).toBe((activity.conversation as { id: string }).id);
    expect(reply.path).toContain(`/activities/${String(activity.id)}`);
    expect(JSON.stringify(reply.body)).toContain('I can help with');
  });

  it('refuses a request without a token with 401 when MicrosoftAppId is set, and runs no turn', async () => {
    connector = await new ConnectorStub().start();
    const base = await startBot({ MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppType: 'MultiTenant' });
    const response = await post(`${base}/api/messages`, teamsMessage({ serviceUrl: connector.url, text: 'help' }));
    expect(response.status).toBe(401);
    expect(connector.calls).toHaveLength(0);
  });

  it('refuses a body that is not an activity with 400 and stays up', async () => {
    const base = await startBot({ BOT_AUTH: 'off' });
    expect((await post(`${base}/api/messages`, '{"not": "an activity"}')).status).toBe(400);
    expect((await post(`${base}/api/messages`, 'this is not json')).status).toBe(400);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('refuses a body over 1 MB with 413 and stays up', async () => {
    const base = await startBot({ BOT_AUTH: 'off' });
    const huge = JSON.stringify({ type: 'message', text: 'x'.repeat(1_100_000) });
    expect((await post(`${base}/api/messages`, huge)).status).toBe(413);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

describe('configuration', () => {
  it.each([
    [{ BOT_AUTH: 'on' }, 'MicrosoftAppId is empty'],
    [{ BOT_AUTH: 'off', NODE_ENV: 'production' }, 'BOT_AUTH cannot be off when NODE_ENV=production'],
    [{ BOT_AUTH: 'off', PORT: 'eighty' }, 'PORT'],
    [{ BOT_AUTH: 'off', STORE: 'azure-blob' }, 'AZURE_STORAGE_CONNECTION_STRING is required'],
    [{ MicrosoftAppId: 'x', MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppPassword is required'],
  ])('refuses %j naming the bad variable', (env, expected) => {
    expect(() => loadConfig(env)).toThrow(expected);
  });
});
