/**
 * Bank details asked one at a time must be kept between the questions, and the conversation's
 * state is written to the store: so what has been given so far is kept sealed too, under the
 * same key as the finished details, until all three are in and `sealBankDetails` takes over.
 */
import { z } from 'zod';
import { fail, ok, type Result } from '../result.js';
import { AccountNameSchema, AccountNumberSchema, SortCodeSchema } from './bankDetails.js';
import { openJson, sealJson } from './sealed.js';

const PendingBankDetailsSchema = z.object({
  accountName: AccountNameSchema.optional(),
  sortCode: SortCodeSchema.optional(),
  accountNumber: AccountNumberSchema.optional(),
});
export type PendingBankDetails = z.infer<typeof PendingBankDetailsSchema>;

// A different format (and authenticated data) from finished details, so one is never taken for the other.
const FORMAT = 'bank-pending.v1';
const UNREADABLE = 'The bank details given so far could not be read back. Please give them again.';

export function sealPendingBankDetails(pending: PendingBankDetails, key: Buffer): string {
  return sealJson(FORMAT, PendingBankDetailsSchema.parse(pending), key);
}

/** Opens what {@link sealPendingBankDetails} sealed; anything else, or a wrong key, gives ok:false. */
export function openPendingBankDetails(blob: unknown, key: Buffer): Result<PendingBankDetails> {
  const opened = openJson(FORMAT, blob, key);
  const parsed = opened === undefined ? undefined : PendingBankDetailsSchema.safeParse(opened.value);
  return parsed?.success ? ok(parsed.data) : fail(UNREADABLE);
}
