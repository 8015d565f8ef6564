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
  /** Going through the section again from its first question ("start over"): answered questions are asked too, each showing its answer. */
  readonly revisiting?: boolean | undefined;
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
 * longer asked); when revisiting, the very next question, answered or not. In section 5 the three
 * bank questions always follow one another.
 */
export function nextQuestionAfter(draft: DeploymentDraft, section: SectionNumber, after?: string, revisiting = false): FormField | undefined {
  const questions = questionsOf(draft, section);
  const index = after === undefined ? -1 : questions.findIndex((field) => field.name === after);
  if (section === 5 || revisiting) return after === undefined ? questions[0] : index >= 0 ? questions[index + 1] : undefined;
  return questions.slice(index + 1).find((field) => !isAnswered(draft, section, field.name));
}

/** Whether a section still has a question for the system leader: for bank details, until they are sealed. */
export function hasQuestionsLeft(draft: DeploymentDraft, section: SectionNumber): boolean {
  if (section === 5) return !isAnswered(draft, 5, 'accountName');
  return questionsOf(draft, section).some((field) => !isAnswered(draft, section, field.name));
}

/**
 * Who can fill a section in here: section 7 is the supported school's or trust's, and bank
 * details can be taken only when the bot has a key to seal them with.
 */
export type SectionFiller = 'systemLeader' | 'supportedSchool' | 'nobodyUntilBankDetailsKeySet';

export function whoFillsIn(section: SectionNumber, canSealBankDetails: boolean): SectionFiller {
  if (section === 7) return 'supportedSchool';
  if (section === 5 && !canSealBankDetails) return 'nobodyUntilBankDetailsKeySet';
  return 'systemLeader';
}

export interface NextSection {
  /** The section to carry on in; undefined at the end of the form. */
  readonly section?: SectionNumber;
  /** Bank details were still to give, but passed over because they cannot be taken yet. */
  readonly bankDetailsPassedOver: boolean;
}

/**
 * Where the conversation goes when a section ends: the next of the system leader's sections with
 * a question left, so a section already complete is not walked again.
 */
export function nextSectionToFill(draft: DeploymentDraft, from: SectionNumber, canSealBankDetails: boolean): NextSection {
  let bankDetailsPassedOver = false;
  for (let section = sectionAfter(from); section !== undefined; section = sectionAfter(section)) {
    if (!hasQuestionsLeft(draft, section)) continue;
    if (whoFillsIn(section, canSealBankDetails) === 'systemLeader') return { section, bankDetailsPassedOver };
    bankDetailsPassedOver = true;
  }
  return { bankDetailsPassedOver };
}

/** Where "start over" goes: the section's first question, asked again with the rest of the section after it. */
export function restartSection(draft: DeploymentDraft, section: SectionNumber): FormPosition {
  return { section, field: questionsOf(draft, section)[0]?.name, revisiting: true };
}

const hasAnswers = (draft: DeploymentDraft, section: SectionNumber): boolean => Object.keys(draft.sections[section]).length > 0;

/**
 * The section the system leader has in hand, for "review": the one being asked about; between
 * sections (one just finished, the next not begun), the last one before it with answers.
 */
export function sectionInHand(draft: DeploymentDraft, position: FormPosition): SectionNumber {
  if (position.field !== undefined || hasAnswers(draft, position.section)) return position.section;
  return SYSTEM_LEADER_SECTIONS.filter((section) => section < position.section && hasAnswers(draft, section)).at(-1) ?? position.section;
}

/**
 * Where "back" goes from a question: the question before it, answered or not, or the last question
 * of the section before; bank details are given together, so going back into them starts them again.
 */
export function previousPosition(draft: DeploymentDraft, position: FormPosition): FormPosition | undefined {
  const questions = questionsOf(draft, position.section);
  const index = position.field === undefined ? questions.length : questions.findIndex((field) => field.name === position.field);
  const before = index > 0 ? questions[index - 1] : undefined;
  if (before !== undefined) return { section: position.section, field: before.name };
  const sectionIndex = SYSTEM_LEADER_SECTIONS.indexOf(position.section);
  for (let earlier = sectionIndex - 1; earlier >= 0; earlier--) {
    const section = SYSTEM_LEADER_SECTIONS[earlier] as SectionNumber;
    const questions = questionsOf(draft, section);
    const last = section === 5 ? questions[0] : questions.at(-1);
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
