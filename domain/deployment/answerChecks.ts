/**
 * What one answer cannot tell on its own: an answer read by `parseFieldAnswer` checked against
 * the rest of the form and today's date, whether it came from the chat or a section's card.
 */
import { formatDate } from './answers.js';
import type { DeploymentDraft } from './draft.js';
import { fail, ok, type Result } from '../result.js';
import { fieldSpec, type FieldValue, type SectionNumber } from './sections.js';
import { completedOn } from './timeline.js';

/**
 * Every date the form asks for is of something done (a review held, a form signed, sent or
 * submitted), so none can be later than today. The mid-engagement review is 002's "interim
 * review" of the deployment, so it falls within the deployment: not before the first day of
 * support recorded, nor after the day the deployment was completed.
 */
export function checkAnswer(draft: DeploymentDraft, section: SectionNumber, field: string, value: FieldValue, today: string): Result<FieldValue> {
  if (fieldSpec(section, field)?.kind !== 'date' || typeof value !== 'string') return ok(value);
  if (value > today) return fail(`${formatDate(value)} has not come yet: the form records what has been done, so give the date it happened.`);
  if (section !== 3 || field !== 'reviewDate') return ok(value);
  const firstDay = [...draft.daysDeliveredLog].sort()[0];
  if (firstDay !== undefined && value < firstDay) {
    return fail(
      `The mid-engagement review is an interim review during the deployment, so it cannot be before the first day of support you told me about, ${formatDate(firstDay)}.`,
    );
  }
  const completed = completedOn(draft, today);
  if (completed !== undefined && value > completed) {
    return fail(`The mid-engagement review is an interim review during the deployment, so it cannot be after the deployment was completed on ${formatDate(completed)}.`);
  }
  return ok(value);
}
