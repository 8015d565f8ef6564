import { fail, ok, type Result } from '../result.js';
import type { Adviser, Person, SelfEvaluation } from './record.js';

/**
 * The system leaders a school invites as its advisers (issue: "a SIT administrator, or a system
 * leader the school invites"). Who may invite, and that an invitation lasts until the school
 * removes it, are the council's own rules; the policy (domain/access/policy.ts) reads the list.
 */

/** The most advisers one school invites (the council's own): an adviser, not an audience. */
export const MOST_ADVISERS = 5;

export const adviserIds = (record: SelfEvaluation | undefined): string[] => (record?.advisers ?? []).map((adviser) => adviser.aadObjectId);

export function inviteAdviser(record: SelfEvaluation, leader: { readonly aadObjectId: string; readonly name: string; readonly organisation: string }, by: Person, now: Date): Result<SelfEvaluation> {
  const advisers = record.advisers ?? [];
  if (advisers.some((adviser) => adviser.aadObjectId === leader.aadObjectId)) return fail(`${leader.name} is already one of your school’s advisers.`);
  if (advisers.length >= MOST_ADVISERS) return fail(`Your school already has ${MOST_ADVISERS} advisers, as many as it may invite: remove one first.`);
  const adviser: Adviser = { ...leader, invitedBy: by, invitedAt: now.toISOString() };
  return ok({ ...record, advisers: [...advisers, adviser] });
}

export function removeAdviser(record: SelfEvaluation, aadObjectId: string): Result<SelfEvaluation> {
  const advisers = record.advisers ?? [];
  if (!advisers.some((adviser) => adviser.aadObjectId === aadObjectId)) return fail('That person is not one of your school’s advisers.');
  return ok({ ...record, advisers: advisers.filter((adviser) => adviser.aadObjectId !== aadObjectId) });
}
