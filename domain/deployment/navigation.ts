/**
 * Moving through the form in conversation: which question comes after or before another, and
 * which section follows. The system leader may skip a question and come back to it, so "next"
 * means the next unanswered question after the one just asked, not the first unanswered one.
 */
import type { DeploymentDraft } from './draft.js';
import { applicableSpecs, fieldsOf, SECTION_NUMBERS, type FormField, type SectionNumber, type SectionValues } from './sections.js';
import { agreedDaysOf, sectionDueAfterDay } from './timeline.js';

/** Where the conversation is: the section, and the question being asked (none when the section is finished). */
export interface FormPosition {
  readonly section: SectionNumber;
  readonly field?: string | undefined;
}

/** The sections the system leader fills in, in order: section 7 is the supported school's. */
export const SYSTEM_LEADER_SECTIONS: readonly SectionNumber[] = SECTION_NUMBERS.filter((section) => section !== 7);

/** Sections 1 and 2 are scoping, filled in together at the start; the rest wait for their day (see `sectionDueAfterDay`). */
const FILLED_AT_START: readonly SectionNumber[] = [1, 2];

const valuesOf = (draft: DeploymentDraft, section: SectionNumber): SectionValues => draft.sections[section] as SectionValues;

/**
 * The questions the system leader answers in this section given the answers so far, in order.
 * Bank details are asked together whatever is stored, because only their sealed copy is kept.
 */
export function questionsOf(draft: DeploymentDraft, section: SectionNumber): readonly FormField[] {
  if (section === 5) return fieldsOf(5);
  return applicableSpecs(section, valuesOf(draft, section)).filter((field) => field.fillableBySystemLeader);
}

/** Whether a question has an answer: for bank details, whether the sealed details are stored. */
export function isAnswered(draft: DeploymentDraft, section: SectionNumber, field: string): boolean {
  const values = valuesOf(draft, section);
  return section === 5 ? values['sealed'] !== undefined : values[field] !== undefined;
}

/**
 * The first unanswered question after `after` (from the start when `after` is not given, or is no
 * longer asked). In section 5 the three bank questions always follow one another.
 */
export function nextQuestionAfter(draft: DeploymentDraft, section: SectionNumber, after?: string): FormField | undefined {
  const questions = questionsOf(draft, section);
  const index = after === undefined ? -1 : questions.findIndex((field) => field.name === after);
  if (section === 5) return after === undefined ? questions[0] : index >= 0 ? questions[index + 1] : undefined;
  return questions.slice(index + 1).find((field) => !isAnswered(draft, section, field.name));
}

/** Where "back" goes from a question: the question before it, answered or not, or the last question of the section before. */
export function previousPosition(draft: DeploymentDraft, position: FormPosition): FormPosition | undefined {
  const questions = questionsOf(draft, position.section);
  const index = position.field === undefined ? questions.length : questions.findIndex((field) => field.name === position.field);
  const before = index > 0 ? questions[index - 1] : undefined;
  if (before !== undefined) return { section: position.section, field: before.name };
  const sectionIndex = SYSTEM_LEADER_SECTIONS.indexOf(position.section);
  for (let earlier = sectionIndex - 1; earlier >= 0; earlier--) {
    const section = SYSTEM_LEADER_SECTIONS[earlier] as SectionNumber;
    const last = questionsOf(draft, section).at(-1);
    if (last !== undefined) return { section, field: last.name };
  }
  return undefined;
}

/** Where "go to section N" starts: its first unanswered question, or its first question when all are answered. */
export function startOfSection(draft: DeploymentDraft, section: SectionNumber): FormPosition {
  const questions = questionsOf(draft, section);
  const first = (section === 5 ? undefined : questions.find((field) => !isAnswered(draft, section, field.name))) ?? questions[0];
  return { section, field: first?.name };
}

/** The section the system leader fills in after this one, if any. */
export function sectionAfter(section: SectionNumber): SectionNumber | undefined {
  return SYSTEM_LEADER_SECTIONS.find((candidate) => candidate > section);
}

/**
 * Whether a section can be filled in now: scoping (sections 1 and 2) at once, the others once the
 * day they fall due after has been delivered.
 */
export function isSectionOpen(draft: DeploymentDraft, section: SectionNumber): boolean {
  return FILLED_AT_START.includes(section) || draft.daysDeliveredLog.length >= sectionDueAfterDay(section, agreedDaysOf(draft));
}
