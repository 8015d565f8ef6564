import { z } from 'zod';
import { IsoDateSchema } from '../directory/types.js';
import { fail, ok, type Result } from '../result.js';
import { encryptBankDetails, maskBankDetails, type BankDetails } from './bankDetails.js';
import { SectionDraftSchemas } from './sections.js';

/** A system leader's deployment form while it is being filled, section by section; what the store keeps. */
export const DeploymentDraftSchema = z.object({
  id: z.string().min(1),
  /** The system leader who owns the form. */
  ownerAadObjectId: z.string().min(1),
  createdAt: z.iso.datetime({ offset: true }),
  /** Stamped by whoever saves the draft: the form's own functions take no clock. */
  updatedAt: z.iso.datetime({ offset: true }),
  /** The dates on which a day of support was delivered, oldest first; drives the form's timeline. */
  daysDeliveredLog: z.array(IsoDateSchema),
  /**
   * The number of days of support agreed for this deployment, when the system leader has said
   * (up to the offer's 10, or more with DfE's agreement): the form's due points scale with it.
   */
  agreedDays: z.number().int().positive().optional(),
  sections: z.object(SectionDraftSchemas),
});
export type DeploymentDraft = z.infer<typeof DeploymentDraftSchema>;

export function newDeploymentDraft(id: string, ownerAadObjectId: string, now: string): DeploymentDraft {
  return {
    id,
    ownerAadObjectId,
    createdAt: now,
    updatedAt: now,
    daysDeliveredLog: [],
    sections: { 1: {}, 2: {}, 3: {}, 4: {}, 5: {}, 6: {}, 7: {}, 8: {} },
  };
}

/** Records the number of days agreed: whole days, from 1 to the offer's days plus the most DfE can add. */
export function setAgreedDays(draft: DeploymentDraft, days: number, limits: { readonly maxDays: number; readonly maxExtensionDays: number }): Result<DeploymentDraft> {
  const most = limits.maxDays + limits.maxExtensionDays;
  if (!Number.isInteger(days) || days < 1 || days > most) {
    return fail(`Give the agreed number of days as a whole number from 1 to ${most} (the offer's ${limits.maxDays}, or up to ${limits.maxExtensionDays} more where DfE agreed them).`);
  }
  return ok({ ...draft, agreedDays: days });
}

/** Logs a day of support as delivered on `date` (YYYY-MM-DD); logging the same date twice changes nothing. */
export function recordDeliveredDay(draft: DeploymentDraft, date: unknown): Result<DeploymentDraft> {
  const parsed = IsoDateSchema.safeParse(date);
  if (!parsed.success) return fail('Give the date the day of support was delivered, like 2024-03-12.');
  if (draft.daysDeliveredLog.includes(parsed.data)) return ok(draft);
  return ok({ ...draft, daysDeliveredLog: [...draft.daysDeliveredLog, parsed.data].sort() });
}

/** Section 5 as stored: the sealed blob, and the masked copy to show without the key. */
export function sealBankDetails(draft: DeploymentDraft, details: BankDetails, key: Buffer): DeploymentDraft {
  return {
    ...draft,
    sections: { ...draft.sections, 5: { sealed: encryptBankDetails(details, key), masked: maskBankDetails(details) } },
  };
}
