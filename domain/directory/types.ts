import { z } from 'zod';

/** A school's Unique Reference Number: six digits. */
export const UrnSchema = z.string().regex(/^\d{6}$/, 'a URN is six digits');
export type Urn = z.infer<typeof UrnSchema>;

export const REGIONS = [
  'East of England',
  'East Midlands',
  'London',
  'North East',
  'North West',
  'South East',
  'South West',
  'West Midlands',
  'Yorkshire and the Humber',
] as const;
export const RegionSchema = z.enum(REGIONS);
export type Region = z.infer<typeof RegionSchema>;

export const OFSTED_GRADES = ['outstanding', 'good', 'requires_improvement', 'inadequate'] as const;
export const OfstedGradeSchema = z.enum(OFSTED_GRADES);
export type OfstedGrade = z.infer<typeof OfstedGradeSchema>;

/** Ofsted's inspections from September 2024 carry no single-word overall grade. */
export const NO_OVERALL_GRADE = 'no_overall_grade';
/** What an inspection concluded: one of the four grades, or no overall grade. */
export const OfstedJudgementSchema = z.union([OfstedGradeSchema, z.literal(NO_OVERALL_GRADE)]);
export type OfstedJudgement = z.infer<typeof OfstedJudgementSchema>;

export const PHASES = ['nursery', 'primary', 'middle', 'secondary', 'all-through', 'sixteen-plus', 'special', 'alternative provision', 'other'] as const;
export const PhaseSchema = z.enum(PHASES);
export type Phase = z.infer<typeof PhaseSchema>;

/** A YYYY-MM-DD calendar date. */
export const IsoDateSchema = z.iso.date();

/** One establishment from the directory (imported from Get Information about Schools, or the demo file). */
export const SchoolSchema = z.object({
  urn: UrnSchema,
  name: z.string().min(1),
  type: z.string(),
  phase: PhaseSchema,
  localAuthority: z.string(),
  region: RegionSchema.optional(),
  trust: z.string().optional(),
  pupils: z.number().int().nonnegative().optional(),
  /** The latest inspection's outcome; `no_overall_grade` for an ungraded inspection (from September 2024). */
  ofstedGrade: OfstedJudgementSchema.optional(),
  ofstedDate: IsoDateSchema.optional(),
  /** The Buckinghamshire liaison group the school belongs to, when it belongs to one. */
  liaisonGroupId: z.string().optional(),
});
export type School = z.infer<typeof SchoolSchema>;

/** One of Buckinghamshire's 18 liaison groups; names are data an administrator can change. */
export const LiaisonGroupSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
});
export type LiaisonGroup = z.infer<typeof LiaisonGroupSchema>;

export const SCHOOL_ROLES = ['headteacher', 'staff'] as const;
export const SYSTEM_LEADER_ROLES = ['mat_ceo', 'nle'] as const;

/**
 * Saying "I'm the head of …" is only a claim: it stays pending until a SIT administrator (or,
 * for staff, the school's verified headteacher) approves it. `by` is the approver's AAD object id.
 */
export const VerificationSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('pending') }),
  z.object({ status: z.literal('verified'), by: z.string().min(1), at: z.iso.datetime() }),
]);
export type Verification = z.infer<typeof VerificationSchema>;

/** Who a Teams user is to the bot, keyed by their Azure AD object id. */
export const ProfileSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('school'),
    aadObjectId: z.string().min(1),
    name: z.string().min(1),
    urn: UrnSchema,
    role: z.enum(SCHOOL_ROLES),
    /**
     * Whether the claim to the role has been checked (see domain/directory/verification.ts).
     * A profile stored before roles were verified has none, and is read as pending.
     */
    verification: VerificationSchema.optional(),
    updatedAt: z.iso.datetime(),
  }),
  z.object({
    kind: z.literal('system_leader'),
    aadObjectId: z.string().min(1),
    name: z.string().min(1),
    organisation: z.string().min(1),
    role: z.enum(SYSTEM_LEADER_ROLES),
    email: z.email().optional(),
    updatedAt: z.iso.datetime(),
  }),
]);
export type Profile = z.infer<typeof ProfileSchema>;

/** A group chat or team channel linked to the liaison group it acts for. */
export const ConversationLinkSchema = z.object({
  conversationId: z.string().min(1),
  liaisonGroupId: LiaisonGroupSchema.shape.id,
  /** The AAD object id of the person who made (or last changed) the link. */
  linkedBy: z.string().min(1),
  linkedAt: z.iso.datetime(),
});
export type ConversationLink = z.infer<typeof ConversationLinkSchema>;
