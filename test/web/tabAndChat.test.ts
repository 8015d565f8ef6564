import type { TurnContext } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveActor } from '../../bot/actor.js';
import { decide, type Action, type PolicyActor } from '../../domain/directory/policy.js';
import { DirectoryRepository } from '../../storage/directoryRepository.js';
import { ProfileRepository } from '../../storage/profileRepository.js';
import { AadIssuer } from './aadIssuer.js';
import { AUDIENCE, GROUP_CHAT, HEAD, HEAD_ELSEWHERE, LEADER, OTHER_HEAD, PENDING_HEAD, SIT_ADMIN, STRANGER, TENANT, startTabApp, type TabApp } from './tabFixtures.js';

let issuer: AadIssuer;
let tab: TabApp;

beforeAll(async () => {
  issuer = await new AadIssuer().start();
  tab = await startTabApp({ issuer });
});

afterAll(async () => {
  await tab?.close();
  await issuer?.stop();
});

/** The actor the bot resolves for a message from this person in this chat, exactly as a chat turn does. */
async function chatActor(aadObjectId: string, conversation: { id: string; kind: 'personal' | 'groupChat' }): Promise<PolicyActor> {
  const store = tab.app.services.store;
  const directory = await DirectoryRepository.open(store);
  const profiles = new ProfileRepository(store);
  const context = {
    activity: { from: { id: `29:${aadObjectId}`, aadObjectId }, conversation: { id: conversation.id, conversationType: conversation.kind }, channelData: { tenant: { id: TENANT } } },
  } as unknown as TurnContext;
  return resolveActor(
    context,
    { profileOf: (id) => profiles.get(id), liaisonGroupOfConversation: (id) => directory.groupOfConversation(id) },
    [SIT_ADMIN],
  );
}

interface TabQuestion {
  readonly action: Action;
  readonly request: { path: string; method?: 'POST' };
  readonly chat: { id: string; kind: 'personal' | 'groupChat' };
  /** What the chat decides for the same person. */
  readonly decides: (actor: PolicyActor, groupSchools: readonly string[]) => boolean;
}

const PERSONAL = { id: 'a:personal', kind: 'personal' } as const;
const QUESTIONS: TabQuestion[] = [
  { action: 'school.view', request: { path: '/api/tab/school?urn=900001' }, chat: PERSONAL, decides: (actor) => decide(actor, 'school.view', { urn: '900001' }).allowed },
  {
    action: 'nomination.edit',
    request: { path: `/api/tab/group?conversationId=${encodeURIComponent(GROUP_CHAT)}&kind=groupChat` },
    chat: { id: GROUP_CHAT, kind: 'groupChat' },
    // The group's tab is for those who make its nomination in the chat, and for the SIT, who reviews every group's.
    decides: (actor, schoolUrns) => actor.isSitAdmin || decide(actor, 'nomination.edit', { liaisonGroupId: 'lg-01', schoolUrns }).allowed,
  },
  { action: 'nomination.review', request: { path: '/api/tab/sit/coverage' }, chat: PERSONAL, decides: (actor) => decide(actor, 'nomination.review', {}).allowed },
  { action: 'attendance.register', request: { path: '/api/tab/sit/attendance' }, chat: PERSONAL, decides: (actor) => decide(actor, 'attendance.register', {}).allowed },
  { action: 'export.acrossSchools', request: { path: '/api/tab/sit/exports/attendance', method: 'POST' }, chat: PERSONAL, decides: (actor) => decide(actor, 'export.acrossSchools', {}).allowed },
];
const PEOPLE = [HEAD.aadObjectId, OTHER_HEAD.aadObjectId, PENDING_HEAD.aadObjectId, HEAD_ELSEWHERE.aadObjectId, LEADER.aadObjectId, SIT_ADMIN, STRANGER];

describe('the tab and the chat decide alike', () => {
  it.each(QUESTIONS)('for $action, every person is allowed in the tab exactly when the chat allows them', async ({ request, chat, decides }) => {
    const directory = await DirectoryRepository.open(tab.app.services.store);
    const groupSchools = directory.schoolsInLiaisonGroup('lg-01').map((school) => school.urn);
    const outcomes: string[] = [];
    for (const person of PEOPLE) {
      const token = await issuer.token({ oid: person, tid: TENANT, audience: AUDIENCE });
      const response = await fetch(`${tab.base}${request.path}`, { method: request.method ?? 'GET', headers: { authorization: `Bearer ${token}` } });
      expect([200, 403], `${person}: ${response.status}`).toContain(response.status);
      const inChat = decides(await chatActor(person, chat), groupSchools);
      outcomes.push(`${person}: tab ${response.status === 200 ? 'allows' : 'refuses'}, chat ${inChat ? 'allows' : 'refuses'}`);
      expect(response.status === 200, outcomes.at(-1)).toBe(inChat);
    }
    // Each question has someone allowed and someone refused, so the comparison means something.
    expect(outcomes.some((line) => line.includes('tab allows'))).toBe(true);
    expect(outcomes.some((line) => line.includes('tab refuses'))).toBe(true);
  });
});
