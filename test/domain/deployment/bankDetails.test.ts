import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  BankDetailsSchema,
  decryptBankDetails,
  encryptBankDetails,
  maskBankDetails,
  parseBankDetailsKey,
} from '../../../domain/deployment/bankDetails.js';
import { sealBankDetails } from '../../../domain/deployment/draft.js';
import { sectionCompleteness } from '../../../domain/deployment/form.js';
import { emptyDraft, SAMPLE_BANK_DETAILS, TEST_KEY } from './sampleDraft.js';

describe('bank details as typed', () => {
  it.each([
    ['a sort code written with dashes is read as six digits', { sortCode: '40-12-76' }, { sortCode: '401276' }],
    ['a sort code written with spaces is read as six digits', { sortCode: '40 12 76' }, { sortCode: '401276' }],
    ['an account number written with spaces is read as eight digits', { accountNumber: '3192 6819' }, { accountNumber: '31926819' }],
    ['the account name is trimmed', { accountName: '  Oak Learning Trust ' }, { accountName: 'Oak Learning Trust' }],
  ])('%s', (_rule, typed, normalised) => {
    expect(BankDetailsSchema.parse({ ...SAMPLE_BANK_DETAILS, ...typed })).toEqual({ ...SAMPLE_BANK_DETAILS, ...normalised });
  });

  it.each([
    ['a sort code of five digits is refused', { sortCode: '40127' }, 'Give the sort code as six digits, like 12-34-56.'],
    ['a sort code with letters is refused', { sortCode: '40-12-7A' }, 'Give the sort code as six digits, like 12-34-56.'],
    ['an account number of seven digits is refused', { accountNumber: '3192681' }, 'Give the account number as eight digits.'],
    ['an account number of nine digits is refused', { accountNumber: '319268190' }, 'Give the account number as eight digits.'],
    ['a blank account name is refused', { accountName: '  ' }, 'Give the name on the account.'],
  ])('%s', (_rule, typed, message) => {
    const parsed = BankDetailsSchema.safeParse({ ...SAMPLE_BANK_DETAILS, ...typed });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });
});

