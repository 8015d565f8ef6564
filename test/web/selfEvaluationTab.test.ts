import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchoolSelfEvaluationView, SelfEvaluationOverviewView } from '../../dialogs/selfEvaluation/tabView.js';
import { SHIPPED_QUESTIONS } from '../../domain/selfEvaluation/questions.js';
import { HEAD, OTHER_HEAD, SELF_EVALUATION_HOSTILE as hostile, PENDING_HEAD, SIT_ADMIN, startTabApp, type TabApp } from './tabFixtures.js';

let tab: TabApp;

beforeAll(async () => {
  tab = await startTabApp({ devMode: true });
});

afterAll(async () => tab?.close());

async function as(oid: string, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${tab.base}${path}`, { headers: { 'x-dev-aad-object-id': oid } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('the self-evaluation in the tab', () => {
  it('shows the school its snapshots beside its draft, and its action plan under Appendix 1’s columns', async () => {
    const me = await as(HEAD.aadObjectId, '/api/tab/me');
    expect(me.body.views).toContain('selfEvaluation');
    const { status, body } = await as(HEAD.aadObjectId, '/api/tab/self-evaluation');
    expect(status).toBe(200);
    const view = body as unknown as SchoolSelfEvaluationView;
    expect(view.snapshots).toEqual([{ term: 'autumn 2021', submittedAt: '2021-10-01T09:00:00.000Z', reviewed: false }]);
    expect(view.hasDraft).toBe(true);
    const first = view.keyIssues[0];
    expect(first?.question).toBe(SHIPPED_QUESTIONS.keyIssues[0]?.question);
    expect(first?.snapshots[0]).toMatchObject({ step: 'Beginning', texts: { evidence: hostile }, comment: null });
    expect(first?.draft).toMatchObject({ step: 'Developing', texts: { evidence: 'Now with data' } });
    expect(view.actionPlan.columns).toEqual(['Key Actions', 'Lead', 'Time scale', 'Outcome', 'Monitoring', 'Completed']);
    expect(view.actionPlan.actions).toEqual([expect.objectContaining({ number: 1, keyAction: 'Governors briefing on NtG Strategy', timeScale: 'Summer 2022', dueDate: '2022-08-31', completed: null, fromKeyIssue: 1 })]);
  });

  it('shows nobody else’s: another school, a pending claim and the SIT get no school’s words', async () => {
    const other = await as(OTHER_HEAD.aadObjectId, '/api/tab/self-evaluation');
    expect(other.status).toBe(200);
    expect(JSON.stringify(other.body)).not.toContain('Governors briefing');
    expect((other.body as unknown as SchoolSelfEvaluationView).school.urn).toBe(OTHER_HEAD.urn);
    const pending = await as(PENDING_HEAD.aadObjectId, '/api/tab/self-evaluation');
    expect(pending.status).toBe(403);
    expect(pending.body.error).toContain('not verified yet');
    expect((await as(PENDING_HEAD.aadObjectId, '/api/tab/me')).body.views).not.toContain('selfEvaluation');
    const sit = await as(SIT_ADMIN, '/api/tab/self-evaluation');
    expect(sit.status).toBe(403);
    expect(JSON.stringify(sit.body)).not.toContain('Governors briefing');
  });

  it('shows the SIT the overview across schools, and only the SIT', async () => {
    const { status, body } = await as(SIT_ADMIN, '/api/tab/sit/self-evaluations');
    expect(status).toBe(200);
    const view = body as unknown as SelfEvaluationOverviewView;
    expect(view.visits).toEqual([{ urn: HEAD.urn, schoolName: expect.any(String), date: '2022-03-01', state: 'overdue', status: 'started' }]);
    expect(view.steps).toEqual(['Not started', 'Beginning', 'Developing', 'Embedded']);
    expect(view.strands.map((strand) => strand.counts.reduce((sum, count) => sum + count, 0))).toEqual(
      SHIPPED_QUESTIONS.strands.map((strand) => SHIPPED_QUESTIONS.keyIssues.filter((issue) => issue.strand === strand.id).length),
    );
    expect(view.groups.reduce((sum, group) => sum + group.started, 0)).toBe(1);
    const refused = await as(HEAD.aadObjectId, '/api/tab/sit/self-evaluations');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toContain('Only the School Improvement Team');
  });
});
