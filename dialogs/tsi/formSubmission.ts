import { z } from 'zod';
import { EMPTY_TSI_FORM, TSI_FORM_FIELDS, type TsiFormField, type TsiFormValues } from '../../cards/tsiCards.js';
import { OFSTED_GRADES, REGIONS, type OfstedGrade, type Region, type School } from '../../domain/directory/types.js';
import { fail, ok, type Result } from '../../domain/result.js';
import { formatLongDate } from '../../domain/tsi/academicYear.js';
import { parseDateAnswer } from '../../domain/tsi/dateAnswer.js';
import type { Judgement } from '../../domain/tsi/eligibility.js';
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
const SubmissionSchema = z.looseObject(
  Object.fromEntries(
    TSI_FORM_FIELDS.map((field) => [
      field,
      z
        .string({ error: `${FIELD_NAMES[field]} was not sent as text: please fill it in again.` })
        .max(LONGEST_KEPT, `${FIELD_NAMES[field]} is far too long: please shorten it.`)
        .optional(),
    ]),
  ) as Record<TsiFormField, z.ZodOptional<z.ZodString>>,
);

/** What the user had in the form, to show it again: text values only, cut to a safe length. */
export function formValuesFrom(data: Readonly<Record<string, unknown>>): TsiFormValues {
  const values: Record<string, string> = { ...EMPTY_TSI_FORM };
  for (const field of TSI_FORM_FIELDS) {
    const value = data[field];
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

function quoted(value: string): string {
  const shown = value.trim();
  return `"${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}"`;
}

const isGrade = (value: string): value is OfstedGrade => (OFSTED_GRADES as readonly string[]).includes(value);
const isRegion = (value: string): value is Region => (REGIONS as readonly string[]).includes(value);

/** One judgement from its date and grade inputs: undefined when both are blank. */
function judgementFrom(
  which: 'Latest judgement' | 'Judgement before it',
  dateText: string,
  gradeText: string,
  today: string,
  problems: string[],
): Judgement | undefined {
  if (dateText === '' && gradeText === '') return undefined;
  const date = dateText === '' ? undefined : parseDateAnswer(dateText, today);
  if (date && !date.ok) problems.push(`${which}: ${date.errors.join(' ')}`);
  if (dateText === '') problems.push(`${which}: give its date as well as its grade, or clear the grade.`);
  if (gradeText === '') problems.push(`${which}: give its grade as well as its date, or clear the date.`);
  else if (!isGrade(gradeText)) problems.push(`${which}: ${quoted(gradeText)} is not an Ofsted grade; choose one from the list.`);
  return date?.ok && isGrade(gradeText) ? { date: date.value, grade: gradeText } : undefined;
}

function yesOrNo(field: keyof typeof QUESTIONS, value: string, problems: string[]): boolean | undefined {
  const answer = value.toLowerCase();
  if (answer === 'yes' || answer === 'true') return true;
  if (answer === 'no' || answer === 'false') return false;
  problems.push(`Answer yes or no to "${QUESTIONS[field]}"`);
  return undefined;
}

/**
 * Reads a submitted eligibility form. Every problem is named at once, in the form's words, so
 * the form can come back with them listed and nothing the user typed lost.
 */
export function answersFromForm(data: unknown, today: string): Result<TsiAnswers> {
  const parsed = SubmissionSchema.safeParse(data);
  if (!parsed.success) return fail(...new Set(parsed.error.issues.map((issue) => issue.message)));
  const values = Object.fromEntries(TSI_FORM_FIELDS.map((field) => [field, (parsed.data[field] ?? '').trim()])) as Record<TsiFormField, string>;
  const problems: string[] = [];

  const recipient = values.recipient === 'school' || values.recipient === 'trust' ? values.recipient : undefined;
  if (!recipient) {
    problems.push(values.recipient === '' ? 'Say whether the support is for a school or a trust.' : `Choose "A school" or "A trust", not ${quoted(values.recipient)}.`);
  }

  const name = values.name.replace(/\s+/g, ' ');
  if (name === '') problems.push('Give the name of the school or trust.');
  else if (name.length > LONGEST_NAME) problems.push(`The name is longer than ${LONGEST_NAME} characters: please shorten it.`);

  const urn = values.urn.replace(/\s/g, '');
  if (recipient === 'school') {
    if (urn === '') problems.push("Give the school's URN: its six-digit Unique Reference Number.");
    else if (!/^\d{6}$/.test(urn)) problems.push(`The URN ${quoted(values.urn)} is not six digits: a URN looks like 100001.`);
  }
  const trust = values.trust.replace(/\s+/g, ' ');
  if (trust.length > LONGEST_NAME) problems.push(`The trust's name is longer than ${LONGEST_NAME} characters: please shorten it.`);

  const region = isRegion(values.region) ? values.region : undefined;
  if (!region) problems.push(values.region === '' ? 'Choose the DfE region.' : `${quoted(values.region)} is not one of the nine DfE regions: choose one from the list.`);

  const latest = judgementFrom('Latest judgement', values.latestDate, values.latestGrade, today, problems);
  const previous = judgementFrom('Judgement before it', values.previousDate, values.previousGrade, today, problems);
  const latestGiven = values.latestDate !== '' || values.latestGrade !== '';
  const previousGiven = values.previousDate !== '' || values.previousGrade !== '';
  if (previousGiven && !latestGiven) problems.push('Judgement before it: fill in the latest judgement first, or clear this one.');
  if (latest && previous) {
    if (previous.date === latest.date) {
      problems.push(`Both judgements are dated ${formatLongDate(latest.date)}: the one before the latest must have an earlier date.`);
    } else if (previous.date > latest.date) {
      problems.push(`The judgement before the latest is dated ${formatLongDate(previous.date)}, after the latest (${formatLongDate(latest.date)}): check the two dates.`);
    }
  }

  const regionalDirectorAssessedImmediateNeed = yesOrNo('regionalDirectorAssessed', values.regionalDirectorAssessed, problems);
  const selfIdentifiesNeed = yesOrNo('selfIdentifiesNeed', values.selfIdentifiesNeed, problems);
  const regionalDeliveryTeamJudgesNeed = yesOrNo('deliveryTeamJudgesNeed', values.deliveryTeamJudgesNeed, problems);

  if (
    problems.length > 0 ||
    !recipient ||
    !region ||
    regionalDirectorAssessedImmediateNeed === undefined ||
    selfIdentifiesNeed === undefined ||
    regionalDeliveryTeamJudgesNeed === undefined
  ) {
    return fail(...problems);
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
      judgements: [latest, previous].filter((judgement): judgement is Judgement => judgement !== undefined),
      regionalDirectorAssessedImmediateNeed,
      selfIdentifiesNeed,
      regionalDeliveryTeamJudgesNeed,
    },
  });
}
