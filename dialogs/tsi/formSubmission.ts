import { z } from 'zod';
import { EMPTY_TSI_FORM, TSI_FORM_FIELDS, TSI_FORM_JUDGEMENTS, type TsiFormField, type TsiFormValues } from '../../cards/tsiCards.js';
import { NO_OVERALL_GRADE, OFSTED_GRADES, REGIONS, type OfstedJudgement, type Region, type School } from '../../domain/directory/types.js';
import { fail, ok, type Result } from '../../domain/result.js';
import { formatLongDate } from '../../domain/tsi/academicYear.js';
import { parseDateAnswer } from '../../domain/tsi/dateAnswer.js';
import { needsEarlierJudgement, type Judgement } from '../../domain/tsi/eligibility.js';
import type { Offer } from '../../domain/tsi/offer.js';
import { quoted } from '../../domain/tsi/answers.js';
import { saysUnsure } from '../../domain/text.js';
import type { TsiAnswers } from './assessment.js';

/** Longer than any real answer; what is kept of a longer one when the form is shown again. */
const LONGEST_KEPT = 500;
const LONGEST_NAME = 120;

const FIELD_NAMES: Record<TsiFormField, string> = {
  recipient: 'School or trust',
  name: 'The name of the school or trust',
  urn: 'The URN',
  trust: "The school's trust",
  region: 'The DfE region',
  latestDate: 'The date of the latest judgement',
  latestGrade: 'The grade of the latest judgement',
  previousDate: 'The date of the judgement before it',
  previousGrade: 'The grade of the judgement before it',
  thirdDate: 'The date of the third judgement',
  thirdGrade: 'The grade of the third judgement',
  fourthDate: 'The date of the fourth judgement',
  fourthGrade: 'The grade of the fourth judgement',
  regionalDirectorAssessed: 'The answer about the regional director',
  selfIdentifiesNeed: 'The answer about whether it sees itself as needing help',
  deliveryTeamJudgesNeed: 'The answer about the regional delivery team',
};

const QUESTIONS = {
  regionalDirectorAssessed: 'Has a DfE regional director assessed it as needing immediate support?',
  selfIdentifiesNeed: 'Does the school or trust see itself as needing help?',
  deliveryTeamJudgesNeed: 'Does the DfE regional delivery team judge that it needs help?',
} as const;

/** Each input arrives as text (Teams sends every input's value as a string) or not at all. */
const FIELD_SCHEMAS = Object.fromEntries(
  TSI_FORM_FIELDS.map((field) => [
    field,
    z
      .string({ error: `${FIELD_NAMES[field]} was not sent as text: please fill it in again.` })
      .max(LONGEST_KEPT, `${FIELD_NAMES[field]} is far too long: please shorten it.`)
      .optional(),
  ]),
) as Record<TsiFormField, z.ZodOptional<z.ZodString>>;

/** What the user had in the form, to show it again: text values only, cut to a safe length. */
export function formValuesFrom(data: unknown): TsiFormValues {
  const values: Record<string, string> = { ...EMPTY_TSI_FORM };
  if (typeof data !== 'object' || data === null) return values as TsiFormValues;
  for (const field of TSI_FORM_FIELDS) {
    const value: unknown = (data as Record<string, unknown>)[field];
    if (typeof value === 'string') values[field] = value.slice(0, LONGEST_KEPT);
  }
  return values as TsiFormValues;
}

/** The form filled in from the directory's entry for a school. */
export function formValuesOfSchool(school: School): TsiFormValues {
  const judged = school.ofstedDate !== undefined && school.ofstedGrade !== undefined;
  return {
    ...EMPTY_TSI_FORM,
    recipient: 'school',
    name: school.name,
    urn: school.urn,
    trust: school.trust ?? '',
    region: school.region ?? '',
    latestDate: judged ? (school.ofstedDate ?? '') : '',
    latestGrade: judged ? (school.ofstedGrade ?? '') : '',
  };
}

