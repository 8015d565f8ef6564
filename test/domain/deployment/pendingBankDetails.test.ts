import { describe, expect, it } from 'vitest';
import { openPendingBankDetails, sealPendingBankDetails } from '../../../domain/deployment/pendingBankDetails.js';
import { encryptBankDetails } from '../../../domain/deployment/bankDetails.js';
import { SAMPLE_BANK_DETAILS, TEST_KEY } from './sampleDraft.js';

describe('bank details given so far are kept sealed between questions', () => {
  it('opens what it sealed, and the sealed text holds no digit of the details', () => {
    const sealed = sealPendingBankDetails({ accountName: 'Oak Learning Trust', sortCode: '401276' }, TEST_KEY);
    expect(sealed).not.toContain('401276');
    expect(sealed).not.toContain('Oak');
    expect(openPendingBankDetails(sealed, TEST_KEY)).toEqual({ ok: true, value: { accountName: 'Oak Learning Trust', sortCode: '401276' } });
  });

  it.each([
    ['a wrong key', (sealed: string) => openPendingBankDetails(sealed, Buffer.alloc(32, 1))],
    // One character inside the authentication tag, always a different one (the last characters may carry unused bits).
    ['a changed blob', (sealed: string) => openPendingBankDetails(`${sealed.slice(0, -5)}${sealed.at(-5) === 'A' ? 'B' : 'A'}${sealed.slice(-4)}`, TEST_KEY)],
    ['finished details passed off as pending', () => openPendingBankDetails(encryptBankDetails(SAMPLE_BANK_DETAILS, TEST_KEY), TEST_KEY)],
    ['not a blob', () => openPendingBankDetails(42, TEST_KEY)],
  ])('gives ok:false for %s, never garbage', (_case, open) => {
    expect(open(sealPendingBankDetails({ accountName: 'Oak' }, TEST_KEY)).ok).toBe(false);
  });
});
