import { describe, expect, it } from 'vitest';
import { clearReviewVisit, countsByGroup, countsByStrand, reviewVisits, setReviewVisit, submittedSince } from '../../../domain/selfEvaluation/overview.js';
import { SHIPPED_QUESTIONS } from '../../../domain/selfEvaluation/questions.js';
import { markReviewed, newSelfEvaluation, saveAnswer, startDraft, submit, type SelfEvaluation } from '../../../domain/selfEvaluation/record.js';

const SET = SHIPPED_QUESTIONS;
const SIT = { aadObjectId: 'aad-sit', name: 'Sam Adviser' };
const NOW = new Date('2026-10-05T09:00:00Z');
const LATER = new Date('2026-11-05T09:00:00Z');

function submitted(urn: string, step: (keyIssue: number) => string): SelfEvaluation {
  let record = newSelfEvaluation(urn);
  for (const issue of SET.keyIssues) record = saveAnswer(record, issue.number, { step: step(issue.number), texts: {}, editedBy: SIT, editedAt: NOW.toISOString() }, NOW).record;
  const result = submit(SET, record, SIT, NOW);
  if (!result.ok) throw new Error(result.errors.join(' '));
  return result.value;
}
const reviewed = (record: SelfEvaluation, at = LATER): SelfEvaluation => {
  const result = markReviewed(record, SIT, at);
  if (!result.ok) throw new Error(result.errors.join(' '));
  return result.value;
};
const started = (urn: string) => saveAnswer(newSelfEvaluation(urn), 1, { step: 'beginning', texts: {}, editedBy: SIT, editedAt: NOW.toISOString() }, NOW).record;

describe('counts by liaison group', () => {
  it('counts each group’s schools started, submitted and reviewed, lists every group, and puts schools in no known group apart', () => {
    const groupOf = (urn: string) => ({ '100001': 'lg-01', '100002': 'lg-01', '100003': 'lg-02', '100004': 'lg-99' })[urn];
    const counts = countsByGroup([started('100001'), submitted('100002', () => 'embedded'), reviewed(submitted('100003', () => 'embedded')), started('100004'), started('100005')], groupOf, ['lg-01', 'lg-02', 'lg-03']);
    expect(counts).toEqual([
      { liaisonGroupId: 'lg-01', started: 1, submitted: 1, reviewed: 0 },
      { liaisonGroupId: 'lg-02', started: 0, submitted: 0, reviewed: 1 },
      { liaisonGroupId: 'lg-03', started: 0, submitted: 0, reviewed: 0 },
      { liaisonGroupId: undefined, started: 2, submitted: 0, reviewed: 0 },
    ]);
  });
});

describe('counts by strand', () => {
  it('counts each strand’s key issues at each step over the schools’ latest submitted self-evaluations, not drafts', () => {
    const know = SET.keyIssues.filter((issue) => issue.strand === 'know').map((issue) => issue.number);
    const first = submitted('100001', (number) => (know.includes(number) ? 'developing' : 'notStarted'));
    // A second term's draft under way does not change what the latest snapshot says.
    const withDraft = { ...first, draft: startDraft(first, LATER) };
    const counts = countsByStrand(SET, [withDraft, submitted('100002', () => 'embedded'), started('100003')]);
    expect(counts.find((row) => row.strand === 'know')).toEqual({ strand: 'know', steps: { notStarted: 0, beginning: 0, developing: know.length, embedded: know.length }, schools: 2 });
    const narrow = SET.keyIssues.filter((issue) => issue.strand === 'narrow').length;
    expect(counts.find((row) => row.strand === 'narrow')?.steps).toEqual({ notStarted: narrow, beginning: 0, developing: 0, embedded: narrow });
  });
});

describe('review visits (overdue: the council’s own reading)', () => {
  it('lists overdue first, then those coming soonest first, then those done; a review before the visit was set does not count', () => {
    const visit = (record: SelfEvaluation, date: string, at = NOW) => setReviewVisit(record, date, SIT, at);
    const records = [
      visit(started('100001'), '2026-12-01'),
      visit(submitted('100002', () => 'embedded'), '2026-11-01'),
      visit(reviewed(submitted('100003', () => 'embedded')), '2026-11-01'),
      visit(reviewed(submitted('100004', () => 'embedded'), NOW), '2026-10-20', LATER),
      visit(started('100005'), '2026-11-20'),
      started('100006'),
    ];
    expect(reviewVisits(records, '2026-11-10').map((row) => [row.urn, row.state, row.status])).toEqual([
      ['100004', 'overdue', 'reviewed'],
      ['100002', 'overdue', 'submitted'],
      ['100005', 'coming', 'started'],
      ['100001', 'coming', 'started'],
      ['100003', 'done', 'reviewed'],
    ]);
  });

  it('is coming on its own day, and setting the same date again changes nothing', () => {
    const record = setReviewVisit(started('100001'), '2026-11-10', SIT, NOW);
    expect(reviewVisits([record], '2026-11-10')[0]?.state).toBe('coming');
    expect(setReviewVisit(record, '2026-11-10', SIT, LATER)).toBe(record);
  });

  it('is cleared once: a school with no visit has nothing to clear', () => {
    const cleared = clearReviewVisit(setReviewVisit(started('100001'), '2026-11-10', SIT, NOW));
    if (!cleared.ok) throw new Error(cleared.errors.join(' '));
    expect(reviewVisits([cleared.value], '2026-11-01')).toEqual([]);
    expect(clearReviewVisit(cleared.value)).toEqual({ ok: false, errors: ['That school has no review visit set, so there is nothing to clear.'] });
  });
});

describe('submitted since the SIT administrator last looked (the council’s own reading)', () => {
  const records = [submitted('100002', () => 'embedded'), reviewed(submitted('100001', () => 'embedded')), started('100003')];

  it('lists the latest self-evaluations submitted after the last look, reviewed or not, oldest first; nothing submitted at or before it', () => {
    expect(submittedSince(records, '2026-10-01T00:00:00.000Z').map((row) => [row.urn, row.term, row.reviewed])).toEqual([
      ['100001', 'autumn 2026', true],
      ['100002', 'autumn 2026', false],
    ]);
    expect(submittedSince(records, NOW.toISOString())).toEqual([]);
  });

  it('on a first look, lists those waiting for review', () => {
    expect(submittedSince(records, undefined).map((row) => row.urn)).toEqual(['100002']);
  });
});