const isGrade = (value: string): value is OfstedJudgement => value === NO_OVERALL_GRADE || (OFSTED_GRADES as readonly string[]).includes(value);
const isRegion = (value: string): value is Region => (REGIONS as readonly string[]).includes(value);

/** One judgement from its date and grade inputs: undefined when both are blank. */
/** The problems found, each against the input it is about. */
class Problems {
  readonly #found: { field: TsiFormField; message: string }[] = [];

  add(field: TsiFormField, message: string): void {
    this.#found.push({ field, message });
  }

  /** One message per problem; an input that was not text gets only that message. */
  messages(unreadable: ReadonlyMap<TsiFormField, string>): string[] {
    return [...unreadable.values(), ...this.#found.filter(({ field }) => !unreadable.has(field)).map(({ message }) => message)];
  }
}

function judgementFrom(
  which: string,
  [dateField, gradeField]: readonly [TsiFormField, TsiFormField],
  values: Readonly<Record<TsiFormField, string>>,
  today: string,
  problems: Problems,
): Judgement | undefined {
  const dateText = values[dateField];
  const gradeText = values[gradeField];
  if (dateText === '' && gradeText === '') return undefined;
  const date = dateText === '' ? undefined : parseDateAnswer(dateText, today);
  if (date && !date.ok) problems.add(dateField, `${which}: ${date.errors.join(' ')}`);
  if (dateText === '') problems.add(dateField, `${which}: give its date as well as its grade, or clear the grade.`);
  if (gradeText === '') problems.add(gradeField, `${which}: give its grade as well as its date, or clear the date.`);
  else if (!isGrade(gradeText)) problems.add(gradeField, `${which}: ${quoted(gradeText)} is not an Ofsted grade; choose one from the list.`);
  return date?.ok && isGrade(gradeText) ? { date: date.value, grade: gradeText } : undefined;
}

/**
 * The judgements of the form's rows, latest first, each earlier than the row above it. When
 * all the rows are used and the earliest is still one the rule cannot stop at, the form has
 * no room for the rest: the questions ask for as many as needed.
 */
function judgementsFrom(values: Readonly<Record<TsiFormField, string>>, today: string, offer: Offer, problems: Problems): Judgement[] {
  const judgements: Judgement[] = [];
  let above: { readonly name: string; readonly judgement: Judgement | undefined; readonly given: boolean } | undefined;
  for (const row of TSI_FORM_JUDGEMENTS) {
    const judgement = judgementFrom(row.name, [row.date, row.grade], values, today, problems);
    const given = values[row.date] !== '' || values[row.grade] !== '';
    if (given && above && !above.given) problems.add(row.date, `${row.name}: fill in the rows above it first, or clear this one.`);
    if (judgement && above?.judgement) {
      if (judgement.date === above.judgement.date) {
        problems.add(row.date, `${above.name} and ${row.name.toLowerCase()} are both dated ${formatLongDate(judgement.date)}: each row is an earlier inspection than the one above it.`);
      } else if (judgement.date > above.judgement.date) {
        problems.add(row.date, `${row.name} is dated ${formatLongDate(judgement.date)}, after the row above it (${formatLongDate(above.judgement.date)}): give the judgements latest first.`);
      }
    }
    if (judgement) judgements.push(judgement);
    above = { name: row.name, judgement, given };
  }
  if (judgements.length === TSI_FORM_JUDGEMENTS.length && needsEarlierJudgement(judgements, offer)) {
    problems.add(
      TSI_FORM_JUDGEMENTS[TSI_FORM_JUDGEMENTS.length - 1]!.date,
      `The earliest judgement you gave is not a graded one from before the ${offer.year} offer year, so the check needs earlier ones than this form has room for. Say “check eligibility” and choose “Answer questions one at a time”: I will ask for each.`,
    );
  }
  return judgements;
}

function yesOrNo(field: keyof typeof QUESTIONS, value: string, problems: Problems): boolean | undefined {
  const answer = value.toLowerCase();
  if (answer === 'yes' || answer === 'true') return true;
  if (answer === 'no' || answer === 'false') return false;
  problems.add(field, `Answer yes or no to "${QUESTIONS[field]}"`);
  return undefined;
}

/**
 * Reads a submitted eligibility form. Every problem is named at once, in the form's words, so
 * the form can come back with them listed and nothing the user typed lost.
 */
export function answersFromForm(data: Readonly<Record<string, unknown>>, today: string, offer: Offer): Result<TsiAnswers> {
  const values = { ...EMPTY_TSI_FORM } as Record<TsiFormField, string>;
  const unreadable = new Map<TsiFormField, string>();
  for (const field of TSI_FORM_FIELDS) {
    const parsed = FIELD_SCHEMAS[field].safeParse(data[field]);
    if (parsed.success) values[field] = (parsed.data ?? '').trim();
    else unreadable.set(field, parsed.error.issues[0]?.message ?? `${FIELD_NAMES[field]} could not be read.`);
  }
  const problems = new Problems();

  const recipient = values.recipient === 'school' || values.recipient === 'trust' ? values.recipient : undefined;
  if (!recipient) {
    problems.add('recipient', values.recipient === '' ? 'Say whether the support is for a school or a trust.' : `Choose "A school" or "A trust", not ${quoted(values.recipient)}.`);
  }

  const name = values.name.replace(/\s+/g, ' ');
  if (name === '') problems.add('name', 'Give the name of the school or trust.');
  else if (name.length > LONGEST_NAME) problems.add('name', `The name is longer than ${LONGEST_NAME} characters: please shorten it.`);

  const urn = values.urn.replace(/\s/g, '');
  if (recipient === 'school') {
    if (urn === '') problems.add('urn', "Give the school's URN: its six-digit Unique Reference Number.");
    else if (saysUnsure(values.urn)) problems.add('urn', 'No problem: type part of the school’s name in “Find the school in the directory” and press “Fill in from the directory”: that fills in its URN.');
    else if (!/^\d{6}$/.test(urn)) problems.add('urn', `The URN ${quoted(values.urn)} is not six digits: a URN looks like 100001.`);
  }
  const trust = values.trust.replace(/\s+/g, ' ');
  if (trust.length > LONGEST_NAME) problems.add('trust', `The trust's name is longer than ${LONGEST_NAME} characters: please shorten it.`);

  const region = isRegion(values.region) ? values.region : undefined;
  if (!region) {
    problems.add('region', values.region === '' ? 'Choose the DfE region.' : `${quoted(values.region)} is not one of the nine DfE regions: choose one from the list.`);
  }

  const judgements = judgementsFrom(values, today, offer, problems);

  const regionalDirectorAssessedImmediateNeed = yesOrNo('regionalDirectorAssessed', values.regionalDirectorAssessed, problems);
  const selfIdentifiesNeed = yesOrNo('selfIdentifiesNeed', values.selfIdentifiesNeed, problems);
  const regionalDeliveryTeamJudgesNeed = yesOrNo('deliveryTeamJudgesNeed', values.deliveryTeamJudgesNeed, problems);

  const messages = problems.messages(unreadable);
  if (
    messages.length > 0 ||
    !recipient ||
    !region ||
    regionalDirectorAssessedImmediateNeed === undefined ||
    selfIdentifiesNeed === undefined ||
    regionalDeliveryTeamJudgesNeed === undefined
  ) {
    return fail(...messages);
  }
  return ok({
    subject: {
      name,
      ...(recipient === 'school' ? { urn } : {}),
      ...(recipient === 'school' && trust !== '' ? { trust } : {}),
    },
    input: {
      recipient,
      region,
      judgements,
      regionalDirectorAssessedImmediateNeed,
      selfIdentifiesNeed,
      regionalDeliveryTeamJudgesNeed,
    },
  });
}
