import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotStateRepository } from '../../storage/botStateRepository.js';
import { MAX_MESSAGE_LENGTH, MESSAGE_TOO_LONG } from '../../bot/teamsBot.js';
import { TestApps, type RunningApp } from '../support/testApp.js';
import { teamsMessage } from '../../devtools/teamsActivities.js';

/**
 * What reaches /api/messages from outside, malformed or hostile, over real HTTP: refused or
 * answered politely, and a person part-way through a journey keeps their place.
 */

const apps = new TestApps();
let running: RunningApp;
const USER = 'aad-edge-user';
const CONVERSATION = `a:personal-${USER}`;

const message = (text: string, extra: Record<string, unknown> = {}) => ({ ...teamsMessage({ serviceUrl: running.connector.url, text, userId: USER }), ...extra });

/** The conversation's stored dialog state, exactly as saved (eTag included). */
const dialogState = () => running.app.services.store.read(BotStateRepository.keyOf(`msteams/conversations/${CONVERSATION}/`));

const lastReplyText = async (activityId: unknown) =>
  (await running.connector.waitFor((call) => call.method === 'POST' && call.body?.type === 'message' && call.path.includes(`/activities/${String(activityId)}`))).body?.text;

beforeAll(async () => {
  running = await apps.start();
  // Part-way through the profile questions: the bot is waiting for the person to confirm their school.
  await running.post(message("I'm the head of 900001"));
});
afterAll(() => apps.closeAll());

describe('malformed activities', () => {
  const malformed: ReadonlyArray<{ name: string; body: () => unknown; headers?: Record<string, string> }> = [
    { name: 'text that is a number', body: () => message('', { text: 42 }) },
    { name: 'text that is an object', body: () => message('', { text: { toString: 'yes' } }) },
    { name: 'membersAdded that is not a list', body: () => ({ ...message(''), type: 'conversationUpdate', text: undefined, membersAdded: { id: '29:someone' } }) },
    { name: 'an invoke whose value is a string', body: () => ({ ...message(''), type: 'invoke', name: 'adaptiveCard/action', text: undefined, value: 'yes' }) },
    { name: 'a card submission whose value is a list', body: () => message('', { value: ['yes'] }) },
    { name: 'no conversation', body: () => ({ ...message('yes'), conversation: undefined }) },
    { name: 'a conversation id that is not text', body: () => message('yes', { conversation: { id: 7, conversationType: 'personal' } }) },
    { name: 'a sender that is not an object', body: () => message('yes', { from: 'someone' }) },
    { name: 'no type', body: () => ({ ...message('yes'), type: undefined }) },
    { name: 'a form-encoded body', body: () => `type=message&text=yes&conversation[id]=${CONVERSATION}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
  ];

  it.each(malformed)('$name is refused with 400, and the turn never runs nor touches the dialog state', async ({ body, headers }) => {
    const before = await dialogState();
    expect(before?.value).toBeDefined();
    const calls = running.connector.calls.length;
    const response = await running.post(body(), headers);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: expect.stringContaining('activity') });
    expect(await dialogState()).toEqual(before);
    expect(running.connector.calls.length).toBe(calls);
  });

  it('after all of them, the person is still where they were and carries on', async () => {
    const before = await dialogState();
    const answer = message('cancel');
    expect((await running.post(answer)).status).toBe(200);
    expect(await lastReplyText(answer.id)).toContain('Cancelled');
    expect(await dialogState()).not.toEqual(before);
  });
});

describe('a message longer than Teams would send', () => {
  it(`over ${MAX_MESSAGE_LENGTH} characters is answered politely, unread, and changes no state`, async () => {
    await running.post(message("I'm the head of 900001"));
    const before = await dialogState();
    const long = message(`yes${'.'.repeat(MAX_MESSAGE_LENGTH)}`);
    expect((await running.post(long)).status).toBe(200);
    expect(await lastReplyText(long.id)).toBe(MESSAGE_TOO_LONG);
    expect(await dialogState()).toEqual(before);
  });

  it('/healthz answers promptly while a message of hostile punctuation just under the cap is read', async () => {
    const hostile = message(`x${' .!?'.repeat((MAX_MESSAGE_LENGTH - 8) / 4)}x`);
    const turn = running.post(hostile);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    const health = await fetch(`${running.base}/healthz`);
    // Generous for a shared machine; a quadratic reading of this message took tens of seconds.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(health.status).toBe(200);
    expect((await turn).status).toBe(200);
  });
});

describe('type-ahead search', () => {
  const search = (dataset: string) =>
    running.post({ ...message(''), type: 'invoke', name: 'application/search', text: undefined, value: { kind: 'search', dataset, queryText: 'oak', queryOptions: { top: 5 } } });

  it.each(['__proto__', 'constructor', 'toString'])('a dataset named %s finds nothing inherited: a clear 400, no server error', async (dataset) => {
    const response = await search(dataset);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { message: 'There is nothing to search here.' } });
  });

  it('a dataset the bot has still answers', async () => {
    const response = await search('schools');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.search.searchResponse' });
  });
});
