/**
 * The deployment form as the conversation drives it: which question comes next, reading an
 * answer, and recording it. This module is the form's front door, so it also passes on the
 * names a dialog needs from the modules behind it.
 */
import { displayAnswer } from './answers.js';
import type { MaskedBankDetails } from './bankDetails.js';
import type { DeploymentDraft } from './draft.js';
import { applicableSpecs, fieldSpec, type FieldValue, type FormField, type SectionNumber, type SectionValues } from './sections.js';

export { displayAnswer, formatDate, parseFieldAnswer } from './answers.js';
export { formReadiness, optionalLeftBlank, sectionCompleteness, signingReadiness, type FormReadiness, type SectionCompleteness } from './completeness.js';
export { DeploymentDraftSchema, newDeploymentDraft, recordDeliveredDay, setAgreedDays, type DeploymentDraft } from './draft.js';
export {
  fieldsOf,
  fieldSpec,
  isSectionNumber,
  SECTION_NUMBERS,
  sectionTitle,
  type Choice,
  type FieldKind,
  type FieldValue,
  type FormField,
  type SectionNumber,
  type WhyEligible,
} from './sections.js';

/**
 * Records one answer and returns the new draft; the draft passed in is left as it was.
 * Answers to questions that no longer apply are dropped, so a draft never holds a question's
 * answer out of context: choosing additional days drops a trust-partnership case and the
 * reverse, which is how the enhanced strand stays one or the other.
 *
 * @throws Error when called with a field the section does not have, a bank-details field (those
 * are only ever stored sealed, through `sealBankDetails`), or a value `parseFieldAnswer` would
 * not have produced: each is a mistake in the calling code, not in what a user typed.
 */
export function setField(draft: DeploymentDraft, section: SectionNumber, field: string, value: FieldValue): DeploymentDraft {
  const spec = fieldSpec(section, field);
  if (spec === undefined) throw new Error(`Section ${section} of the deployment form has no field "${field}".`);
  if (spec.sensitive) throw new Error('Bank details are stored only sealed: use sealBankDetails.');
  const parsed = spec.schema.safeParse(value);
  if (!parsed.success) throw new Error(`Not a valid value for "${field}" in section ${section}: read answers with parseFieldAnswer.`);

  const answered: SectionValues = { ...(draft.sections[section] as SectionValues), [field]: parsed.data };
  const kept: Record<string, unknown> = {};
  for (const applicable of applicableSpecs(section, answered)) {
    if (answered[applicable.name] !== undefined) kept[applicable.name] = answered[applicable.name];
  }
  return { ...draft, sections: { ...draft.sections, [section]: kept } as DeploymentDraft['sections'] };
}

/**
 * The next question for the system leader in this section, or undefined when there is none left.
 * Section 7 has none: the supported school or trust completes it. In section 5 every field is
 * sensitive and the three are collected together, then sealed.
 */
export function nextFieldToAsk(draft: DeploymentDraft, section: SectionNumber): FormField | undefined {
  const values = draft.sections[section] as SectionValues;
  if (section === 5 && values['sealed'] !== undefined) return undefined;
  return applicableSpecs(section, values).find((field) => field.fillableBySystemLeader && values[field.name] === undefined);
}

/** A saved answer in words, for a question asked again: bank details only ever masked; undefined when unanswered. */
export function answerInWords(draft: DeploymentDraft, section: SectionNumber, field: string): string | undefined {
  const spec = fieldSpec(section, field);
  if (spec?.sensitive === true) {
    const masked = draft.sections[5].masked;
    return masked === undefined ? undefined : masked[field as keyof MaskedBankDetails];
  }
  const value = (draft.sections[section] as SectionValues)[field];
  return value === undefined || spec === undefined ? undefined : String(displayAnswer(spec, value as FieldValue));
}
