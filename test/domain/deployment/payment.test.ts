import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimPayment, formatPounds, type PaymentClaimOptions } from '../../../domain/deployment/payment.js';

const DAY_RATE = 60_000;

describe('claimPayment: days delivered × £600, VAT and expenses included', () => {
  const accepted: [string, unknown, PaymentClaimOptions | undefined, number][] = [
    ['a full deployment of 10 days is paid £6,000', 10, undefined, 10 * DAY_RATE],
    ['a half day is paid £300', 0.5, undefined, DAY_RATE / 2],
    ['9.5 days is in half-day steps', 9.5, undefined, 9.5 * DAY_RATE],
    ['10.5 days with an approved extension and its reference', 10.5, { extensionApprovedDays: 1, approvalReference: 'TSI-EXT-0042' }, 10.5 * DAY_RATE],
    ['15 days with the full 5-day extension and its reference', 15, { extensionApprovedDays: 5, approvalReference: 'TSI-EXT-0042' }, 15 * DAY_RATE],
    ['an extension changes nothing for a claim within 10 days', 8, { extensionApprovedDays: 5 }, 8 * DAY_RATE],
  ];
  it.each(accepted)('%s', (_rule, days, options, amountPence) => {
    expect(claimPayment(days, options)).toEqual({ ok: true, value: { days, amountPence } });
  });

  const refused: [string, unknown, unknown, RegExp][] = [
    ['a claim of 0 days has nothing to claim', 0, undefined, /nothing to claim/],
    ['10.5 days without an approved extension is beyond the 10', 10.5, undefined, /at most 10 days unless DfE formally agreed an extension: DfE pays for no day it did not agree/],
    ['11 days without an approved extension is beyond the 10', 11, undefined, /at most 10 days unless DfE formally agreed an extension/],
    ['an extension without its approval reference is refused', 15, { extensionApprovedDays: 5 }, /give the reference of DfE's email agreeing the extension: the bot keeps it with the claim as the record/],
    ['a blank approval reference is no reference', 12, { extensionApprovedDays: 2, approvalReference: '   ' }, /give the reference/],
    ['16 days is beyond the most any extension allows', 16, { extensionApprovedDays: 5, approvalReference: 'TSI-EXT-0042' }, /at most 15 days/],
    ['a claim beyond the extension DfE agreed is refused', 13, { extensionApprovedDays: 2, approvalReference: 'TSI-EXT-0042' }, /at most 12 days/],
    ['an extension of more than 5 days cannot have been approved', 16, { extensionApprovedDays: 6, approvalReference: 'X' }, /at most 5 days of extension/],
    ['a negative number of days is refused', -1, undefined, /cannot be negative/],
    ['3.25 days is not a half-day step', 3.25, undefined, /half-day steps .*3\.25 is not one/],
    ['NaN is not a number of days', Number.NaN, undefined, /must be a number/],
    ['Infinity is not a number of days', Number.POSITIVE_INFINITY, undefined, /must be a number/],
    ['a string is not a number of days', '10', undefined, /must be a number/],
    ['null is not a number of days', null, undefined, /must be a number/],
    ['an object is not a number of days', { days: 10 }, undefined, /must be a number/],
    ['extension days given as text are refused', 11, { extensionApprovedDays: '1', approvalReference: 'X' }, /extension days DfE approved must be a number/],
  ];
  it.each(refused)('%s', (_rule, days, options, reason) => {
    const claim = claimPayment(days, options as PaymentClaimOptions);
    expect(claim.ok).toBe(false);
    if (!claim.ok) expect(claim.errors.join(' ')).toMatch(reason);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (days, options) => {
        const claim = claimPayment(days, options as PaymentClaimOptions);
        expect(typeof claim.ok).toBe('boolean');
      }),
      { numRuns: 2_000 },
    );
  });

  it('accepts every half-day claim within the approved days, paying £300 a half day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 10 }), (halfDays, extensionHalfDays) => {
        const days = halfDays / 2;
        const extensionApprovedDays = extensionHalfDays / 2;
        const claim = claimPayment(days, { extensionApprovedDays, approvalReference: 'REF' });
        expect(claim.ok).toBe(days <= 10 + extensionApprovedDays);
        if (claim.ok) expect(claim.value.amountPence).toBe(halfDays * 30_000);
      }),
    );
  });
});

describe('formatPounds', () => {
  it.each([
    [630_000, '£6,300.00'],
    [60_000, '£600.00'],
    [30_000, '£300.00'],
    [0, '£0.00'],
  ])('%i pence reads as %s', (pence, words) => {
    expect(formatPounds(pence)).toBe(words);
  });
});
