import { z } from 'zod';
import { headerKey } from '../directory/gias.js';
import { UrnSchema, type Urn } from '../directory/types.js';
import { fail, ok, type Result } from '../result.js';

/*
 * The universal offer is taken up school by school: 000 says the School Improvement Team
 * "will be sending out a survey to all schools … asking you to sign up to the universal offer".
 * Only signed-up schools are expected at the sessions, so only they are counted in registers,
 * gaps, summaries and reminders. A headteacher signs their school up (or withdraws it) in chat;
 * the SIT records the survey's answers in bulk.
 */

export const SIGN_UP_SOURCES = ['headteacher', 'sit', 'import', 'migration'] as const;

/**
 * Who a change is recorded as made by when no person made it: the one-off migration, or a CSV
 * import run without `--by`. Neither is a person, so neither is noted in the person index.
 */
export const NOT_A_PERSON = ['migration', 'import'] as const;

export function recordedByPerson(change: Pick<SignUp, 'by'>): boolean {
  return !(NOT_A_PERSON as readonly string[]).includes(change.by);
}

export const SignUpSchema = z.object({
  urn: UrnSchema,
  signedUp: z.boolean(),
  /** The AAD object id of who made the change, or one of NOT_A_PERSON. */
  by: z.string().min(1),
  at: z.iso.datetime(),
  via: z.enum(SIGN_UP_SOURCES),
});
export type SignUp = z.infer<typeof SignUpSchema>;

/** What a headteacher or the SIT says in chat about signing up. */
export type SignUpStatement = { readonly signedUp: boolean; readonly urns: readonly string[] } | { readonly signedUp: boolean; readonly ownSchool: true };

/**
 * "sign us up", "sign my school up to the universal offer", "withdraw from the universal offer"
 * (the speaker's own school); "sign up 110123 110124" or "withdraw 110123" (by URN, for the SIT).
 */
export function parseSignUpStatement(text: string): SignUpStatement | undefined {
  const said = text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/(?<![.!])[.!]+$/, '');
  const offer = '(?: (?:to|for|from) the universal offer)?';
  if (new RegExp(`^sign (?:us|my school|our school) up${offer}$`).test(said) || new RegExp(`^sign up (?:us|my school|our school)${offer}$`).test(said)) {
    return { signedUp: true, ownSchool: true };
  }
  if (new RegExp(`^(?:withdraw|withdraw (?:us|my school|our school))(?: from the universal offer)$`).test(said)) return { signedUp: false, ownSchool: true };
  const bulk = /^(sign up|withdraw) ((?:\d{6}[ ,]*)+)$/.exec(said);
  if (bulk) return { signedUp: bulk[1] === 'sign up', urns: [...new Set(bulk[2]!.match(/\d{6}/g) ?? [])] };
  return undefined;
}

/**
 * Who counts as signed up when the bot first keeps sign-ups (the migration of an existing
 * store): schools that already have attendance logged or a task submitted evidently took part.
 * Every other school must sign up (or be signed up by the SIT); before, every school in a
 * liaison group was counted, which counted schools that never joined.
 */
export function urnsSignedUpByMigration(attendedUrns: Iterable<string>): string[] {
  return [...new Set(attendedUrns)].sort();
}

/** The header a sign-up file has (matched ignoring case and spacing): a URN, and optionally whether it is signed up. */
export const SIGN_UP_COLUMNS = { urn: 'URN', signedUp: 'Signed up' } as const;
export type SignUpField = keyof typeof SIGN_UP_COLUMNS;

/** For each column, the field it holds; a file without a URN column is refused whole. */
export function readSignUpHeader(header: readonly string[]): Result<(SignUpField | undefined)[]> {
  const fieldOf = new Map<string, SignUpField>([
    [headerKey(SIGN_UP_COLUMNS.urn), 'urn'],
    [headerKey(SIGN_UP_COLUMNS.signedUp), 'signedUp'],
    ['signedup', 'signedUp'],
  ]);
  const fields = header.map((column) => fieldOf.get(headerKey(column)));
  if (fields.includes('urn')) return ok(fields);
  return fail('This is not a sign-up file: its first row must name the column URN, and may name a column Signed up (yes or no), for example “URN,Signed up”.');
}

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);

/**
 * One row of a sign-up file: its school, and whether it is signed up. A file with no Signed up
 * column, or a row that leaves it empty, signs the school up: the survey lists the schools that
 * said yes.
 */
export function readSignUpRow(row: Partial<Record<SignUpField, string>>): Result<{ readonly urn: Urn; readonly signedUp: boolean }> {
  const urnText = (row.urn ?? '').trim();
  const answer = (row.signedUp ?? '').trim().toLowerCase();
  const problems: string[] = [];
  if (urnText === '') problems.push('it has no URN');
  else if (!/^\d{6}$/.test(urnText)) problems.push(`its URN "${urnText}" is not six digits`);
  if (answer !== '' && !YES.has(answer) && !NO.has(answer)) problems.push(`its Signed up value "${(row.signedUp ?? '').trim()}" is not yes or no`);
  if (problems.length > 0) return fail(...problems);
  return ok({ urn: urnText, signedUp: !NO.has(answer) });
}
