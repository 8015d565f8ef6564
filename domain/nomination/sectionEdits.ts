import { z } from 'zod';
import { OFSTED_GRADES, type School } from '../directory/types.js';
import { issueMessages } from '../attendance/userInput.js';
import { fail, ok, type Result } from '../result.js';
import { NominationEditSchema, type NominationEdit } from './edit.js';
import { CHOICE_LABELS, type Choice, type ChoiceName } from './nomination.js';

/*
 * A choice's answers as a card shows them: one text per input, '' for unanswered. The card
 * sends back what it showed (`shown`) with what the member's inputs hold when they press
 * save, so only what the member actually changed becomes an edit. Everything else they left
 * alone, and a change someone else saved meanwhile is not overwritten with a stale value.
 */

export const SECTION_FIELDS = [
  'urn',
  'championName',
  'championRole',
  'championRoleNote',
  'notInadequate',
  'inspectionDate',
  'inspectionGrade',
  'stableSlt',
  'gapEvidence',
] as const;
export type SectionField = (typeof SECTION_FIELDS)[number];
export type SectionAnswers = Readonly<Record<SectionField, string>>;

/** Longer than any real answer: anything longer is refused before it is looked at. */
export const LONGEST_SECTION_ANSWER = 2000;

/** What a card sends for one section: any subset of the fields, each as text. */
export const SectionAnswersSchema = z.object(
  Object.fromEntries(SECTION_FIELDS.map((field) => [field, z.string().max(LONGEST_SECTION_ANSWER).optional()])) as Record<
    SectionField,
    z.ZodOptional<z.ZodString>
  >,
);

export const EMPTY_SECTION: SectionAnswers = Object.fromEntries(SECTION_FIELDS.map((field) => [field, ''])) as Record<SectionField, string>;

const yesNo = (value: boolean | undefined): string => (value === undefined ? '' : value ? 'yes' : 'no');

/** The answers of a choice, as the card's inputs show them. */
export function sectionAnswersOf(choice: Choice): SectionAnswers {
  const inspection = choice.criteria.notInadequate?.newerInspection;
  return {
    urn: choice.urn ?? '',
    championName: choice.champion.name ?? '',
    championRole: choice.champion.role ?? '',
    championRoleNote: choice.champion.roleNote ?? '',
    notInadequate: yesNo(choice.criteria.notInadequate?.confirmed),
    inspectionDate: inspection?.date ?? '',
    inspectionGrade: inspection?.grade ?? '',
    stableSlt: yesNo(choice.criteria.stableSlt),
    gapEvidence: choice.criteria.gapEvidence ?? '',
  };
}

const normaliseName = (name: string): string =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * The group's school a member means by what they typed (a card without the list of schools
 * takes a URN or a name): its URN, its full name, or a part of its name that only one of
 * the group's schools has.
 */
export function findGroupSchool(answer: string, schools: readonly School[], groupName: string): Result<School> {
  const text = answer.trim();
  if (/^\d{6}$/.test(text)) {
    const school = schools.find((candidate) => candidate.urn === text);
    return school ? ok(school) : fail(`There is no school with URN ${text} in the ${groupName} liaison group.`);
  }
  const wanted = normaliseName(text);
  if (wanted.length === 0) return fail('Give the school’s name or its six-digit URN.');
  const exact = schools.filter((school) => normaliseName(school.name) === wanted);
  if (exact.length === 1) return ok(exact[0]!);
  const partial = schools.filter((school) => ` ${normaliseName(school.name)} `.includes(` ${wanted} `));
  if (partial.length === 1) return ok(partial[0]!);
  if (partial.length > 1 || exact.length > 1) {
    const names = (exact.length > 1 ? exact : partial).slice(0, 4).map((school) => `${school.name} (${school.urn})`);
    return fail(`More than one school in the ${groupName} liaison group matches "${text}": ${names.join(', ')}. Give the URN of the one you mean.`);
  }
  return fail(`No school in the ${groupName} liaison group matches "${text}". Give the school’s name as the directory has it, or its six-digit URN.`);
}

function yesNoAnswer(value: string, question: string, errors: string[]): boolean | null | undefined {
  const answer = value.trim().toLowerCase();
  if (answer === '') return null;
  if (answer === 'yes') return true;
  if (answer === 'no') return false;
  errors.push(`${question}: answer yes or no.`);
  return undefined;
}

