import { describe, expect, it } from 'vitest';
import { loadQuestionSet, SHIPPED_QUESTIONS, type QuestionSet } from '../../../domain/selfEvaluation/questions.js';
import {
  answerFrom,
  comment,
  completenessOf,
  LONGEST_ANSWER,
  markReviewed,
  newSelfEvaluation,
  saveAnswer,
  startDraft,
  statusOf,
  submit,
  termOf,
  type Answer,
  type SelfEvaluation,
} from '../../../domain/selfEvaluation/record.js';
import rawQuestions from '../../../data/programme/self-evaluation.json' with { type: 'json' };

const SET = SHIPPED_QUESTIONS;
const HEAD = { aadObjectId: 'aad-head', name: 'Alex Head' };
const SIT = { aadObjectId: 'aad-sit', name: 'Sam Adviser' };
const NOW = new Date('2026-10-05T09:00:00Z');

const full = { whereAreWe: 'Words', lead: 'AO', evidence: 'SEF', nextSteps: 'Governors', impact: 'Gap narrowed' };
const answer = (step: string | undefined, texts: Partial<typeof full>): Answer => ({ step, texts, editedBy: HEAD, editedAt: NOW.toISOString() });

function allStepped(): SelfEvaluation {
  let record = newSelfEvaluation('900001');
  for (const issue of SET.keyIssues) record = saveAnswer(record, issue.number, answer('developing', { lead: `Lead ${issue.number}` }), NOW).record;
  return record;
}

describe('the shipped question set', () => {
  it('holds Appendix 3’s eighteen key issues in order, each in one of the four strands, under the five headings', () => {
    expect(SET.keyIssues).toHaveLength(18);
    expect(SET.keyIssues[0]?.question).toBe('How do you ensure that NtG has a high profile in your school?');
    expect(SET.keyIssues[16]?.question).toBe('How are you gathering evidence of the impact of extended services');
    expect(SET.headings.map((heading) => heading.title)).toEqual(['Where are we?', 'Lead', 'Evidence', 'Next steps', 'Impact']);
    expect(new Set(SET.keyIssues.map((issue) => issue.strand))).toEqual(new Set(['know', 'narrow', 'mind', 'celebrate']));
  });

  const broken = (change: (set: QuestionSet) => unknown) => loadQuestionSet(change(structuredClone(rawQuestions) as QuestionSet));
  it.each([
    ['a key issue in a strand that does not exist', (set: QuestionSet) => ({ ...set, keyIssues: set.keyIssues.map((issue, index) => (index === 2 ? { ...issue, strand: 'close' } : issue)) }), 'keyIssues.2.strand'],
    ['key issues out of order', (set: QuestionSet) => ({ ...set, keyIssues: [...set.keyIssues].reverse() }), 'keyIssues.0.number'],
    ['a heading missing', (set: QuestionSet) => ({ ...set, headings: set.headings.slice(1) }), 'headings'],
    ['a step used twice', (set: QuestionSet) => ({ ...set, scale: { ...set.scale, steps: [...set.scale.steps, set.scale.steps[0]] } }), 'scale.steps'],
  ])('refuses a question set with %s, saying where', (_name, change, where) => {
    const loaded = broken(change);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.errors.join(' ')).toContain(where);
  });
});

describe('completeness of a key issue', () => {
  it.each([
    ['nothing', undefined, 'not started'],
    ['a step only', answer('beginning', {}), 'partly done'],
    ['words only', answer(undefined, { lead: 'AO' }), 'partly done'],
    ['every heading but no step', answer(undefined, full), 'partly done'],
    ['a step and four headings', answer('embedded', { ...full, impact: '' }), 'partly done'],
    ['a step and every heading', answer('embedded', full), 'complete'],
  ] as const)('%s is %s', (_name, given, expected) => {
    expect(completenessOf(given)).toBe(expected);
  });
});

describe('an answer as typed', () => {
  it.each([
    ['a step that is not on the scale', { step: 'excellent', texts: {} }, 'must be one of: Not started, Beginning, Developing, Embedded'],
    ['words longer than the limit', { texts: { evidence: 'x'.repeat(LONGEST_ANSWER + 1) } }, `Evidence is ${LONGEST_ANSWER + 1} characters long`],
  ])('refuses %s', (_name, input, message) => {
    const result = answerFrom(SET, 3, input, HEAD, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join(' ')).toContain(message);
  });

  it('refuses a key issue that does not exist', () => {
    const result = answerFrom(SET, 19, { texts: {} }, HEAD, NOW);
    expect(result.ok ? [] : result.errors).toEqual(['There is no key issue 19: they are numbered 1 to 18.']);
  });

  it('keeps words trimmed, drops blank headings and records who wrote and when', () => {
    const result = answerFrom(SET, 3, { step: 'developing', texts: { lead: '  AO ', evidence: '   ' } }, HEAD, NOW);
    expect(result).toEqual({ ok: true, value: { step: 'developing', texts: { lead: 'AO' }, editedBy: HEAD, editedAt: NOW.toISOString() } });
  });
});

