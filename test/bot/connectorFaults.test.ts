import { afterEach, describe, expect, it } from 'vitest';
import { TestApps } from '../support/testApp.js';
import { teamsMessage } from '../../devtools/teamsActivities.js';

const apps = new TestApps();
afterEach(() => apps.closeAll());

describe('when the Bot Framework connector is busy or refuses', () => {
  it('retries a reply refused with 429 (after Retry-After) and then 503, and delivers it once', async () => {
    const { post, connector } = await apps.start();
    connector.failNext({ status: 429, retryAfterSeconds: 1, times: 1 });
    connector.failNext({ status: 503, times: 1 });
    expect((await post(teamsMessage({ serviceUrl: connector.url, text: 'help' }))).status).toBe(200);
    const replies = connector.calls.filter((call) => call.method === 'POST' && call.body?.type === 'message');
    expect(replies).toHaveLength(1);
  });

  it('stops sending to a conversation that answers 403 (bot blocked or removed) and forgets it', async () => {
    const { app, post, connector } = await apps.start();
    const activity = teamsMessage({ serviceUrl: connector.url, text: 'help', userId: 'aad-blocker' });
    await post(activity);
    const conversationId = (activity.conversation as { id: string }).id;
    expect(await app.services.references.ofConversation(conversationId)).toBeDefined();

    connector.failNext({ status: 403, times: 1 });
    const before = connector.calls.length;
    expect(await app.services.proactive.sendToPerson('aad-blocker', { type: 'message', text: 'A reminder' })).toBe('blocked');
    expect(await app.services.references.ofConversation(conversationId)).toBeUndefined();
    expect(await app.services.proactive.sendToPerson('aad-blocker', { type: 'message', text: 'Another reminder' })).toBe('not_installed');
    expect(connector.calls.length).toBe(before);
  });

  it('delivers a proactive message through the saved conversation reference', async () => {
    const { app, post, connector } = await apps.start();
    await post(teamsMessage({ serviceUrl: connector.url, text: 'help', userId: 'aad-reader' }));
    expect(await app.services.proactive.sendToPerson('aad-reader', { type: 'message', text: 'Your session starts tomorrow' })).toBe('sent');
    expect(connector.sentActivities().some((activity) => activity.text === 'Your session starts tomorrow')).toBe(true);
  });
});
