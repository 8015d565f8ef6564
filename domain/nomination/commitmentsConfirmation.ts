import { z } from 'zod';
import { UrnSchema, type Urn } from '../directory/types.js';
import { isValidInstant } from '../time/londonTime.js';
import { issueMessages, PersonSchema, type Person } from '../attendance/userInput.js';
import { fail, ok, type Result } from '../result.js';
import { CHOICES, type ChoiceName, type Nomination } from './nomination.js';

/*
 * The group's member who submits a nomination confirms that the nominated schools have
 * seen the commitments; the nominated school's own headteacher then confirms them for the
 * school. The confirmation belongs to the school, not to one submission, so a group
 * resubmitting with the same school keeps it.
 */

export const CommitmentsConfirmationSchema = z.object({
  urn: UrnSchema,
  /** The group whose nomination named the school when the headteacher confirmed. */
  groupId: z.string().min(1),
  choice: z.enum(CHOICES),
  /** The commitments as they stood when confirmed, by id. */
  commitmentIds: z.array(z.string()).min(1),
  confirmedBy: PersonSchema,
  confirmedAt: z.iso.datetime(),
});
export type CommitmentsConfirmation = z.infer<typeof CommitmentsConfirmationSchema>;

export interface SchoolNamed {
  readonly nomination: Nomination;
  readonly choice: ChoiceName;
}

/** Statuses in which a nomination names its schools to the SIT: submitted, or decided other than "not selected". */
const STANDING = new Set<Nomination['status']>(['submitted', 'selected', 'reserve_selected']);

/** The nomination that names the school as its first or second choice, if a submitted one does. */
export function nominationNamingSchool(nominations: readonly Nomination[], urn: Urn): SchoolNamed | undefined {
  for (const nomination of nominations) {
    if (!STANDING.has(nomination.status)) continue;
    for (const choice of CHOICES) if (nomination[choice].urn === urn) return { nomination, choice };
  }
  return undefined;
}

/**
 * The headteacher's confirmation of the commitments for their school. Whether the person is
 * the school's headteacher is the policy's question; this asks whether there is anything to
 * confirm: a submitted nomination naming the school.
 */
export function confirmCommitments(
  nominations: readonly Nomination[],
  urn: Urn,
  context: { readonly by: Person; readonly now: Date; readonly commitmentIds: readonly string[] },
): Result<CommitmentsConfirmation> {
  if (!isValidInstant(context.now)) return fail('The time now is not known, so nothing was changed. Please try again.');
  const by = PersonSchema.safeParse(context.by);
  if (!by.success) return fail(...issueMessages(by.error));
  const named = nominationNamingSchool(nominations, urn);
  if (!named) {
    return fail(
      'Your school is not named in a submitted champion school nomination, so there are no commitments to confirm yet. Once your liaison group submits a nomination naming your school, you can confirm them here.',
    );
  }
  return ok({
    urn,
    groupId: named.nomination.groupId,
    choice: named.choice,
    commitmentIds: [...context.commitmentIds],
    confirmedBy: by.data,
    confirmedAt: context.now.toISOString(),
  });
}
