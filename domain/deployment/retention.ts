/**
 * Bank details are kept only as long as DfE needs them to pay: they are erased a set number of
 * days (configuration: BANK_DETAILS_RETENTION_DAYS) after the form was submitted to the RDP,
 * which is what payment follows.
 */
import type { DeploymentDraft } from './draft.js';

const addDays = (isoDate: string, days: number): string => {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/** Whether the draft still holds bank details that should have gone by `today` (YYYY-MM-DD). */
export function bankDetailsDueForErasure(draft: DeploymentDraft, today: string, retentionDays: number): boolean {
  const submitted = draft.sections[8].submittedToRdpAt;
  if (submitted === undefined || draft.sections[5].sealed === undefined) return false;
  return addDays(submitted, retentionDays) <= today;
}

/** The draft without section 5: neither the sealed details nor their masked copy. */
export function eraseBankDetails(draft: DeploymentDraft): DeploymentDraft {
  return { ...draft, sections: { ...draft.sections, 5: {} } };
}
