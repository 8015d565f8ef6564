import { REGIONS, type OfstedJudgement, type Region } from '../directory/types.js';
import { fail, ok, type Result } from '../result.js';
import { formatLongDate } from './academicYear.js';
import { parseDateAnswer } from './dateAnswer.js';
import { NO_WORDS, YES_WORDS, normaliseCommandText, ordinalChoice, saysUnsure } from '../text.js';

/**
 * Typed answers to the step-by-step questions: each becomes a value, or the reason it cannot,
 * said so that the question can be asked again with it.
 */

/** A quoted piece of what was typed, kept short. */
export function quoted(text: string): string {
  const shown = text.trim().replace(/\s+/g, ' ');
  return `"${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}"`;
}

function wordsOf(text: string): string {
  return normaliseCommandText(text).replace(/&/g, 'and');
}

const SCHOOL_WORDS = new Set(['school', 'a school', 'the school', 'academy', 'an academy', 'a single school']);
const TRUST_WORDS = new Set(['trust', 'a trust', 'the trust', 'mat', 'a mat', 'multi-academy trust', 'a multi-academy trust', 'multi academy trust']);

export function parseRecipient(text: string): Result<'school' | 'trust'> {
  const words = wordsOf(text);
  if (SCHOOL_WORDS.has(words)) return ok('school');
  if (TRUST_WORDS.has(words)) return ok('trust');
  return fail('Please say "school" or "trust".');
}

export type SchoolQuery = { readonly urn: string } | { readonly name: string };

const LONGEST_NAME = 120;

/** A school's name, or its URN: six digits, and nothing else that looks like a number. */
export function parseSchoolQuery(text: string): Result<SchoolQuery> {
  const typed = text.trim().replace(/\s+/g, ' ');
  if (saysUnsure(typed)) return fail("No problem: you do not need the URN. Type the school's name, or part of it, and I will look it up in the school directory.");
  const maybeUrn = typed.replace(/^urn\s*:?\s*/i, '');
  if (/^[\d\s]+$/.test(maybeUrn)) {
    const digits = maybeUrn.replace(/\s/g, '');
    if (digits.length === 6) return ok({ urn: digits });
    return fail(`A URN is six digits, like 100001, and ${quoted(digits)} has ${digits.length}. Please type the URN again, or the school's name.`);
  }
  if (typed.length < 2) return fail("Please type at least two letters of the school's name, or its six-digit URN.");
  if (typed.length > LONGEST_NAME) return fail("That is longer than any school's name: please type its name or its six-digit URN.");
  return ok({ name: typed });
}

export function parseOrganisationName(text: string): Result<string> {
  const typed = text.trim().replace(/\s+/g, ' ');
  if (typed.length === 0) return fail('Please type the name.');
  if (typed.length > LONGEST_NAME) return fail(`Please keep the name under ${LONGEST_NAME} characters.`);
  return ok(typed);
}

/**
 * Which of the offered choices was meant: its number, its place in the list ("the first one"),
 * its words, or any part of them that fits only one. Returns the choice's position.
 */
export function chooseFrom(text: string, choices: readonly string[], unknown: string): Result<number> {
  const words = wordsOf(text);
  if (/^\d+$/.test(words)) {
    const position = Number(words);
    if (position >= 1 && position <= choices.length) return ok(position - 1);
    return fail(`There are ${choices.length} choices: tap one, or say which, like "the first".`);
  }
  const byOrder = ordinalChoice(words, choices.length);
  if (byOrder !== undefined) return ok(byOrder);
  const normalised = choices.map(wordsOf);
  const exact = normalised.indexOf(words);
  if (exact !== -1) return ok(exact);
  const partial = words.length < 2 ? [] : normalised.flatMap((choice, index) => (choice.includes(words) ? [index] : []));
  const [only] = partial;
  if (partial.length === 1 && only !== undefined) return ok(only);
  if (partial.length > 1) {
    const names = partial.map((index) => choices[index]);
    return fail(`${quoted(text)} fits more than one: ${names.slice(0, -1).join(', ')} or ${names.at(-1)}. Which one?`);
  }
  return fail(`${quoted(text)} ${unknown}`);
}

