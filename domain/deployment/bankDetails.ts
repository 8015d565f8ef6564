/**
 * Section 5's bank details: sensitive, so they are kept only sealed (AES-256-GCM) and shown
 * only masked. node:crypto is the one thing in domain/ that is not pure computation: sealing
 * needs a random IV, and doing it here keeps plain bank details from ever reaching a store.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { fail, ok, type Result } from '../result.js';
import type { DeploymentDraft } from './draft.js';

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
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const UNREADABLE = 'The stored bank details could not be read: the key is wrong or the record was changed. Please enter them again.';

/**
 * Seals bank details as `bank.v1.<iv>.<ciphertext>.<tag>` (base64url). The version is also the
 * authenticated data, so a blob cannot be passed off under another format. The key must be 32
 * bytes: take it from {@link parseBankDetailsKey}; any other key is a programming error and throws.
 */
export function encryptBankDetails(details: BankDetails, key: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(FORMAT, 'utf8'));
  const plaintext = Buffer.from(JSON.stringify(BankDetailsSchema.parse(details)), 'utf8');
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [FORMAT, iv.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Opens a sealed blob; a wrong key, a changed blob or anything that is not a blob gives ok:false, never garbage. */
export function decryptBankDetails(blob: unknown, key: Buffer): Result<BankDetails> {
  if (typeof blob !== 'string' || key.length !== KEY_BYTES) return fail(UNREADABLE);
  const parts = blob.split('.');
  if (parts.length !== 5 || `${parts[0]}.${parts[1]}` !== FORMAT) return fail(UNREADABLE);
  const [ivText, ciphertextText, tagText] = parts.slice(2) as [string, string, string];
  if (![ivText, ciphertextText, tagText].every((part) => BASE64URL.test(part))) return fail(UNREADABLE);
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return fail(UNREADABLE);
  let plaintext: string;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(FORMAT, 'utf8'));
    decipher.setAuthTag(tag);
    plaintext = Buffer.concat([decipher.update(Buffer.from(ciphertextText, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return fail(UNREADABLE);
  }
  let parsedJson: unknown;
  try {
    parsedJson = JSON.parse(plaintext);
  } catch {
    return fail(UNREADABLE);
  }
  const details = BankDetailsSchema.safeParse(parsedJson);
  return details.success ? ok(details.data) : fail(UNREADABLE);
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

/** Section 5 as stored: the sealed blob, and the masked copy to show without the key. */
export function sealBankDetails(draft: DeploymentDraft, details: BankDetails, key: Buffer): DeploymentDraft {
  return {
    ...draft,
    sections: { ...draft.sections, 5: { sealed: encryptBankDetails(details, key), masked: maskBankDetails(details) } },
  };
}

/** The sort code as people write it: '12-34-56'. */
export const formatSortCode = (sortCode: string): string => sortCode.replace(/^(\d{2})(\d{2})(\d{2})$/, '$1-$2-$3');