describe('encrypting bank details at rest', () => {
  const { sortCode, accountNumber } = SAMPLE_BANK_DETAILS;
  const forms = (digits: string) => [
    digits,
    `${digits.slice(0, 2)}-${digits.slice(2, 4)}-${digits.slice(4)}`,
    Buffer.from(digits).toString('hex'),
    Buffer.from(digits).toString('base64'),
    Buffer.from(digits).toString('base64url'),
    Buffer.from(digits).toString('base64').replace(/={1,2}$/, ''),
  ];

  it('the stored string holds neither the sort code nor the account number in any form', () => {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const blob = encryptBankDetails(SAMPLE_BANK_DETAILS, TEST_KEY);
      for (const form of [...forms(sortCode), ...forms(accountNumber)]) expect(blob.toLowerCase()).not.toContain(form.toLowerCase());
    }
  });

  it('the stored string is versioned', () => {
    expect(encryptBankDetails(SAMPLE_BANK_DETAILS, TEST_KEY)).toMatch(/^bank\.v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('sealing the same details twice gives different strings (a fresh IV each time)', () => {
    expect(encryptBankDetails(SAMPLE_BANK_DETAILS, TEST_KEY)).not.toBe(encryptBankDetails(SAMPLE_BANK_DETAILS, TEST_KEY));
  });

  it('the right key opens what it sealed', () => {
    expect(decryptBankDetails(encryptBankDetails(SAMPLE_BANK_DETAILS, TEST_KEY), TEST_KEY)).toEqual({ ok: true, value: SAMPLE_BANK_DETAILS });
  });

  it('a wrong key fails closed', () => {
    const opened = decryptBankDetails(encryptBankDetails(SAMPLE_BANK_DETAILS, TEST_KEY), randomBytes(32));
    expect(opened).toEqual({ ok: false, errors: [expect.stringMatching(/could not be read: the key is wrong or the record was changed/)] });
  });

  const tamperings: [string, (blob: string) => string][] = [
    ['a changed ciphertext character', (blob) => {
      const parts = blob.split('.');
      const ciphertext = parts[3] ?? '';
      parts[3] = (ciphertext.startsWith('A') ? 'B' : 'A') + ciphertext.slice(1);
      return parts.join('.');
    }],
    ['a changed auth tag', (blob) => {
      const parts = blob.split('.');
      const tag = Buffer.from(parts[4] ?? '', 'base64url');
      tag[0] = (tag[0] ?? 0) ^ 1;
      parts[4] = tag.toString('base64url');
      return parts.join('.');
    }],
    ['a changed IV', (blob) => {
      const parts = blob.split('.');
      const iv = Buffer.from(parts[2] ?? '', 'base64url');
      iv[11] = (iv[11] ?? 0) ^ 0x80;
      parts[2] = iv.toString('base64url');
      return parts.join('.');
    }],
    ['a cut-off blob', (blob) => blob.slice(0, -4)],
    ['another version label', (blob) => blob.replace('bank.v1.', 'bank.v2.')],
    ['a missing part', (blob) => blob.split('.').slice(0, 4).join('.')],
    ['plain text', () => 'Oak Learning Trust 40-12-76 31926819'],
    ['an empty string', () => ''],
  ];
  it.each(tamperings)('%s fails closed', (_rule, tamper) => {
    const opened = decryptBankDetails(tamper(encryptBankDetails(SAMPLE_BANK_DETAILS, TEST_KEY)), TEST_KEY);
    expect(opened.ok).toBe(false);
  });

  it('something that is not a string fails closed', () => {
    expect(decryptBankDetails({ sealed: true }, TEST_KEY).ok).toBe(false);
  });
});

describe('the bank details key from configuration', () => {
  const key = randomBytes(32);
  it.each([
    ['64 hex characters', key.toString('hex')],
    ['base64 with padding', key.toString('base64')],
    ['base64 without padding', key.toString('base64').replace(/=$/, '')],
    ['base64url', key.toString('base64url')],
    ['with surrounding spaces', `  ${key.toString('hex')}\n`],
  ])('accepts 32 bytes written as %s', (_form, text) => {
    expect(parseBankDetailsKey(text)).toEqual({ ok: true, value: key });
  });

  it.each([
    ['16 bytes of hex', randomBytes(16).toString('hex')],
    ['48 bytes of base64', randomBytes(48).toString('base64')],
    ['a passphrase', 'correct horse battery staple'],
    ['nothing', ''],
    ['not text', 42],
  ])('refuses %s', (_form, text) => {
    const parsed = parseBankDetailsKey(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toMatch(/32 random bytes/);
  });
});

describe('masking bank details', () => {
  it('shows the account name and only the last two digits of each number', () => {
    expect(maskBankDetails(SAMPLE_BANK_DETAILS)).toEqual({ accountName: 'Oak Learning Trust', sortCode: '••-••-76', accountNumber: '••••••19' });
  });
});

describe('bank details in a draft', () => {
  it('a draft holds the details only sealed and masked, and section 5 is then complete', () => {
    const draft = sealBankDetails(emptyDraft(), SAMPLE_BANK_DETAILS, TEST_KEY);
    const stored = JSON.stringify(draft);
    expect(stored).not.toContain(SAMPLE_BANK_DETAILS.sortCode);
    expect(stored).not.toContain(SAMPLE_BANK_DETAILS.accountNumber);
    expect(draft.sections[5].masked).toEqual(maskBankDetails(SAMPLE_BANK_DETAILS));
    expect(decryptBankDetails(draft.sections[5].sealed, TEST_KEY)).toEqual({ ok: true, value: SAMPLE_BANK_DETAILS });
    expect(sectionCompleteness(draft, 5)).toEqual({ complete: true, missing: [], problems: [] });
  });

  it('section 5 lists all three fields as missing until the details are sealed', () => {
    expect(sectionCompleteness(emptyDraft(), 5)).toEqual({ complete: false, missing: ['Account name', 'Sort code', 'Account number'], problems: [] });
  });
});
