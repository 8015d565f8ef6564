import type { TurnContext } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveActor } from '../../dialogs/actor.js';
import type { AttendanceMatrixView, CoverageView, DeploymentsView, ExportView, GroupView, MeView, SchoolView } from '../../bot/http/tabApi.js';
import { decide, type Action, type PolicyActor } from '../../domain/access/policy.js';
import { DirectoryRepository } from '../../storage/directoryRepository.js';
import { ProfileRepository } from '../../storage/profileRepository.js';
import { AadIssuer } from './aadIssuer.js';
import { AUDIENCE, GROUP_CHAT, HEAD, HEAD_ELSEWHERE, LEADER, OTHER_HEAD, OTHER_TENANT, PENDING_HEAD, SIT_ADMIN, STRANGER, TENANT, UNLINKED_CHAT, startTabApp, type TabApp } from './tabFixtures.js';

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

const tokenFor = (oid: string, overrides: { tid?: string; audience?: string; foreignKey?: boolean; issuer?: string } = {}) =>
  issuer.token({ oid, tid: overrides.tid ?? TENANT, audience: overrides.audience ?? AUDIENCE, ...(overrides.foreignKey ? { foreignKey: true } : {}), ...(overrides.issuer ? { issuer: overrides.issuer } : {}) });

async function call(path: string, credentials: { token?: string; devUser?: string } = {}, init: RequestInit = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = {};
  if (credentials.token) headers.authorization = `Bearer ${credentials.token}`;
  if (credentials.devUser) headers['x-dev-aad-object-id'] = credentials.devUser;
  const response = await fetch(`${tab.base}${path}`, { ...init, headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function as<T>(oid: string, path: string, init: RequestInit = {}): Promise<T> {
  const { status, body } = await call(path, { token: await tokenFor(oid) }, init);
  expect(status, JSON.stringify(body)).toBe(200);
  return body as T;
}

describe('the tab API signs people in with their Teams single sign-on token', () => {
  const refusals: { rule: string; path: string; credentials: () => Promise<{ token?: string; devUser?: string }> }[] = [
    { rule: 'no token: nobody is asking', path: '/api/tab/me', credentials: async () => ({}) },
    { rule: 'a token from another tenant', path: '/api/tab/school', credentials: async () => ({ token: await tokenFor(HEAD.aadObjectId, { tid: OTHER_TENANT }) }) },
    { rule: 'a token for another app', path: '/api/tab/school', credentials: async () => ({ token: await tokenFor(HEAD.aadObjectId, { audience: 'api://elsewhere/other-app' }) }) },
    { rule: 'a token signed with a key Azure AD did not publish', path: '/api/tab/school', credentials: async () => ({ token: await tokenFor(HEAD.aadObjectId, { foreignKey: true }) }) },
    {
      rule: 'a token whose issuer is not its tenant’s Azure AD',
      path: '/api/tab/school',
      credentials: async () => ({ token: await tokenFor(HEAD.aadObjectId, { issuer: 'https://sts.example.com/v2.0' }) }),
    },
    { rule: 'the development header while the bot’s authentication is on', path: '/api/tab/school', credentials: async () => ({ devUser: HEAD.aadObjectId }) },
    { rule: 'no token for the SIT’s views either', path: '/api/tab/sit/coverage', credentials: async () => ({}) },
  ];

  it.each(refusals)('refuses $rule (401)', async ({ path, credentials }) => {
    const { status, body } = await call(path, await credentials());
    expect(status).toBe(401);
    expect(body.error).toEqual(expect.any(String));
    expect(JSON.stringify(body)).not.toContain('Oakfield');
  });

  it('says whether the server is in local development, without sign-in', async () => {
    expect(await call('/api/tab/config')).toEqual({ status: 200, body: { devMode: false } });
  });
});

describe('each person sees the views their role allows', () => {
  it.each([
    { who: 'a headteacher', oid: HEAD.aadObjectId, views: ['school', 'selfEvaluation', 'ourDeployment'] },
    { who: 'a system leader', oid: LEADER.aadObjectId, views: ['deployments', 'myDeployments'] },
    { who: 'a SIT administrator (from configuration)', oid: SIT_ADMIN, views: ['sit'] },
    { who: 'someone the bot does not know yet', oid: STRANGER, views: [] },
  ])('$who', async ({ oid, views }) => {
    const me = await as<MeView>(oid, '/api/tab/me');
    expect(me.views).toEqual(views);
    if (views.length === 0) expect(me.setUp).toContain('which school you work at');
  });
});

describe('a headteacher’s programme record', () => {
  it('counts the sessions attended out of six and names what is missing', async () => {
    const record = await as<SchoolView>(HEAD.aadObjectId, '/api/tab/school');
    expect(record.school).toMatchObject({ urn: HEAD.urn, name: 'Fictional Oakfield Primary School (demo)', liaisonGroup: { id: 'lg-01' } });
    expect(record.attendance).toMatchObject({ attended: 2, outOf: 6, missing: ['T2', 'W2'] });
    expect(record.attendance.sessions.map((line) => [line.sessionId, line.status])).toEqual([
      ['T1', 'present'],
      ['W1', 'present'],
      ['T2', 'apologies'],
      ['W2', 'no_record'],
      ['T3', 'upcoming'],
      ['W3', 'upcoming'],
    ]);
  });

  it('shows the intersessional task as not handed in, and when it is due', async () => {
    const record = await as<SchoolView>(HEAD.aadObjectId, '/api/tab/school');
    expect(record.tasks).toEqual([expect.objectContaining({ taskId: 'IT', submitted: false, dueBefore: expect.objectContaining({ sessionId: 'T3' }) })]);
  });

  it('shows the school named first choice in its group’s nomination, selected, with the commitments confirmed', async () => {
    const record = await as<SchoolView>(HEAD.aadObjectId, '/api/tab/school');
    expect(record.champion).toMatchObject({ isChampion: true, named: { groupId: 'lg-01', choice: 'first', status: 'selected' }, commitmentsConfirmedAt: '2022-01-20T15:00:00.000Z' });
  });

  it('keeps the group’s whole nomination to the group’s own chat, as the chat does', async () => {
    const record = await as<SchoolView>(HEAD.aadObjectId, '/api/tab/school');
    expect(record.groupNomination).toMatchObject({ shownHere: false, reason: expect.stringContaining('group’s own chat') });
  });

  it('lists the headteacher’s own eligibility checks, newest first', async () => {
    const record = await as<SchoolView>(HEAD.aadObjectId, '/api/tab/school');
    expect(record.eligibilityChecks.map((check) => check.status)).toEqual(['not_eligible', 'by_exception', 'eligible']);
    expect(record.eligibilityChecks[2]).toMatchObject({ criteria: ['C3'], subject: 'Fictional Oakfield Primary School (demo)' });
  });

  it('refuses another school’s record (403), saying whose records they can see', async () => {
    const { status, body } = await call('/api/tab/school?urn=900002', { token: await tokenFor(HEAD.aadObjectId) });
    expect(status).toBe(403);
    expect(body.error).toContain('only your own school’s records (URN 900001)');
    expect(JSON.stringify(body)).not.toContain('Ashbrook');
  });

  it('refuses a URN that is not six digits (400)', async () => {
    expect((await call('/api/tab/school?urn=12ab', { token: await tokenFor(HEAD.aadObjectId) })).status).toBe(400);
  });

  it('lets the SIT open any school’s record, without anyone’s eligibility checks', async () => {
    const record = await as<SchoolView>(SIT_ADMIN, '/api/tab/school?urn=900002');
    expect(record).toMatchObject({ ownSchool: false, school: { urn: '900002' }, eligibilityChecks: [] });
  });
});

describe('a system leader’s deployment forms', () => {
  it('show each form’s days delivered and what is due now', async () => {
    const { forms, today } = await as<DeploymentsView>(LEADER.aadObjectId, '/api/tab/deployments');
    expect(today).toBe('2022-03-15');
    const byId = new Map(forms.map((form) => [form.id, form]));
    expect(byId.get('form-hazelcombe')).toMatchObject({ daysDelivered: 6, dueNow: [3], reminders: [{ kind: 'section3_due', dueDate: '2022-03-08', overdue: true }] });
    expect(byId.get('form-willowmere')).toMatchObject({ daysDelivered: 10, dueNow: [5, 7, 8], rdp: { name: 'Amanda Parry' } });
  });

  it('are refused to a headteacher (403), who confirms section 7 instead', async () => {
    const { status, body } = await call('/api/tab/deployments', { token: await tokenFor(HEAD.aadObjectId) });
    expect(status).toBe(403);
    expect(body.instead).toContain('section 7');
  });
});

describe('the SIT’s views', () => {
  it('show how many of the 18 liaison groups have nominated, and who is still to', async () => {
    const coverage = await as<CoverageView>(SIT_ADMIN, '/api/tab/sit/coverage');
    expect(coverage).toMatchObject({ nominated: 12, of: 18 });
    expect(coverage.missingGroups.map((group) => group.id)).toEqual(['lg-13', 'lg-14', 'lg-15', 'lg-16', 'lg-17', 'lg-18']);
    expect(coverage.groups.find((group) => group.id === 'lg-01')?.nomination).toMatchObject({ status: 'selected', first: { urn: HEAD.urn, championName: 'Champion 1A' } });
  });

  it('show the attendance matrix across every signed-up school, or filtered by liaison group', async () => {
    const all = await as<AttendanceMatrixView>(SIT_ADMIN, '/api/tab/sit/attendance');
    const group = await as<AttendanceMatrixView>(SIT_ADMIN, '/api/tab/sit/attendance?group=lg-01');
    expect(all.groups).toHaveLength(18);
    expect(all.columns.map((column) => column.sessionId)).toEqual(['T1', 'W1', 'T2', 'W2', 'T3', 'W3']);
    expect(all.columns.map((column) => column.started)).toEqual([true, true, true, true, false, false]);
    expect(group.rows.every((row) => row.liaisonGroupId === 'lg-01')).toBe(true);
    expect(group.rows.length).toBeGreaterThan(0);
    expect(all.rows.length).toBeGreaterThan(group.rows.length);
    expect(group.rows.find((row) => row.urn === HEAD.urn)).toMatchObject({ cells: { T1: 'present', W1: 'present', T2: 'apologies', W2: '' }, attended: 2, outOf: 6 });
  });

  it('say so when asked for a liaison group that does not exist (404) or is not a group id (400)', async () => {
    const token = await tokenFor(SIT_ADMIN);
    expect((await call('/api/tab/sit/attendance?group=lg-99', { token })).status).toBe(404);
    expect((await call('/api/tab/sit/attendance?group=..%2Fprofiles', { token })).status).toBe(400);
  });

  it.each([
    { view: 'nomination coverage', path: '/api/tab/sit/coverage', method: 'GET' },
    { view: 'attendance matrix', path: '/api/tab/sit/attendance', method: 'GET' },
    { view: 'exports', path: '/api/tab/sit/exports/attendance', method: 'POST' },
  ])('are refused to a headteacher (403): $view', async ({ path, method }) => {
    const { status, body } = await call(path, { token: await tokenFor(HEAD.aadObjectId) }, { method });
    expect(status).toBe(403);
    expect(body.error).toContain('Only the School Improvement Team');
  });

  it('make exports whose links open for the SIT administrator only', async () => {
    const made = await as<ExportView>(SIT_ADMIN, '/api/tab/sit/exports/attendance', { method: 'POST' });
    expect(made.files.map((file) => file.filename)).toEqual(['attendance-2021-22-2022-03-15.xlsx', 'attendance-2021-22-2022-03-15.csv']);
    const csv = made.files[1]!;
    const own = await fetch(`${tab.base}${csv.path}`, { headers: { authorization: `Bearer ${await tokenFor(SIT_ADMIN)}` } });
    expect(own.status).toBe(200);
    expect(await own.text()).toContain('Fictional Oakfield Primary School (demo)');
    const someoneElse = await fetch(`${tab.base}${csv.path}`, { headers: { authorization: `Bearer ${await tokenFor(HEAD.aadObjectId)}` } });
    expect(someoneElse.status).toBe(403);
  });

  it('export the nominations too', async () => {
    const made = await as<ExportView>(SIT_ADMIN, '/api/tab/sit/exports/nominations', { method: 'POST' });
    expect(made.files.map((file) => file.filename)).toEqual(['champion-nominations-2022-03-15.xlsx', 'champion-nominations-2022-03-15.csv']);
  });
});

describe('the tab in a liaison group’s chat', () => {
  const group = (chat: string) => `/api/tab/group?conversationId=${encodeURIComponent(chat)}&kind=groupChat`;

  it('shows the group’s nomination to a headteacher of one of its schools', async () => {
    const view = await as<GroupView>(HEAD.aadObjectId, group(GROUP_CHAT));
    expect(view).toMatchObject({ group: { id: 'lg-01' }, nomination: { status: 'selected', first: { urn: HEAD.urn }, second: { urn: '900002' } } });
  });

  it('refuses someone whose school is in another group (403), whichever chat they say they are in', async () => {
    const { status } = await call(group(GROUP_CHAT), { token: await tokenFor(HEAD_ELSEWHERE.aadObjectId) });
    expect(status).toBe(403);
  });

  it('says a chat not linked to a liaison group has no nomination to show (404)', async () => {
    const { status, body } = await call(group(UNLINKED_CHAT), { token: await tokenFor(HEAD.aadObjectId) });
    expect(status).toBe(404);
    expect(body.error).toContain('not linked');
  });
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