describe('saving, submitting and reviewing', () => {
  it('saving one key issue leaves every other key issue as it was', () => {
    let record = saveAnswer(newSelfEvaluation('900001'), 1, answer('beginning', { lead: 'One' }), NOW).record;
    record = saveAnswer(record, 2, answer('embedded', { lead: 'Two' }), NOW).record;
    expect(record.draft?.answers['1']?.texts.lead).toBe('One');
    expect(record.draft?.answers['2']?.texts.lead).toBe('Two');
    expect(saveAnswer(record, 2, answer('embedded', { lead: 'Two' }), NOW).changed).toBe(false);
  });

  it.each([
    ['2026-09-01T09:00:00Z', 'autumn 2026'],
    ['2026-12-31T23:30:00Z', 'autumn 2026'],
    ['2027-01-01T00:30:00Z', 'spring 2027'],
    // 31 March 23:30 UTC is already 1 April in London (summer time).
    ['2027-03-31T23:30:00Z', 'summer 2027'],
    ['2027-08-31T22:59:00Z', 'summer 2027'],
    ['2027-08-31T23:00:00Z', 'autumn 2027'],
  ])('a snapshot submitted at %s is named “%s” (London date)', (at, term) => {
    expect(termOf(new Date(at))).toBe(term);
  });

  it('refuses to submit while a key issue has no step, naming them', () => {
    const record = saveAnswer(newSelfEvaluation('900001'), 1, answer('beginning', {}), NOW).record;
    const result = submit(SET, record, HEAD, NOW);
    expect(result.ok ? '' : result.errors[0]).toContain('still to do: 2, 3, 4');
  });

  it('freezes the draft as a named snapshot; the next draft starts from it; a second in the same term is numbered', () => {
    const first = submit(SET, allStepped(), HEAD, NOW);
    if (!first.ok) throw new Error(first.errors.join(' '));
    expect(first.value.draft).toBeUndefined();
    expect(statusOf(first.value)).toBe('submitted');
    expect(first.value.snapshots[0]).toMatchObject({ term: 'autumn 2026', submittedBy: HEAD });
    const next = startDraft(first.value, NOW);
    expect(next.from).toBe('autumn 2026');
    expect(next.answers['7']?.texts.lead).toBe('Lead 7');
    const again = submit(SET, { ...first.value, draft: next }, HEAD, NOW);
    expect(again.ok && again.value.snapshots.map((snapshot) => snapshot.term)).toEqual(['autumn 2026', 'autumn 2026 (2)']);
  });

  it('an adviser comments per key issue and marks the snapshot reviewed, once', () => {
    const submitted = submit(SET, allStepped(), HEAD, NOW);
    if (!submitted.ok) throw new Error('not submitted');
    const commented = comment(SET, submitted.value, 4, '  Share the report with governors. ', SIT, NOW);
    expect(commented.ok && commented.value.snapshots[0]?.comments['4']?.text).toBe('Share the report with governors.');
    if (!commented.ok) return;
    const cleared = comment(SET, commented.value, 4, ' ', SIT, NOW);
    expect(cleared.ok && cleared.value.snapshots[0]?.comments).toEqual({});
    const reviewed = markReviewed(commented.value, SIT, NOW);
    expect(reviewed.ok && statusOf(reviewed.value)).toBe('reviewed');
    if (!reviewed.ok) return;
    expect(markReviewed(reviewed.value, SIT, NOW).ok).toBe(false);
  });

  it.each([
    ['comment on a school that has submitted nothing', () => comment(SET, allStepped(), 1, 'Hello', SIT, NOW)],
    ['mark reviewed a school that has submitted nothing', () => markReviewed(allStepped(), SIT, NOW)],
  ])('refuses to %s', (_name, act) => {
    expect(act()).toEqual({ ok: false, errors: ['This school has not submitted a self-evaluation yet.'] });
  });

  it.each([
    ['no record', undefined, 'not started'],
    ['a draft', allStepped(), 'started'],
  ] as const)('status with %s is %s', (_name, record, status) => {
    expect(statusOf(record)).toBe(status);
  });
});