export function parseRegion(text: string): Result<Region> {
  const chosen = chooseFrom(text.replace(/^\s*the\s+/i, '').replace(/\bregion\b/i, ''), REGIONS, `is not one of the nine DfE regions. Please tap one, or type its name.`);
  if (!chosen.ok) return chosen;
  const region = REGIONS[chosen.value];
  return region ? ok(region) : fail('Please choose one of the nine DfE regions.');
}

const GRADE_WORDS: Record<string, OfstedJudgement> = {
  // Ofsted gives no overall grade for inspections from September 2024.
  'inspected, no overall grade': 'no_overall_grade',
  'inspected no overall grade': 'no_overall_grade',
  'no overall grade': 'no_overall_grade',
  no_overall_grade: 'no_overall_grade',
  'no grade': 'no_overall_grade',
  ungraded: 'no_overall_grade',
  outstanding: 'outstanding',
  '1': 'outstanding',
  'grade 1': 'outstanding',
  good: 'good',
  '2': 'good',
  'grade 2': 'good',
  'requires improvement': 'requires_improvement',
  requires_improvement: 'requires_improvement',
  ri: 'requires_improvement',
  '3': 'requires_improvement',
  'grade 3': 'requires_improvement',
  inadequate: 'inadequate',
  '4': 'inadequate',
  'grade 4': 'inadequate',
  // Both Ofsted categories of concern are inadequate judgements.
  'special measures': 'inadequate',
  'serious weaknesses': 'inadequate',
};

export function parseGrade(text: string): Result<OfstedJudgement> {
  const grade = GRADE_WORDS[wordsOf(text)] ?? GRADE_WORDS[wordsOf(text).replace(/,/g, '')];
  if (grade) return ok(grade);
  return fail(`${quoted(text)} is not an Ofsted grade. Please say outstanding, good, requires improvement, inadequate, or “no overall grade” for an inspection without one.`);
}

// The questions are about the school ("has it…", "does it…"), so their answers are accepted too.
const YES = new Set([...YES_WORDS, 'yes please', 'it has', 'it does', 'they have', 'they do', 'we do']);
const NO = new Set([...NO_WORDS, 'not', 'it has not', "it hasn't", 'it does not', "it doesn't", 'they have not', 'they do not', 'we do not', "we don't"]);

/**
 * Yes or no. "Not sure" is refused with `whenUnsure`: what the question means and what each
 * answer leads to, so that the person can choose.
 */
export function parseYesNo(text: string, whenUnsure?: string): Result<boolean> {
  const words = wordsOf(text);
  if (YES.has(words)) return ok(true);
  if (NO.has(words)) return ok(false);
  if (whenUnsure && saysUnsure(text)) return fail(whenUnsure);
  return fail('Please answer yes or no.');
}

const NONE = new Set(['none', 'no', 'never', 'never inspected', 'not inspected', 'not yet', 'not yet inspected', 'there is none', 'n/a', 'na']);

/** The latest judgement's date, or 'none' when there has not been one. */
export function parseLatestJudgementDate(text: string, today: string): Result<string | 'none'> {
  if (NONE.has(wordsOf(text))) return ok('none');
  return parseDateAnswer(text, today);
}

/** The date of the judgement before the latest: earlier than it, or 'none'. */
export function parseEarlierJudgementDate(text: string, today: string, latestDate: string): Result<string | 'none'> {
  if (NONE.has(wordsOf(text))) return ok('none');
  const date = parseDateAnswer(text, today);
  if (!date.ok) return date;
  if (date.value === latestDate) {
    return fail(`That is the date of the latest judgement (${formatLongDate(latestDate)}). Please give the date of the one before it, or say "none".`);
  }
  if (date.value > latestDate) {
    return fail(
      `${formatLongDate(date.value)} is after the latest judgement (${formatLongDate(latestDate)}). Please give the date of the judgement before it, or say "none".`,
    );
  }
  return date;
}
