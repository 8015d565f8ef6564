/** Section 5's bank details: sensitive, so they are kept only sealed (sealed.ts) and shown only masked. */
import { z } from 'zod';
import { fail, ok, type Result } from '../result.js';
import { openJson, sealJson } from './sealed.js';

const withoutSeparators = (value: unknown): unknown => (typeof value === 'string' ? value.replace(/[\s-]/g, '') : value);

export const AccountNameSchema = z
  .string('Give the name on the account.')
  .trim()
  .min(1, 'Give the name on the account.')
  .max(100, 'The account name can be at most 100 characters.');

/** Six digits; '12-34-56' and '12 34 56' are read as '123456'. */
export const SortCodeSchema = z.preprocess(
  withoutSeparators,
  z.string('Give the sort code as six digits, like 12-34-56.').regex(/^\d{6}$/, 'Give the sort code as six digits, like 12-34-56.'),
);

/** Eight digits; spaces and dashes are dropped. */
export const AccountNumberSchema = z.preprocess(
  withoutSeparators,
  z.string('Give the account number as eight digits.').regex(/^\d{8}$/, 'Give the account number as eight digits.'),
);

export const BankDetailsSchema = z.object({
  accountName: AccountNameSchema,
  sortCode: SortCodeSchema,
  accountNumber: AccountNumberSchema,
});
export type BankDetails = z.infer<typeof BankDetailsSchema>;

export const MaskedBankDetailsSchema = z.object({
  accountName: z.string(),
  sortCode: z.string().regex(/^••-••-\d{2}$/),
  accountNumber: z.string().regex(/^••••••\d{2}$/),
});
export type MaskedBankDetails = z.infer<typeof MaskedBankDetailsSchema>;

const FORMAT = 'bank.v1';
const UNREADABLE = 'The stored bank details could not be read: the key is wrong or the record was changed. Please enter them again.';

/**
 * Seals bank details as `bank.v1.<iv>.<ciphertext>.<tag>` (see sealed.ts). The key must be 32
 * bytes: take it from {@link parseBankDetailsKey}; any other key is a programming error and throws.
 */
export function encryptBankDetails(details: BankDetails, key: Buffer): string {
  return sealJson(FORMAT, BankDetailsSchema.parse(details), key);
}

/** Opens a sealed blob; a wrong key, a changed blob or anything that is not a blob gives ok:false, never garbage. */
export function decryptBankDetails(blob: unknown, key: Buffer): Result<BankDetails> {
  const opened = openJson(FORMAT, blob, key);
  const details = opened === undefined ? undefined : BankDetailsSchema.safeParse(opened.value);
  return details?.success ? ok(details.data) : fail(UNREADABLE);
}

const KEY_HELP = 'The bank details key must be 32 random bytes, written as 64 hexadecimal characters or in base64 (for example from `openssl rand -base64 32`).';

/** Reads the key from configuration: 64 hex characters, or base64 / base64url of 32 bytes. */
export function parseBankDetailsKey(text: unknown): Result<Buffer> {
  if (typeof text !== 'string') return fail(KEY_HELP);
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return ok(Buffer.from(trimmed, 'hex'));
  if (/^[A-Za-z0-9+/]{43}=?$/.test(trimmed)) return ok(Buffer.from(trimmed, 'base64'));
  if (/^[A-Za-z0-9_-]{43}=?$/.test(trimmed)) return ok(Buffer.from(trimmed, 'base64url'));
  return fail(KEY_HELP);
}

/** What may be shown of bank details: the name, and the last two digits of each number. */
export function maskBankDetails(details: BankDetails): MaskedBankDetails {
  return {
    accountName: details.accountName,
    sortCode: `••-••-${details.sortCode.slice(-2)}`,
    accountNumber: `••••••${details.accountNumber.slice(-2)}`,
  };
}

/** The sort code as people write it: '12-34-56'. */
export const formatSortCode = (sortCode: string): string => sortCode.replace(/^(\d{2})(\d{2})(\d{2})$/, '$1-$2-$3');
