import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../bot/app.js';
import { loadConfig } from '../../../bot/config.js';
import { createLogger } from '../../../bot/logger.js';
import { ConnectorStub } from '../../support/connectorStub.js';
import { teamsCardAction, teamsMessage } from '../../support/teamsActivities.js';
import { cardText } from '../../support/testBot.js';
import { COMPLETE_FIRST, COMPLETE_SECOND, GROUP, MEMBER_1, MEMBER_2, nominationJourneys, saveSection, shownIn, SIT_ADMIN } from './harness.js';

let app: App | undefined;
let connector: ConnectorStub | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await app?.close();
  await connector?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  app = connector = dataDir = undefined;
});

const CHAT = '19:liaison-group-one@thread.v2';

async function start(): Promise<{ base: string; connector: ConnectorStub }> {
  connector = await new ConnectorStub().start();
  dataDir = await mkdtemp(path.join(tmpdir(), 'sib-nomination-http-'));
  const config = loadConfig({ BOT_AUTH: 'off', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', SIT_ADMIN_AAD_IDS: SIT_ADMIN, SCHEDULER_INTERVAL_SECONDS: '0' });
  app = await createApp(config, { logger: createLogger('silent'), now: () => new Date('2024-03-01T10:00:00Z'), journeys: nominationJourneys({}, undefined, CHAT) });
  return { base: `http://127.0.0.1:${await app.listen()}`, connector };
}

async function post(base: string, activity: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** The card an Action.Execute press answered with over HTTP. */
function answeredCard(response: { status: number; body: unknown }): Record<string, unknown> {
  const body = response.body as { statusCode: number; type: string; value: Record<string, unknown> };
  expect(response.status).toBe(200);
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  return body.value;
}

describe('over HTTP, as Teams sends it', () => {
  it('the SIT’s selection is announced in the group’s chat', async () => {
    const { base, connector } = await start();
    const inChat = { serviceUrl: connector.url, kind: 'groupChat' as const, conversationId: CHAT };

    expect((await post(base, teamsMessage({ ...inChat, userId: MEMBER_1, userName: 'Alex Member', text: 'nominate' }))).status).toBe(200);
    const posted = await connector.waitFor((call) => call.conversationId === CHAT && Array.isArray(call.body?.attachments));
    const card = (posted.body!.attachments as { content: Record<string, unknown> }[])[0]!.content;
    expect(cardText(card)).toContain('Disadvantaged Champion School nomination: Test Group 01');

    answeredCard(await post(base, teamsCardAction({ ...inChat, userId: MEMBER_1, userName: 'Alex Member', verb: 'nomination.save', data: saveSection('first', shownIn(card, 'first'), COMPLETE_FIRST) })));
    const both = answeredCard(await post(base, teamsCardAction({ ...inChat, userId: MEMBER_2, userName: 'Bea Member', verb: 'nomination.save', data: saveSection('second', shownIn(card, 'second'), COMPLETE_SECOND) })));
    expect(cardText(both)).toContain('Priya Shah');
    expect(cardText(both)).toContain('Tom Reed');
    const submitted = answeredCard(await post(base, teamsCardAction({ ...inChat, userId: MEMBER_2, userName: 'Bea Member', verb: 'nomination.submit', data: { groupId: GROUP.id, commitmentsSeen: 'true' } })));
    expect(cardText(submitted)).toContain('Bea Member submitted the nomination.');

    const review = answeredCard(
      await post(base, teamsCardAction({ serviceUrl: connector.url, userId: SIT_ADMIN, userName: 'Sam SIT', verb: 'nomination.select', data: { groupId: GROUP.id, decision: 'reserve_selected' } })),
    );
    expect(cardText(review)).toContain('Marked reserve selected. I have told the group in its chat.');

    const notice = await connector.waitFor((call) => call.conversationId === CHAT && typeof call.body?.text === 'string' && call.body.text.includes('School Improvement Team'));
    expect(notice.body?.text).toBe(
      'The School Improvement Team has selected Willowmere Academy, your second choice (reserve), as your liaison group’s Disadvantaged Champion School. Its headteacher can confirm the champion commitments by saying "champion commitments" in a personal chat with me.',
    );
  });

  it('a chat the bot has left is not written to, and the administrator is told', async () => {
    const { base, connector } = await start();
    const inChat = { serviceUrl: connector.url, kind: 'groupChat' as const, conversationId: CHAT };
    await post(base, teamsMessage({ ...inChat, userId: MEMBER_1, text: 'nominate' }));
    const posted = await connector.waitFor((call) => call.conversationId === CHAT && Array.isArray(call.body?.attachments));
    const card = (posted.body!.attachments as { content: Record<string, unknown> }[])[0]!.content;
    await post(base, teamsCardAction({ ...inChat, userId: MEMBER_1, verb: 'nomination.save', data: saveSection('first', shownIn(card, 'first'), COMPLETE_FIRST) }));
    await post(base, teamsCardAction({ ...inChat, userId: MEMBER_1, verb: 'nomination.save', data: saveSection('second', shownIn(card, 'second'), COMPLETE_SECOND) }));
    await post(base, teamsCardAction({ ...inChat, userId: MEMBER_1, verb: 'nomination.submit', data: { groupId: GROUP.id, commitmentsSeen: 'true' } }));

    connector.failNext({ status: 403, times: 1 });
    const review = answeredCard(await post(base, teamsCardAction({ serviceUrl: connector.url, userId: SIT_ADMIN, verb: 'nomination.select', data: { groupId: GROUP.id, decision: 'selected' } })));
    expect(cardText(review)).toContain('Marked selected. I could not tell the group');
  });
});