const orNull = (value: string): string | null => (value.trim() === '' ? null : value);

/**
 * The edits one press of a section's save button makes: one per field the member changed
 * from what their card showed, school first (a new school clears the answers given for the
 * old one, so answers typed alongside it are applied after it). A field the card showed filled
 * and the press does not send was emptied (Teams sends no value for an emptied input). All or nothing: any answer
 * that cannot be used refuses the lot, saying why.
 */
export function editsFromSection(
  choice: ChoiceName,
  shown: Partial<SectionAnswers>,
  sent: Partial<SectionAnswers>,
  group: { readonly name: string; readonly schools: readonly School[] },
): Result<NominationEdit[]> {
  const label = CHOICE_LABELS[choice];
  const changed = (field: SectionField): string | undefined => {
    const before = (shown[field] ?? '').trim();
    // Teams leaves an input the member emptied out of the data it sends: a value the card showed and no longer sends was cleared.
    const value = sent[field] ?? (before === '' ? undefined : '');
    if (value === undefined) return undefined;
    return value.trim() === before ? undefined : value;
  };
  const errors: string[] = [];
  const edits: unknown[] = [];

  let forUrn = (shown.urn ?? '').trim() || undefined;
  const school = changed('urn');
  if (school !== undefined) {
    if (school.trim() === '') {
      edits.push({ kind: 'set_school', choice, urn: null });
      forUrn = undefined;
    } else {
      const found = findGroupSchool(school, group.schools, group.name);
      if (found.ok) {
        edits.push({ kind: 'set_school', choice, urn: found.value.urn });
        forUrn = found.value.urn;
      } else {
        errors.push(...found.errors.map((error) => `${label}: ${error}`));
      }
    }
  }
  const about = { choice, ...(forUrn === undefined ? {} : { forUrn }) };

  const name = changed('championName');
  if (name !== undefined) edits.push({ kind: 'set_champion_name', ...about, name: orNull(name) });
  const role = changed('championRole');
  if (role !== undefined) edits.push({ kind: 'set_champion_role', ...about, role: orNull(role) });
  const note = changed('championRoleNote');
  if (note !== undefined) edits.push({ kind: 'set_champion_role_note', ...about, note: orNull(note) });

  const notInadequate = changed('notInadequate');
  if (notInadequate !== undefined) {
    const confirmed = yesNoAnswer(notInadequate, `${label}: whether the school is graded inadequate`, errors);
    if (confirmed !== undefined) edits.push({ kind: 'set_not_inadequate', ...about, confirmed });
  }

  const date = changed('inspectionDate');
  const grade = changed('inspectionGrade');
  if (date !== undefined || grade !== undefined) {
    const newDate = (date ?? shown.inspectionDate ?? '').trim();
    const newGrade = (grade ?? shown.inspectionGrade ?? '').trim();
    if (newDate === '' && newGrade === '') edits.push({ kind: 'set_newer_inspection', ...about, inspection: null });
    else if (newDate === '' || newGrade === '') {
      errors.push(`${label}: give both the date and the grade of the newer inspection, or clear both.`);
    } else if (!(OFSTED_GRADES as readonly string[]).includes(newGrade)) {
      errors.push(`${label}: choose the grade of the newer inspection from the list.`);
    } else edits.push({ kind: 'set_newer_inspection', ...about, inspection: { date: newDate, grade: newGrade } });
  }

  const stable = changed('stableSlt');
  if (stable !== undefined) {
    const stableSlt = yesNoAnswer(stable, `${label}: whether the senior leadership team is stable`, errors);
    if (stableSlt !== undefined) edits.push({ kind: 'set_stable_slt', ...about, stableSlt });
  }
  const gap = changed('gapEvidence');
  if (gap !== undefined) edits.push({ kind: 'set_gap_evidence', ...about, text: orNull(gap) });

  const parsed: NominationEdit[] = [];
  for (const edit of edits) {
    const result = NominationEditSchema.safeParse(edit);
    if (result.success) parsed.push(result.data);
    else errors.push(...issueMessages(result.error).map((message) => `${label}: ${message}`));
  }
  if (errors.length > 0) return fail(...new Set(errors));
  return ok(parsed);
}
