import { z } from 'zod';
import { UrnSchema } from '../directory/types.js';

/*
 * The universal offer is taken up school by school: 000 says the School Improvement Team
 * "will be sending out a survey to all schools … asking you to sign up to the universal offer".
 * Only signed-up schools are expected at the sessions, so only they are counted in registers,
 * gaps, summaries and reminders. A headteacher signs their school up (or withdraws it) in chat;
 * the SIT records the survey's answers in bulk.
 */

export const SIGN_UP_SOURCES = ['headteacher', 'sit', 'migration'] as const;

export const SignUpSchema = z.object({
  urn: UrnSchema,
  signedUp: z.boolean(),
  /** The AAD object id of who made the change ('migration' for the one-off move from the old rule). */
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
