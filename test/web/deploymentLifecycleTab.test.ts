import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LifecycleRowsView, MeView, SchoolDeploymentsView } from '../../bot/http/tabApi.js';
import { HEAD, HEAD_ELSEWHERE, LEADER, LIFECYCLE_HOSTILE, OTHER_HEAD, PENDING_HEAD, SIT_ADMIN, STRANGER, startTabApp, type TabApp } from './tabFixtures.js';

let tab: TabApp;

beforeAll(async () => {
  tab = await startTabApp({ devMode: true });
});

afterAll(async () => tab?.close());

async function as<T = Record<string, unknown>>(oid: string, path: string): Promise<{ status: number; body: T & { error?: string } }> {
  const response = await fetch(`${tab.base}${path}`, { headers: { 'x-dev-aad-object-id': oid } });
  return { status: response.status, body: (await response.json()) as T & { error?: string } };
}

describe('TSI deployments in the tab', () => {
  it('shows the system leader their own deployments: stage, what is due next, days used of agreed', async () => {
    expect((await as<MeView>(LEADER.aadObjectId, '/api/tab/me')).body.views).toContain('myDeployments');
    const { status, body } = await as<LifecycleRowsView>(LEADER.aadObjectId, '/api/tab/my-deployments');
    expect(status).toBe(200);
    expect(body.deployments.map((row) => row.urn).sort()).toEqual([HEAD.urn, HEAD_ELSEWHERE.urn].sort());
    const under = body.deployments.find((row) => row.urn === HEAD.urn);
    expect(under).toMatchObject({ stage: 'Deployment', daysUsed: 3, agreedDays: 10, systemLeader: null });
    expect(under?.next).toEqual({ title: expect.stringContaining('Pre-engagement checklist'), dueOn: '2022-02-07', overdue: true });
    const fresh = body.deployments.find((row) => row.urn === HEAD_ELSEWHERE.urn);
    expect(fresh).toMatchObject({ stage: 'Engagement', daysUsed: 0 });
    expect(fresh?.next).toMatchObject({ dueOn: '2022-03-17', overdue: false });
    // Another system leader's deployment is not among them.
    expect(JSON.stringify(body)).not.toContain(OTHER_HEAD.urn);
  });

  it('shows the supported school its stage and the dates agreed, and nothing of another school’s', async () => {
    expect((await as<MeView>(HEAD.aadObjectId, '/api/tab/me')).body.views).toContain('ourDeployment');
    const { status, body } = await as<SchoolDeploymentsView>(HEAD.aadObjectId, '/api/tab/our-deployment');
    expect(status).toBe(200);
    expect(body.deployments).toEqual([
      {
        recipient: expect.any(String),
        systemLeader: LEADER.name,
        stage: 'Deployment',
        agreedDays: 10,
        firstVisitOn: '2022-02-01',
        daysOn: ['2022-02-07', '2022-02-08', '2022-02-09'],
        extensionWindowEndsOn: null,
      },
    ]);
    const other = await as<SchoolDeploymentsView>(OTHER_HEAD.aadObjectId, '/api/tab/our-deployment');
    expect(other.body.deployments.map((deployment) => deployment.systemLeader)).toEqual([LIFECYCLE_HOSTILE]);
    expect(JSON.stringify(other.body)).not.toContain(LEADER.name);
  });

  it('shows the SIT every deployment, the overdue first, and only the SIT', async () => {
    const { status, body } = await as<LifecycleRowsView>(SIT_ADMIN, '/api/tab/sit/deployments');
    expect(status).toBe(200);
    // Overdue first, each group by the date its next step falls due.
    expect(body.deployments.map((row) => [row.urn, row.systemLeader, row.next?.overdue])).toEqual([
      [HEAD.urn, LEADER.name, true],
      [OTHER_HEAD.urn, LIFECYCLE_HOSTILE, true],
      [HEAD_ELSEWHERE.urn, LEADER.name, false],
    ]);
  });

  it.each([
    { who: 'a headteacher', oid: HEAD.aadObjectId, path: '/api/tab/my-deployments', says: 'recorded by the system leader' },
    { who: 'a headteacher', oid: HEAD.aadObjectId, path: '/api/tab/sit/deployments', says: 'School Improvement Team' },
    { who: 'a system leader', oid: LEADER.aadObjectId, path: '/api/tab/sit/deployments', says: 'School Improvement Team' },
    { who: 'a system leader', oid: LEADER.aadObjectId, path: '/api/tab/our-deployment', says: 'school' },
    { who: 'a head not verified yet', oid: PENDING_HEAD.aadObjectId, path: '/api/tab/our-deployment', says: 'not verified yet' },
    { who: 'someone the bot does not know', oid: STRANGER, path: '/api/tab/my-deployments', says: 'system leader' },
  ])('refuses $who $path, with the policy’s reason, and shows no deployment', async ({ oid, path, says }) => {
    const { status, body } = await as(oid, path);
    expect(status).toBe(403);
    expect(body.error).toContain(says);
    expect(body).not.toHaveProperty('deployments');
  });
});
