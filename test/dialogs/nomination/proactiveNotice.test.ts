import { afterEach, describe, expect, it } from 'vitest';
import { TestApps, type RunningApp } from '../../support/testApp.js';
import { teamsCardAction, teamsMessage } from '../../../devtools/teamsActivities.js';
import { cardText } from '../../support/testBot.js';
import { COMPLETE_FIRST, COMPLETE_SECOND, GROUP, MEMBER_1, MEMBER_2, nominationJourneys, saveSection, shownIn, SIT_ADMIN } from './harness.js';

const apps = new TestApps();
afterEach(() => apps.closeAll());

const CHAT = '19:liaison-group-one@thread.v2';

async function start(): Promise<RunningApp> {
  return apps.start({ env: { SIT_ADMIN_AAD_IDS: SIT_ADMIN, SCHEDULER_INTERVAL_SECONDS: '0' }, now: () => new Date('2024-03-01T10:00:00Z'), journeys: nominationJourneys({}, undefined, CHAT) });
}

/** Sends an activity; resolves with the HTTP status and the invoke response's body, if any. */
async function send(running: RunningApp, activity: unknown): Promise<{ status: number; body: unknown }> {
  const response = await running.post(activity);
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
    const running = await start();
    const { connector } = running;
    const inChat = { serviceUrl: connector.url, kind: 'groupChat' as const, conversationId: CHAT };

    expect((await send(running, teamsMessage({ ...inChat, userId: MEMBER_1, userName: 'Alex Member', text: 'nominate' }))).status).toBe(200);
    const posted = await connector.waitFor((call) => call.conversationId === CHAT && Array.isArray(call.body?.attachments));
    const card = (posted.body!.attachments as { content: Record<string, unknown> }[])[0]!.content;
    expect(cardText(card)).toContain('Disadvantaged Champion School nomination: Test Group 01');

    answeredCard(await send(running, teamsCardAction({ ...inChat, userId: MEMBER_1, userName: 'Alex Member', verb: 'nomination.save', data: saveSection('first', shownIn(card, 'first'), COMPLETE_FIRST) })));
    const both = answeredCard(await send(running, teamsCardAction({ ...inChat, userId: MEMBER_2, userName: 'Bea Member', verb: 'nomination.save', data: saveSection('second', shownIn(card, 'second'), COMPLETE_SECOND) })));
    expect(cardText(both)).toContain('Priya Shah');
    expect(cardText(both)).toContain('Tom Reed');
    const submitted = answeredCard(await send(running, teamsCardAction({ ...inChat, userId: MEMBER_2, userName: 'Bea Member', verb: 'nomination.submit', data: { groupId: GROUP.id, commitmentsSeen: 'true' } })));
    expect(cardText(submitted)).toContain('Bea Member submitted the nomination.');

    const review = answeredCard(
      await send(running, teamsCardAction({ serviceUrl: connector.url, userId: SIT_ADMIN, userName: 'Sam SIT', verb: 'nomination.select', data: { groupId: GROUP.id, decision: 'reserve_selected', confirmed: true } })),
    );
    expect(cardText(review)).toContain('Marked reserve selected. I have told the group in its chat.');

    const notice = await connector.waitFor((call) => call.conversationId === CHAT && typeof call.body?.text === 'string' && call.body.text.includes('School Improvement Team'));
    expect(notice.body?.text).toBe(
      'The School Improvement Team has selected Willowmere Academy, your second choice (reserve), as your liaison group’s Disadvantaged Champion School. Its headteacher can confirm the champion commitments by saying "champion commitments" in a personal chat with me.',
    );
  });

  it('a chat the bot has left is not written to, and the administrator is told', async () => {
    const running = await start();
    const { connector } = running;
    const inChat = { serviceUrl: connector.url, kind: 'groupChat' as const, conversationId: CHAT };
    await send(running, teamsMessage({ ...inChat, userId: MEMBER_1, text: 'nominate' }));
    const posted = await connector.waitFor((call) => call.conversationId === CHAT && Array.isArray(call.body?.attachments));
    const card = (posted.body!.attachments as { content: Record<string, unknown> }[])[0]!.content;
    await send(running, teamsCardAction({ ...inChat, userId: MEMBER_1, verb: 'nomination.save', data: saveSection('first', shownIn(card, 'first'), COMPLETE_FIRST) }));
    await send(running, teamsCardAction({ ...inChat, userId: MEMBER_1, verb: 'nomination.save', data: saveSection('second', shownIn(card, 'second'), COMPLETE_SECOND) }));
    await send(running, teamsCardAction({ ...inChat, userId: MEMBER_1, verb: 'nomination.submit', data: { groupId: GROUP.id, commitmentsSeen: 'true' } }));

    connector.failNext({ status: 403, times: 1 });
    const review = answeredCard(await send(running, teamsCardAction({ serviceUrl: connector.url, userId: SIT_ADMIN, verb: 'nomination.select', data: { groupId: GROUP.id, decision: 'selected', confirmed: true } })));
    expect(cardText(review)).toContain('Marked selected. I could not tell the group');
  });
});
