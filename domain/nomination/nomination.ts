import { z } from 'zod';
import { LiaisonGroupSchema, OfstedGradeSchema, UrnSchema, type School } from '../directory/types.js';
import { lineOfText, noteText, PersonSchema } from '../attendance/userInput.js';

/*
 * A liaison group's Disadvantaged Champion School nomination: one record per group, a
 * first choice and a second choice (reserve), each a school, its named champion and its
 * answers to the criteria.
 *
 * Life of a nomination: draft → submitted → selected / reserve_selected / not_selected.
 * - Any member of the group edits the draft, one field at a time (see applyEdit).
 * - Editing a SUBMITTED nomination makes it a draft again: what the SIT sees as submitted
 *   is always exactly what a member submitted with the commitments confirmed, never a
 *   half-edited version. The submission being edited moves to `history` at that moment, so
 *   the SIT still sees the group's last submission while it redrafts; submitting again
 *   makes the new submission the current one. Submitting again without an edit also moves
 *   the earlier submission to history.
 * - Once the SIT has decided, the group can no longer edit or resubmit; the SIT can change
 *   its decision.
 */

/** The longest gap evidence note: a short note, not a report (about 150 to 200 words). */
export const GAP_EVIDENCE_MAX = 1000;

export const CHAMPION_ROLES = ['pupil_premium_lead', 'slt', 'other'] as const;
export const ChampionRoleSchema = z.enum(CHAMPION_ROLES, {
  error: "the champion's role must be pupil premium lead, senior leadership team, or other",
});
export type ChampionRole = z.infer<typeof ChampionRoleSchema>;

export const CHAMPION_ROLE_LABELS: Record<ChampionRole, string> = {
  pupil_premium_lead: 'Pupil Premium / Disadvantaged Pupil Lead',
  slt: 'Member of the senior leadership team',
  other: 'Another role',
};

export const ChampionNameSchema = lineOfText("the champion's name");
export const ChampionRoleNoteSchema = lineOfText("the champion's role", 200);
export const GapEvidenceSchema = noteText('the evidence of a gap', GAP_EVIDENCE_MAX);

export const ChampionSchema = z.object({
  name: ChampionNameSchema.optional(),
  role: ChampionRoleSchema.optional(),
  /** What the role is, in the group's words; asked for when the role is "other". */
  roleNote: ChampionRoleNoteSchema.optional(),
});
export type Champion = z.infer<typeof ChampionSchema>;

/** An inspection newer than the directory's, stated by the group to override an inadequate grade. */
export const NewerInspectionSchema = z.object(
  {
    date: z.iso.date({ error: 'the inspection date must be a real date, like 2022-03-15' }),
    grade: OfstedGradeSchema,
  },
  { error: 'the newer inspection needs a date and a grade' },
);
export type NewerInspection = z.infer<typeof NewerInspectionSchema>;

export const CriteriaSchema = z.object({
  /** `confirmed`: the group confirms the school is not graded inadequate. */
  notInadequate: z.object({ confirmed: z.boolean(), newerInspection: NewerInspectionSchema.optional() }).optional(),
  stableSlt: z.boolean().optional(),
  gapEvidence: GapEvidenceSchema.optional(),
});
export type Criteria = z.infer<typeof CriteriaSchema>;

export const ChoiceSchema = z.object({
  urn: UrnSchema.optional(),
  champion: ChampionSchema,
  criteria: CriteriaSchema,
});
export type Choice = z.infer<typeof ChoiceSchema>;

export const CHOICES = ['first', 'second'] as const;
export type ChoiceName = (typeof CHOICES)[number];
export const CHOICE_LABELS: Record<ChoiceName, string> = { first: 'First choice', second: 'Second choice (reserve)' };

export const NOMINATION_STATUSES = ['draft', 'submitted', 'selected', 'reserve_selected', 'not_selected'] as const;
export const NominationStatusSchema = z.enum(NOMINATION_STATUSES);
export type NominationStatus = z.infer<typeof NominationStatusSchema>;

export const DECISIONS = ['selected', 'reserve_selected', 'not_selected'] as const;
export const DecisionSchema = z.enum(DECISIONS, { error: 'the decision must be selected, reserve selected or not selected' });
export type Decision = z.infer<typeof DecisionSchema>;

/** One submission as it was made: kept in history when it stops being the current one. */
export const SubmissionSchema = z.object({
  first: ChoiceSchema,
  second: ChoiceSchema,
  submittedBy: PersonSchema,
  submittedAt: z.iso.datetime(),
});
export type Submission = z.infer<typeof SubmissionSchema>;

/** Who last changed a field and when, so a member sees whose answer they are looking at. */
export const FieldStampSchema = z.object({ by: PersonSchema, at: z.iso.datetime() });
export type FieldStamp = z.infer<typeof FieldStampSchema>;

export const NominationSchema = z.object({
  groupId: LiaisonGroupSchema.shape.id,
  status: NominationStatusSchema,
  first: ChoiceSchema,
  second: ChoiceSchema,
  commitmentsConfirmed: z.boolean(),
  submittedBy: PersonSchema.optional(),
  submittedAt: z.iso.datetime().optional(),
  decision: z.object({ decision: DecisionSchema, decidedBy: PersonSchema, decidedAt: z.iso.datetime() }).optional(),
  /** Earlier submissions, oldest first. */
  history: z.array(SubmissionSchema),
  /** Keyed by field path, such as `first.champion.name`. */
  editedFields: z.record(z.string(), FieldStampSchema).optional(),
});
export type Nomination = z.infer<typeof NominationSchema>;

export type SchoolsByUrn = ReadonlyMap<string, School>;

const emptyChoice = (): Choice => ({ champion: {}, criteria: {} });

/** A liaison group's nomination before anyone has answered anything. */
export function newNomination(groupId: string): Nomination {
  return { groupId, status: 'draft', first: emptyChoice(), second: emptyChoice(), commitmentsConfirmed: false, history: [] };
}

export function isDecided(nomination: Nomination): boolean {
  return nomination.status === 'selected' || nomination.status === 'reserve_selected' || nomination.status === 'not_selected';
}

/** The current submission, for moving to history when another replaces it. */
export function currentSubmission(nomination: Nomination): Submission | undefined {
  if (nomination.status === 'draft' || !nomination.submittedBy || !nomination.submittedAt) return undefined;
  return { first: nomination.first, second: nomination.second, submittedBy: nomination.submittedBy, submittedAt: nomination.submittedAt };
}

/**
 * `edited` as a draft again: the submission it was made from (`submitted`) moves to history,
 * and the commitments must be confirmed afresh when it is resubmitted.
 */
export function backToDraft(edited: Nomination, submitted: Nomination): Nomination {
  const replaced = currentSubmission(submitted);
  const { submittedBy: _submittedBy, submittedAt: _submittedAt, ...rest } = edited;
  return { ...rest, status: 'draft', commitmentsConfirmed: false, history: replaced ? [...submitted.history, replaced] : submitted.history };
}
