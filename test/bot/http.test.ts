import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../bot/config.js';
import { TestApps } from '../support/testApp.js';
import { ConnectorStub } from '../../devtools/connectorStub.js';
import { teamsMessage } from '../../devtools/teamsActivities.js';

const apps = new TestApps();
afterEach(() => apps.closeAll());

describe('the HTTP endpoint', () => {
  it('answers GET /healthz', async () => {
    const { base } = await apps.start();
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('takes a Teams message on /api/messages and replies through the connector at its serviceUrl', async () => {
    const { post, connector } = await apps.start();
    const activity = teamsMessage({ serviceUrl: connector.url, text: 'help' });
    const response = await post(activity);
    expect(response.status).toBeLessThan(300);
    const reply = await connector.waitFor((call) => call.method === 'POST' && Array.isArray(call.body?.attachments));
    expect(reply.conversationId).toBe((activity.conversation as { id: string }).id);
    expect(reply.path).toContain(`/activities/${String(activity.id)}`);
    expect(JSON.stringify(reply.body)).toContain('I can help with');
  });

  it('replies to each conversation at its own serviceUrl, turn after turn, when several are in use', async () => {
    const { post, connector } = await apps.start();
    // Teams gives each region its own service URL; the bot keeps one connector client per URL.
    const otherRegion = await new ConnectorStub().start();
    try {
      const speakers = [
        { connector, userId: 'aad-region-a' },
        { connector: otherRegion, userId: 'aad-region-b' },
      ];
      for (let round = 0; round < 3; round++) {
        for (const { connector: itsConnector, userId } of speakers) {
          const activity = teamsMessage({ serviceUrl: itsConnector.url, userId, text: 'help' });
          expect((await post(activity)).status).toBeLessThan(300);
          const reply = await itsConnector.waitFor((call) => call.method === 'POST' && call.path.includes(`/activities/${String(activity.id)}`));
          expect(reply.conversationId).toBe(`a:personal-${userId}`);
        }
      }
      expect(connector.calls.every((call) => call.conversationId === 'a:personal-aad-region-a')).toBe(true);
      expect(otherRegion.calls.every((call) => call.conversationId === 'a:personal-aad-region-b')).toBe(true);
      expect(otherRegion.calls.length).toBeGreaterThanOrEqual(3);
    } finally {
      await otherRegion.stop();
    }
  });

  it('refuses a request without a token with 401 when MicrosoftAppId is set, and runs no turn', async () => {
    const { post, connector } = await apps.start({ env: { BOT_AUTH: 'on', MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppType: 'MultiTenant' } });
    const response = await post(teamsMessage({ serviceUrl: connector.url, text: 'help' }));
    expect(response.status).toBe(401);
    expect(connector.calls).toHaveLength(0);
  });

  it('refuses a body that is not an activity with 400 and stays up', async () => {
    const { base, post } = await apps.start();
    expect((await post('{"not": "an activity"}')).status).toBe(400);
    expect((await post('this is not json')).status).toBe(400);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('refuses a body over 1 MB with 413 and stays up', async () => {
    const { base, post } = await apps.start();
    const huge = JSON.stringify({ type: 'message', text: 'x'.repeat(1_100_000) });
    expect((await post(huge)).status).toBe(413);
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

describe('answers typed the moment a question shows', () => {
  it('are read against the question, not the state before it', async () => {
    const { post, connector, app } = await apps.start();
    for (let attempt = 0; attempt < 5; attempt++) {
      const userId = `aad-quick-${attempt}`;
      const asking = post(teamsMessage({ serviceUrl: connector.url, userId, text: "I'm the head of 900001" }));
      // The question reaches the chat before botbuilder saves the conversation's state.
      await connector.waitFor((call) => call.conversationId === `a:personal-${userId}` && JSON.stringify(call.body).includes('Is it'));
      const answering = post(teamsMessage({ serviceUrl: connector.url, userId, text: 'yes' }));
      await Promise.all([asking, answering]);
      expect((await app.services.store.read(`profiles/${userId}`))?.value).toMatchObject({ urn: '900001' });
    }
  });
});
