import { describe, expect, it } from 'vitest';
import { parseLifecycleStatement } from '../../../domain/deploymentLifecycle/statements.js';

const TODAY = '2025-01-20';

describe('a system leader’s words as a step', () => {
  it.each([
    { typed: 'I can support Willowmere', read: { kind: 'ability', school: 'Willowmere', canSupport: true, on: TODAY } },
    { typed: "I can't support Willowmere Primary", read: { kind: 'ability', school: 'Willowmere Primary', canSupport: false, on: TODAY } },
    { typed: 'The RDP asked me to support Willowmere on 14 January', read: { kind: 'rdpContact', school: 'Willowmere', on: '2025-01-14' } },
    { typed: 'contacted the school on 15 January', read: { kind: 'engagement', step: 'schoolContacted', on: '2025-01-15' } },
    { typed: 'met the school on 12 January', read: { kind: 'engagement', step: 'firstVisit', on: '2025-01-12' } },
    { typed: 'met the school on 12 December', read: { kind: 'engagement', step: 'firstVisit', on: '2024-12-12' } },
    { typed: 'met the school', read: { kind: 'engagement', step: 'firstVisit', on: TODAY } },
    { typed: 'met Willowmere yesterday', read: { kind: 'engagement', step: 'firstVisit', school: 'Willowmere', on: '2025-01-19' } },
    { typed: 'delivered day 3 on 14 January', read: { kind: 'day', day: 3, days: 1, on: '2025-01-14' } },
    { typed: 'delivered half a day on 2025-01-15', read: { kind: 'day', days: 0.5, on: '2025-01-15' } },
    { typed: 'pre-engagement checklist done', read: { kind: 'checklist', checklist: 'preEngagement', on: TODAY } },
    { typed: 'Mid-engagement checklist done: Reading is on track', read: { kind: 'checklist', checklist: 'midEngagement', on: TODAY, note: 'Reading is on track' } },
    { typed: 'returned the mid-engagement return to the RDP', read: { kind: 'midReturn', on: TODAY } },
    { typed: 'request an extension of 3 days because phonics needs another term', read: { kind: 'extensionDraft', days: 3, reason: 'phonics needs another term' } },
    { typed: 'sent the extension request on 16 January', read: { kind: 'extensionSent', on: '2025-01-16' } },
    { typed: 'DfE approved 3 days, reference TSI-77', read: { kind: 'extensionApproved', days: 3, reference: 'TSI-77', on: TODAY } },
    { typed: 'DfE refused the extension because the school has a new head', read: { kind: 'extensionRefused', rationale: 'the school has a new head', on: TODAY } },
    { typed: 'grant offer signed on 18 January', read: { kind: 'partnership', event: 'grantOfferSigned', on: '2025-01-18' } },
  ])('“$typed”', ({ typed, read }) => {
    const result = parseLifecycleStatement(typed, TODAY);
    expect(result?.ok && result.value).toEqual(expect.objectContaining(read));
  });

  it.each([
    { typed: 'met the school on 31 February', error: /not a real date/ },
    { typed: 'delivered day 3 on 14 January 2026', error: /after today/ },
    { typed: 'met the school on 12 Smarch', error: /do not know the month|could not read/ },
    { typed: 'met the school on 45/13/2024', error: /no month 13/ },
  ])('a bad date is refused: “$typed”', ({ typed, error }) => {
    const result = parseLifecycleStatement(typed, TODAY);
    expect(result && !result.ok ? result.errors.join(' ') : '').toMatch(error);
  });

  it.each(['hello', 'my deployments', 'x'.repeat(28_000), 'Met the SLT twice and agreed a reading plan', 'visited three classrooms', 'I can support them with their reading plan'])('not a step: “%s”', (typed) => {
    expect(parseLifecycleStatement(typed.slice(0, 40_000), TODAY)).toBeUndefined();
  });
});
