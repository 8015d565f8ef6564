import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../../../domain/deployment/answerChecks.js';
import type { DeploymentDraft } from '../../../domain/deployment/form.js';
import { emptyDraft } from './sampleDraft.js';

const TODAY = '2024-03-20';
const withDays = (days: readonly string[]): DeploymentDraft => ({ ...emptyDraft(), daysDeliveredLog: [...days] });
const tenDays = Array.from({ length: 10 }, (_, index) => `2024-02-${String(index + 1).padStart(2, '0')}`);

describe('checkAnswer: an answer against the rest of the form and today', () => {
  it.each([
    ['a review date that has not come yet', emptyDraft(), 3, 'reviewDate', '2030-01-01', '1 January 2030 has not come yet'],
    ['a signing date that has not come yet', emptyDraft(), 8, 'signedBySystemLeaderAt', '2024-03-21', '21 March 2024 has not come yet'],
    ['a review before the first day of support', withDays(['2024-03-05']), 3, 'reviewDate', '2024-03-04', 'cannot be before the first day of support you told me about, 5 March 2024'],
    ['a review after the deployment was completed', withDays(tenDays), 3, 'reviewDate', '2024-02-11', 'cannot be after the deployment was completed on 10 February 2024'],
  ])('refuses %s', (_rule, draft, section, field, value, reason) => {
    const checked = checkAnswer(draft, section as 3 | 8, field, value, TODAY);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.errors.join(' ')).toContain(reason);
  });

  it.each([
    ['a review held today', 3, 'reviewDate', TODAY],
    ['a review within the deployment', 3, 'reviewDate', '2024-02-06'],
    ['an answer that is no date', 3, 'progressSoFar', 'Good progress'],
  ] as const)('accepts %s', (_rule, section, field, value) => {
    expect(checkAnswer(withDays(tenDays.slice(0, 6)), section, field, value, TODAY)).toEqual({ ok: true, value });
  });
});
