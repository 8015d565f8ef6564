/**
 * Bank details asked one at a time must be kept between the questions, and the conversation's
 * state is written to the store: so what has been given so far is kept sealed too, under the
 * same key as the finished details, until all three are in and `sealBankDetails` takes over.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { fail, ok, type Result } from '../result.js';
import { AccountNameSchema, AccountNumberSchema, SortCodeSchema } from './bankDetails.js';

const PendingBankDetailsSchema = z.object({
  accountName: AccountNameSchema.optional(),
  sortCode: SortCodeSchema.optional(),
  accountNumber: AccountNumberSchema.optional(),
});
export type PendingBankDetails = z.infer<typeof PendingBankDetailsSchema>;

// A different format (and authenticated data) from finished details, so one is never taken for the other.
const FORMAT = 'bank-pending.v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const UNREADABLE = 'The bank details given so far could not be read back. Please give them again.';

export function sealPendingBankDetails(pending: PendingBankDetails, key: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(FORMAT, 'utf8'));
  const plaintext = Buffer.from(JSON.stringify(PendingBankDetailsSchema.parse(pending)), 'utf8');
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [FORMAT, iv.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

/** Opens what {@link sealPendingBankDetails} sealed; anything else, or a wrong key, gives ok:false. */
export function openPendingBankDetails(blob: unknown, key: Buffer): Result<PendingBankDetails> {
  if (typeof blob !== 'string') return fail(UNREADABLE);
  const parts = blob.split('.');
  if (parts.length !== 5 || `${parts[0]}.${parts[1]}` !== FORMAT) return fail(UNREADABLE);
  const [iv, ciphertext, tag] = parts.slice(2).map((part) => Buffer.from(part, 'base64url')) as [Buffer, Buffer, Buffer];
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return fail(UNREADABLE);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(FORMAT, 'utf8'));
    decipher.setAuthTag(tag);
    const plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    const parsed = PendingBankDetailsSchema.safeParse(JSON.parse(plaintext));
    return parsed.success ? ok(parsed.data) : fail(UNREADABLE);
  } catch {
    return fail(UNREADABLE);
  }
}
