import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../domain/nomination/edit.js';
import { newNomination, type Nomination } from '../../../domain/nomination/nomination.js';
import { selectNomination, submitNomination } from '../../../domain/nomination/submit.js';
import { ALICE, BOB, completeNomination, CONTEXT, GROUP, NOW, SCHOOLS_BY_URN, SIT } from './fixtures.js';

const LATER = new Date('2021-11-20T09:30:00Z');
const submitContext = (overrides: Partial<Parameters<typeof submitNomination>[1]> = {}) => ({
  by: ALICE,
  now: NOW,
  commitmentsConfirmed: true,
  group: GROUP,
  schoolsByUrn: SCHOOLS_BY_URN,
  ...overrides,
});

function value<T>(result: { ok: true; value: T } | { ok: false; errors: string[] }): T {
  if (!result.ok) throw new Error(result.errors.join(' '));
  return result.value;
}

describe('submitNomination', () => {
  it('submits a clean nomination with the commitments confirmed', () => {
    const submitted = value(submitNomination(completeNomination(), submitContext()));
    expect(submitted).toMatchObject({ status: 'submitted', commitmentsConfirmed: true, submittedBy: ALICE, submittedAt: NOW.toISOString(), history: [] });
  });

  it('refuses a submission without the commitments confirmed', () => {
    const result = submitNomination(completeNomination(), submitContext({ commitmentsConfirmed: false }));
    expect(result).toEqual({ ok: false, errors: [expect.stringMatching(/confirm the champion school's commitments/)] });
  });

  it('refuses a nomination with unanswered questions, saying what is still to answer', () => {
    const result = submitNomination(newNomination(GROUP.id), submitContext());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContain('Still to answer: First choice: the school.');
  });

  it('a new submission replaces the earlier one, which is kept in history', () => {
    const first = value(submitNomination(completeNomination(), submitContext()));
    const again = value(submitNomination(first, submitContext({ by: BOB, now: LATER })));
    expect(again).toMatchObject({ status: 'submitted', submittedBy: BOB, submittedAt: LATER.toISOString() });
    expect(again.history).toEqual([{ first: first.first, second: first.second, submittedBy: ALICE, submittedAt: NOW.toISOString() }]);
  });

  it('editing a submitted nomination makes it a draft again and keeps the submission in history', () => {
    const submitted = value(submitNomination(completeNomination(), submitContext()));
    const redrafted = value(applyEdit(submitted, { kind: 'set_champion_name', choice: 'first', name: 'New Champion' }, { ...CONTEXT, by: BOB, now: LATER }));
    expect(redrafted.status).toBe('draft');
    expect(redrafted.commitmentsConfirmed).toBe(false);
    expect(redrafted.submittedBy).toBeUndefined();
    expect(redrafted.history).toHaveLength(1);
    expect(redrafted.history[0]?.first.champion.name).toBe('Champion 100001');

    const resubmitted = value(submitNomination(redrafted, submitContext({ by: BOB, now: LATER })));
    expect(resubmitted.first.champion.name).toBe('New Champion');
    expect(resubmitted.history).toHaveLength(1);
  });

  it('an edit that changes nothing leaves a submitted nomination submitted', () => {
    const submitted = value(submitNomination(completeNomination(), submitContext()));
    const same = value(applyEdit(submitted, { kind: 'set_stable_slt', choice: 'first', stableSlt: true }, CONTEXT));
    expect(same).toBe(submitted);
  });
});

describe('selectNomination', () => {
  const submitted = (): Nomination => value(submitNomination(completeNomination(), submitContext()));

  it.each(['selected', 'reserve_selected', 'not_selected'] as const)('the SIT can decide a submitted nomination: %s', (decision) => {
    const decided = value(selectNomination(submitted(), decision, { by: SIT, now: LATER }));
    expect(decided).toMatchObject({ status: decision, decision: { decision, decidedBy: SIT, decidedAt: LATER.toISOString() } });
  });

  it('the SIT can change its decision', () => {
    const reserve = value(selectNomination(submitted(), 'reserve_selected', { by: SIT, now: NOW }));
    expect(value(selectNomination(reserve, 'selected', { by: SIT, now: LATER })).status).toBe('selected');
  });

  it('a draft cannot be decided', () => {
    expect(selectNomination(completeNomination(), 'selected', { by: SIT, now: NOW })).toEqual({
      ok: false,
      errors: ['This nomination has not been submitted, so there is nothing to decide yet.'],
    });
  });

  it('an unknown decision is refused in plain words', () => {
    expect(selectNomination(submitted(), 'maybe', { by: SIT, now: NOW })).toEqual({
      ok: false,
      errors: ['The decision must be selected, reserve selected or not selected.'],
    });
  });

  it('a decided nomination can no longer be edited or resubmitted by the group', () => {
    const decided = value(selectNomination(submitted(), 'selected', { by: SIT, now: NOW }));
    const edit = applyEdit(decided, { kind: 'set_champion_name', choice: 'first', name: 'Someone Else' }, CONTEXT);
    expect(edit.ok).toBe(false);
    expect(submitNomination(decided, submitContext()).ok).toBe(false);
  });
});
