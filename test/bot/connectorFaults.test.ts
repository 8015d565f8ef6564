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

async function start(): Promise<{ base: string; connector: ConnectorStub }> {
  connector = await new ConnectorStub().start();
  dataDir = await mkdtemp(path.join(tmpdir(), 'sib-faults-'));
  app = await createApp(loadConfig({ BOT_AUTH: 'off', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' }), { logger: createLogger('silent') });
  return { base: `http://127.0.0.1:${await app.listen()}`, connector };
}

const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('when the Bot Framework connector is busy or refuses', () => {
  it('retries a reply refused with 429 (after Retry-After) and then 503, and delivers it once', async () => {
    const { base, connector } = await start();
    connector.failNext({ status: 429, retryAfterSeconds: 1, times: 1 });
    connector.failNext({ status: 503, times: 1 });
    const activity = teamsMessage({ serviceUrl: connector.url, text: 'help' });
    expect((await post(`${base}/api/messages`, activity)).status).toBe(200);
    const replies = connector.calls.filter((call) => call.method === 'POST' && call.body?.type === 'message');
    expect(replies).toHaveLength(1);
  });

  it('stops sending to a conversation that answers 403 (bot blocked or removed) and forgets it', async () => {
    const { base, connector } = await start();
    const activity = teamsMessage({ serviceUrl: connector.url, text: 'help', userId: 'aad-blocker' });
    await post(`${base}/api/messages`, activity);
    const conversationId = (activity.conversation as { id: string }).id;
    expect(await app!.services.references.ofConversation(conversationId)).toBeDefined();

    connector.failNext({ status: 403, times: 1 });
    const before = connector.calls.length;
    const outcome = await app!.services.proactive.sendToPerson('aad-blocker', { type: 'message', text: 'A reminder' });
    expect(outcome).toBe('blocked');
    expect(await app!.services.references.ofConversation(conversationId)).toBeUndefined();
    expect(await app!.services.proactive.sendToPerson('aad-blocker', { type: 'message', text: 'Another reminder' })).toBe('not_installed');
    expect(connector.calls.length).toBe(before);
  });

  it('delivers a proactive message through the saved conversation reference', async () => {
    const { base, connector } = await start();
    await post(`${base}/api/messages`, teamsMessage({ serviceUrl: connector.url, text: 'help', userId: 'aad-reader' }));
    expect(await app!.services.proactive.sendToPerson('aad-reader', { type: 'message', text: 'Your session starts tomorrow' })).toBe('sent');
    expect(connector.sentActivities().some((activity) => activity.text === 'Your session starts tomorrow')).toBe(true);
  });
});
