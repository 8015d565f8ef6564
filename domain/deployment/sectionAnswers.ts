/**
 * A whole section answered at once, from its card: each input read as the conversation reads
 * a typed answer, so both paths write the same draft. Nothing is recorded unless every answer
 * given fits; a blank input leaves its question as it was, unless blank is itself an answer
 * (an optional note, or "none of these" programmes).
 */
import { fail, ok, type Result } from '../result.js';
import { checkAnswer } from './answerChecks.js';
import { parseFieldAnswer } from './answers.js';
import type { BankDetails } from './bankDetails.js';
import type { DeploymentDraft } from './draft.js';
import { setField } from './form.js';
import { fieldsOf, fieldSpec, type SectionNumber, type SectionValues } from './sections.js';

const isBlank = (raw: unknown): boolean =>
  raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '') || (Array.isArray(raw) && raw.length === 0);

/** Whether a question takes "nothing" as its answer; a blank input then records that answer. */
export function blankIsAnAnswer(section: SectionNumber, field: string): boolean {
  return parseFieldAnswer(section, field, '').ok;
}

/**
 * Records a section's answers (section 5 and section 7 are not the system leader's to record
 * this way: see {@link readBankDetailsAnswers} and the school's confirmation). Each problem is
 * given with the question's plain name. `today` (YYYY-MM-DD) is what dates are checked against.
 */
export function applySectionAnswers(
  draft: DeploymentDraft,
  section: Exclude<SectionNumber, 5 | 7>,
  inputs: Readonly<Record<string, unknown>>,
  today: string,
): Result<DeploymentDraft> {
  let current = draft;
  const problems: string[] = [];
  for (const field of fieldsOf(section)) {
    const spec = fieldSpec(section, field.name);
    // Whether a question applies depends on the answers before it, just recorded.
    if (spec?.appliesWhen !== undefined && !spec.appliesWhen(current.sections[section] as SectionValues)) continue;
    const raw = inputs[field.name];
    if (isBlank(raw) && !blankIsAnAnswer(section, field.name)) continue;
    const read = parseFieldAnswer(section, field.name, isBlank(raw) ? '' : raw);
    const answer = read.ok ? checkAnswer(current, section, field.name, read.value, today) : read;
    if (!answer.ok) {
      problems.push(...answer.errors.map((error) => `${field.label}: ${error}`));
      continue;
    }
    current = setField(current, section, field.name, answer.value);
  }
  return problems.length > 0 ? fail(...problems) : ok(current);
}

/** Section 5 from its card: all three details, each checked; a problem never repeats what was typed. */
export function readBankDetailsAnswers(inputs: Readonly<Record<string, unknown>>): Result<BankDetails> {
  const problems: string[] = [];
  const details: Record<string, string> = {};
  for (const field of fieldsOf(5)) {
    const answer = parseFieldAnswer(5, field.name, inputs[field.name] ?? '');
    if (answer.ok) details[field.name] = String(answer.value);
    else problems.push(...answer.errors.map((error) => `${field.label}: ${error}`));
  }
  if (problems.length > 0) return fail(...problems);
  return ok({ accountName: details['accountName'] ?? '', sortCode: details['sortCode'] ?? '', accountNumber: details['accountNumber'] ?? '' });
}
