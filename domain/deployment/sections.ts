/**
 * The eight sections of the TSI deployment form: each section's fields as zod schemas, the
 * complete-section schemas with their cross-field rules, and the field list in asking order
 * that the conversation walks one question at a time.
 */
import { z } from 'zod';
import { IsoDateSchema, PHASES, PhaseSchema, REGIONS, RegionSchema, SYSTEM_LEADER_ROLES, UrnSchema } from '../directory/types.js';
import { AccountNameSchema, AccountNumberSchema, MaskedBankDetailsSchema, SortCodeSchema } from './bankDetails.js';
import { claimPayment } from './payment.js';
import { dayStepsWording, DEPLOYMENT_PROGRAMME, inDaySteps, OTHER_AREA_ID } from './programme.js';

export const SECTION_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export type SectionNumber = (typeof SECTION_NUMBERS)[number];

const SECTION_TITLES: Record<SectionNumber, string> = {
  1: 'School/Trust Details',
  2: 'Scope and diagnostics',
  3: 'Mid engagement',
  4: 'Closure and next steps',
  5: 'Bank details',
  6: 'Payment claim',
  7: 'Supported School/Trust section',
  8: 'Submission',
};

export function sectionTitle(section: SectionNumber): string {
  return SECTION_TITLES[section];
}

export const isSectionNumber = (value: unknown): value is SectionNumber => SECTION_NUMBERS.some((section) => section === value);

// Field-level schemas. Their messages are what a system leader reads when an answer is refused.

const BRIEF_NOTE_MAX = 1000;

const shortText = (what: string) => z.string(`Give ${what}.`).trim().min(1, `Give ${what}.`).max(200, `Keep ${what} under 200 characters.`);

/** The form asks for brief notes only. */
const briefNote = (what: string) =>
  z
    .string(`Give ${what}.`)
    .trim()
    .min(1, `Give ${what}.`)
    .max(BRIEF_NOTE_MAX, `Please keep ${what} brief: at most ${BRIEF_NOTE_MAX.toLocaleString('en-GB')} characters.`);

/** A note that may be left empty: '' records that the question was answered with nothing to add. */
const optionalNote = (what: string) =>
  z.string(`Give ${what}, or say "none".`).trim().max(BRIEF_NOTE_MAX, `Please keep ${what} brief: at most ${BRIEF_NOTE_MAX.toLocaleString('en-GB')} characters.`);

const halfDaySteps = (value: number) => inDaySteps(value);

const ids = (choices: readonly { id: string }[]) => choices.map((choice) => choice.id) as [string, ...string[]];

export const RECIPIENT_KINDS = ['school', 'trust'] as const;
export const WHY_ELIGIBLE = ['C1', 'C2', 'C3', 'by_exception'] as const;
export type WhyEligible = (typeof WHY_ELIGIBLE)[number];
export const ENHANCED_STRANDS = ['none', 'trust_partnership', 'extra_days'] as const;
export type EnhancedStrand = (typeof ENHANCED_STRANDS)[number];
export const CONFIRMER_ROLES = ['headteacher', 'trust_ceo'] as const;
export const CONFIRMATION_OUTCOMES = ['confirmed', 'queried'] as const;

const { maxDays, maxExtensionDays, areasOfFocus, approvedProgrammes, additionalSupport } = DEPLOYMENT_PROGRAMME;
/** Section 2's menu of potential mechanisms: Annex A's programmes, then the additional support elements. */
const mechanisms = [...approvedProgrammes, ...additionalSupport];

const SchoolAndSystemLeaderFields = z.object({
  recipientKind: z.enum(RECIPIENT_KINDS, 'Say whether you are supporting a school or a trust.'),
  recipientName: shortText('the name of the school or trust'),
  urn: UrnSchema,
  trust: optionalNote("the trust's name").max(200, "Keep the trust's name under 200 characters."),
  phase: PhaseSchema,
  localAuthority: shortText('the local authority'),
  region: RegionSchema,
  systemLeaderName: shortText('your name'),
  systemLeaderRole: z.enum(SYSTEM_LEADER_ROLES, 'Say whether you are a MAT CEO or a National Leader of Education (NLE).'),
  systemLeaderOrganisation: shortText('your trust or organisation'),
  systemLeaderEmail: z.string().trim().pipe(z.email('Give an email address, like name@trust.org.uk.')),
});

const ScopeAndDiagnosticsFields = z.object({
  whyEligible: z.enum(WHY_ELIGIBLE, 'Choose C1, C2, C3 or by exception.'),
  additionalInformation: optionalNote('any additional information'),
  areasOfFocus: z
    .array(z.enum(ids(areasOfFocus), 'Choose areas of focus from the list on the form.'))
    .min(1, 'Choose at least one area of focus.'),
  otherAreaNote: briefNote('the other area of focus'),
  mechanismsOfSupport: z.array(z.enum(ids(mechanisms), 'Choose from the DfE programmes in Annex A and the additional support elements listed.')),
});

const MidEngagementFields = z.object({
  reviewDate: IsoDateSchema,
  progressSoFar: briefNote('the progress so far'),
  amendments: optionalNote('the amendments to the programme of support'),
});

const ClosureAndNextStepsFields = z.object({
  allActivitiesCompleted: z.boolean('Answer yes or no.'),
  notCompletedReason: briefNote('why some activities were not completed'),
  nextSteps: briefNote('the next steps'),
  enhancedStrand: z.enum(ENHANCED_STRANDS, 'Choose no recommendation, a funded trust partnership, or additional days.'),
  trustPartnershipCaseNote: briefNote('the case for a funded trust partnership'),
  extraDaysRecommended: z
    .number('Give a whole number of days.')
    .int(`Recommend whole days, from 1 to ${maxExtensionDays}.`)
    .min(1, `Recommend from 1 to ${maxExtensionDays} additional days.`)
    .max(maxExtensionDays, `At most ${maxExtensionDays} additional days can be recommended.`),
});

const PaymentClaimFields = z.object({
  daysDelivered: z
    .number('Give the number of days, such as 9 or 9.5.')
    .positive('Give the number of days delivered: it must be more than 0.')
    .max(maxDays + maxExtensionDays, `No deployment runs beyond ${maxDays + maxExtensionDays} days, even with an extension.`)
    .refine(halfDaySteps, `Days are counted ${dayStepsWording(9)}.`),
  extensionApprovedDays: z
    .number('Give the number of days, such as 2 or 2.5.')
    .min(0, 'The number of approved extra days cannot be negative.')
    .max(maxExtensionDays, `DfE approves at most ${maxExtensionDays} extra days.`)
    .refine(halfDaySteps, `Extra days are counted ${dayStepsWording(2)}.`),
  approvalReference: shortText("the reference of DfE's email agreeing the extension"),
});

const SchoolConfirmationFields = z.object({
  confirmedByName: shortText('the name of the person confirming'),
  confirmedByRole: z.enum(CONFIRMER_ROLES, 'The form is confirmed by the headteacher or the trust CEO.'),
  confirmedByAadObjectId: z.string().trim().min(1),
  outcome: z.enum(CONFIRMATION_OUTCOMES, 'Say whether the work reported is confirmed or queried.'),
  queryText: briefNote('what is queried'),
  at: z.iso.datetime({ offset: true, error: 'Give a date and time.' }),
});

const SubmissionFields = z.object({
  signedBySystemLeaderAt: IsoDateSchema,
  sentToSchoolAt: IsoDateSchema,
  submittedToRdpAt: IsoDateSchema,
});

// Complete sections: every field that applies is present, and the cross-field rules hold.

export const SchoolAndSystemLeaderSchema = SchoolAndSystemLeaderFields.partial({ urn: true, trust: true, phase: true, localAuthority: true }).superRefine(
  (section, context) => {
    if (section.recipientKind !== 'school') return;
    if (section.urn === undefined) context.addIssue({ code: 'custom', path: ['urn'], message: "Give the school's URN." });
    if (section.phase === undefined) context.addIssue({ code: 'custom', path: ['phase'], message: "Give the school's phase." });
    if (section.localAuthority === undefined) context.addIssue({ code: 'custom', path: ['localAuthority'], message: "Give the school's local authority." });
  },
);
export type SchoolAndSystemLeader = z.infer<typeof SchoolAndSystemLeaderSchema>;

export const ScopeAndDiagnosticsSchema = ScopeAndDiagnosticsFields.partial({ additionalInformation: true, otherAreaNote: true }).superRefine(
  (section, context) => {
    if (section.areasOfFocus.includes(OTHER_AREA_ID) && section.otherAreaNote === undefined) {
      context.addIssue({ code: 'custom', path: ['otherAreaNote'], message: 'You chose "Other" as an area of focus: add a brief note saying what it is.' });
    }
  },
);
export type ScopeAndDiagnostics = z.infer<typeof ScopeAndDiagnosticsSchema>;

export const MidEngagementSchema = MidEngagementFields.partial({ amendments: true });
export type MidEngagement = z.infer<typeof MidEngagementSchema>;

export const ClosureAndNextStepsSchema = ClosureAndNextStepsFields.partial({
  notCompletedReason: true,
  trustPartnershipCaseNote: true,
  extraDaysRecommended: true,
}).superRefine((section, context) => {
  if (!section.allActivitiesCompleted && section.notCompletedReason === undefined) {
    context.addIssue({ code: 'custom', path: ['notCompletedReason'], message: 'Say briefly why not all planned activities were completed.' });
  }
  const hasCase = section.trustPartnershipCaseNote !== undefined;
  const hasDays = section.extraDaysRecommended !== undefined;
  if (hasCase && hasDays) {
    context.addIssue({
      code: 'custom',
      path: ['enhancedStrand'],
      message: 'The enhanced strand is one or the other: recommend a funded trust partnership or additional days, never both.',
    });
  }
  if (section.enhancedStrand === 'trust_partnership' && !hasCase) {
    context.addIssue({ code: 'custom', path: ['trustPartnershipCaseNote'], message: 'A funded trust partnership needs a written case: summarise it.' });
  }
  if (section.enhancedStrand === 'extra_days' && !hasDays) {
    context.addIssue({ code: 'custom', path: ['extraDaysRecommended'], message: 'Say how many additional days you recommend.' });
  }
  if (section.enhancedStrand === 'none' && (hasCase || hasDays)) {
    context.addIssue({ code: 'custom', path: ['enhancedStrand'], message: 'You chose no enhanced-strand recommendation, yet the form holds one.' });
  }
});
export type ClosureAndNextSteps = z.infer<typeof ClosureAndNextStepsSchema>;

/** Section 5 as kept in a draft: sealed, with a masked copy to show. The plain details are `BankDetailsSchema`. */
export const SealedBankDetailsSchema = z.object({
  sealed: z.string().startsWith('bank.v1.'),
  masked: MaskedBankDetailsSchema,
});
export type SealedBankDetails = z.infer<typeof SealedBankDetailsSchema>;

export const PaymentClaimSectionSchema = PaymentClaimFields.partial({ extensionApprovedDays: true, approvalReference: true }).superRefine(
  (section, context) => {
    const claim = claimPayment(section.daysDelivered, {
      ...(section.extensionApprovedDays === undefined ? {} : { extensionApprovedDays: section.extensionApprovedDays }),
      ...(section.approvalReference === undefined ? {} : { approvalReference: section.approvalReference }),
    });
    if (!claim.ok) for (const message of claim.errors) context.addIssue({ code: 'custom', path: ['daysDelivered'], message });
  },
);
export type PaymentClaimSection = z.infer<typeof PaymentClaimSectionSchema>;

export const SchoolConfirmationSchema = SchoolConfirmationFields.partial({ queryText: true }).superRefine((section, context) => {
  if (section.outcome === 'queried' && section.queryText === undefined) {
    context.addIssue({ code: 'custom', path: ['queryText'], message: 'Say what the school or trust queried.' });
  }
});
export type SchoolConfirmation = z.infer<typeof SchoolConfirmationSchema>;

export const SubmissionSchema = SubmissionFields.superRefine((section, context) => {
  if (section.sentToSchoolAt < section.signedBySystemLeaderAt) {
    context.addIssue({ code: 'custom', path: ['sentToSchoolAt'], message: 'The form was sent to the school before you signed it: check the dates.' });
  }
  if (section.submittedToRdpAt < section.sentToSchoolAt) {
    context.addIssue({ code: 'custom', path: ['submittedToRdpAt'], message: 'The form was submitted to the RDP before it was sent to the school: check the dates.' });
  }
});
export type Submission = z.infer<typeof SubmissionSchema>;

/** What a draft holds of each section while it is being filled: any field may still be missing. */
export const SectionDraftSchemas = {
  1: SchoolAndSystemLeaderFields.partial(),
  2: ScopeAndDiagnosticsFields.partial(),
  3: MidEngagementFields.partial(),
  4: ClosureAndNextStepsFields.partial(),
  5: SealedBankDetailsSchema.partial(),
  6: PaymentClaimFields.partial(),
  7: SchoolConfirmationFields.partial(),
  8: SubmissionFields.partial(),
} as const;

export const CompleteSectionSchemas = {
  1: SchoolAndSystemLeaderSchema,
  2: ScopeAndDiagnosticsSchema,
  3: MidEngagementSchema,
  4: ClosureAndNextStepsSchema,
  5: SealedBankDetailsSchema,
  6: PaymentClaimSectionSchema,
  7: SchoolConfirmationSchema,
  8: SubmissionSchema,
} as const;

// The questions, in the order the conversation asks them.

export type FieldKind = 'text' | 'longText' | 'choice' | 'multiChoice' | 'date' | 'dateTime' | 'number' | 'yesNo';
export type FieldValue = string | number | boolean | readonly string[];

export interface Choice {
  readonly value: string;
  readonly label: string;
}

/** One question of the form, as the conversation and the workbook see it. */
export interface FormField {
  readonly section: SectionNumber;
  readonly name: string;
  /** The field's plain name, used in lists of what is missing and in the workbook. */
  readonly label: string;
  readonly question: string;
  readonly kind: FieldKind;
  /** The dropdown's options, for choice and multiChoice fields. */
  readonly choices?: readonly Choice[];
  /** May be answered "none" (kept as ''); never counted as missing. */
  readonly optional: boolean;
  /** Bank details: collected together and sealed with `sealBankDetails`, never stored by `setField`. */
  readonly sensitive: boolean;
  /** False only for section 7, which the supported school or trust completes. */
  readonly fillableBySystemLeader: boolean;
}

export type SectionValues = Readonly<Record<string, unknown>>;

export interface FieldSpec extends FormField {
  readonly schema: z.ZodType;
  /** Whether the question applies given the section's other answers; absent means always. */
  readonly appliesWhen?: (values: SectionValues) => boolean;
}

const choicesOf = (entries: readonly (readonly [string, string])[]): readonly Choice[] => entries.map(([value, label]) => ({ value, label }));

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const spec = (
  section: SectionNumber,
  name: string,
  label: string,
  question: string,
  kind: FieldKind,
  schema: z.ZodType,
  extra: Partial<Pick<FieldSpec, 'choices' | 'optional' | 'sensitive' | 'appliesWhen'>> = {},
): FieldSpec => ({
  section,
  name,
  label,
  question,
  kind,
  schema,
  optional: extra.optional ?? false,
  sensitive: extra.sensitive ?? false,
  fillableBySystemLeader: section !== 7,
  ...(extra.choices === undefined ? {} : { choices: extra.choices }),
  ...(extra.appliesWhen === undefined ? {} : { appliesWhen: extra.appliesWhen }),
});

const forSchool = (values: SectionValues) => values['recipientKind'] === 'school';
const positive = (value: unknown) => typeof value === 'number' && value > 0;

const s1 = SchoolAndSystemLeaderFields.shape;
const s2 = ScopeAndDiagnosticsFields.shape;
const s3 = MidEngagementFields.shape;
const s4 = ClosureAndNextStepsFields.shape;
const s6 = PaymentClaimFields.shape;
const s7 = SchoolConfirmationFields.shape;
const s8 = SubmissionFields.shape;

const FIELD_SPECS: Record<SectionNumber, readonly FieldSpec[]> = {
  1: [
    spec(1, 'recipientKind', 'Supporting a school or a trust', 'Are you supporting a school or a trust?', 'choice', s1.recipientKind, {
      choices: choicesOf([
        ['school', 'A school'],
        ['trust', 'A trust'],
      ]),
    }),
    spec(1, 'recipientName', 'School or trust name', 'What is the name of the school or trust you are supporting?', 'text', s1.recipientName),
    spec(1, 'urn', 'URN', "What is the school's URN (its six-digit Unique Reference Number)?", 'text', s1.urn, { appliesWhen: forSchool }),
    spec(1, 'trust', 'Trust', 'Which trust is the school in? Say "none" if it is not in a trust.', 'text', s1.trust, {
      optional: true,
      appliesWhen: forSchool,
    }),
    spec(1, 'phase', 'Phase', 'What phase is the school?', 'choice', s1.phase, {
      choices: PHASES.map((phase) => ({ value: phase, label: capitalised(phase) })),
      appliesWhen: forSchool,
    }),
    spec(1, 'localAuthority', 'Local authority', 'Which local authority is the school in?', 'text', s1.localAuthority, { appliesWhen: forSchool }),
    spec(1, 'region', 'Region', 'Which DfE region is the school or trust in?', 'choice', s1.region, {
      choices: REGIONS.map((region) => ({ value: region, label: region })),
    }),
    spec(1, 'systemLeaderName', 'System leader name', 'What is your name?', 'text', s1.systemLeaderName),
    spec(1, 'systemLeaderRole', 'System leader role', 'Are you a MAT CEO or a National Leader of Education (NLE)?', 'choice', s1.systemLeaderRole, {
      choices: choicesOf([
        ['mat_ceo', 'MAT CEO'],
        ['nle', 'National Leader of Education (NLE)'],
      ]),
    }),
    spec(1, 'systemLeaderOrganisation', 'System leader organisation', 'Which trust or organisation are you from?', 'text', s1.systemLeaderOrganisation),
    spec(1, 'systemLeaderEmail', 'System leader email', 'What email address should DfE and your RDP use to reach you?', 'text', s1.systemLeaderEmail),
  ],
  2: [
    spec(2, 'whyEligible', 'Why eligible', 'Why did the school or trust become eligible for TSI support?', 'choice', s2.whyEligible, {
      choices: choicesOf([
        ['C1', 'C1: 2 or more consecutive "requires improvement" judgements, the latest in the offer year'],
        ['C2', 'C2: an "inadequate" judgement in the offer year'],
        ['C3', 'C3: assessed by a regional director as needing immediate support'],
        ['by_exception', 'By exception: none of C1 to C3, but help was needed'],
      ]),
    }),
    spec(
      2,
      'additionalInformation',
      'Additional information',
      'Is there anything DfE should know about why it became eligible? Keep it brief, or say "none".',
      'longText',
      s2.additionalInformation,
      { optional: true },
    ),
    spec(2, 'areasOfFocus', 'Areas of focus', 'Which areas do you intend to focus on? Choose one or more.', 'multiChoice', s2.areasOfFocus, {
      choices: areasOfFocus.map(({ id, label }) => ({ value: id, label })),
    }),
    spec(2, 'otherAreaNote', 'Other area of focus', 'You chose "Other": briefly, what is that area of focus?', 'longText', s2.otherAreaNote, {
      appliesWhen: (values) => Array.isArray(values['areasOfFocus']) && values['areasOfFocus'].includes(OTHER_AREA_ID),
    }),
    spec(
      2,
      'mechanismsOfSupport',
      'Mechanisms of support',
      'Which DfE programmes (Annex A) or additional support elements could support the school or trust? Choose any that apply, or say "none".',
      'multiChoice',
      s2.mechanismsOfSupport,
      { choices: mechanisms.map(({ id, label }) => ({ value: id, label })) },
    ),
  ],
  3: [
    spec(3, 'reviewDate', 'Review date', 'On what date did you hold the mid-engagement review?', 'date', s3.reviewDate),
    spec(3, 'progressSoFar', 'Progress so far', 'Briefly, what progress has been made so far?', 'longText', s3.progressSoFar),
    spec(
      3,
      'amendments',
      'Amendments to the programme of support',
      'What changes, if any, has the review led you to make to the programme of support? Say "none" if there are none.',
      'longText',
      s3.amendments,
      { optional: true },
    ),
  ],
  4: [
    spec(4, 'allActivitiesCompleted', 'All planned activities completed', 'Were all the activities you planned completed?', 'yesNo', s4.allActivitiesCompleted),
    spec(4, 'notCompletedReason', 'Why not all completed', 'Briefly, why were some planned activities not completed?', 'longText', s4.notCompletedReason, {
      appliesWhen: (values) => values['allActivitiesCompleted'] === false,
    }),
    spec(4, 'nextSteps', 'Next steps', 'What next steps have you agreed?', 'longText', s4.nextSteps),
    spec(
      4,
      'enhancedStrand',
      'Enhanced strand recommendation',
      `Do you recommend the enhanced strand for the school or trust: a funded trust partnership, or up to ${maxExtensionDays} additional days? It is one or the other, never both.`,
      'choice',
      s4.enhancedStrand,
      {
        choices: choicesOf([
          ['none', 'No recommendation'],
          ['trust_partnership', 'A funded trust partnership'],
          ['extra_days', `Up to ${maxExtensionDays} additional days`],
        ]),
      },
    ),
    spec(
      4,
      'trustPartnershipCaseNote',
      'Trust partnership case',
      'Summarise the case for a funded trust partnership: the benefit to the school, its agreement, and any suitable trust. Send the full written case to your RDP with the form.',
      'longText',
      s4.trustPartnershipCaseNote,
      { appliesWhen: (values) => values['enhancedStrand'] === 'trust_partnership' },
    ),
    spec(
      4,
      'extraDaysRecommended',
      'Additional days recommended',
      `How many additional days do you recommend (1 to ${maxExtensionDays})?`,
      'number',
      s4.extraDaysRecommended,
      { appliesWhen: (values) => values['enhancedStrand'] === 'extra_days' },
    ),
  ],
  5: [
    spec(5, 'accountName', 'Account name', 'What is the name on the bank account DfE should pay?', 'text', AccountNameSchema, { sensitive: true }),
    spec(5, 'sortCode', 'Sort code', 'What is the sort code? Six digits, like 12-34-56.', 'text', SortCodeSchema, { sensitive: true }),
    spec(5, 'accountNumber', 'Account number', 'What is the account number? Eight digits.', 'text', AccountNumberSchema, { sensitive: true }),
  ],
  6: [
    spec(6, 'daysDelivered', 'Days delivered', `How many days of support did you deliver? Count them ${dayStepsWording(9)}.`, 'number', s6.daysDelivered),
    spec(
      6,
      'extensionApprovedDays',
      'Extension days approved by DfE',
      `You delivered more than ${maxDays} days. How many extra days did DfE formally approve? Say 0 if none.`,
      'number',
      s6.extensionApprovedDays,
      { appliesWhen: (values) => typeof values['daysDelivered'] === 'number' && values['daysDelivered'] > maxDays },
    ),
    spec(6, 'approvalReference', 'Reference of DfE’s agreement (the bot’s record)', "What is the reference of DfE's email agreeing the extension? (DfE emails the outcome; the bot keeps the reference with your claim as its record.)", 'text', s6.approvalReference, {
      appliesWhen: (values) => positive(values['extensionApprovedDays']),
    }),
  ],
  7: [
    spec(7, 'confirmedByName', 'Confirmed by', 'Who is confirming the work reported?', 'text', s7.confirmedByName),
    spec(7, 'confirmedByRole', 'Their role', 'Are they the headteacher or the trust CEO?', 'choice', s7.confirmedByRole, {
      choices: choicesOf([
        ['headteacher', 'Headteacher'],
        ['trust_ceo', 'Trust CEO'],
      ]),
    }),
    spec(7, 'confirmedByAadObjectId', 'Their Teams user id', 'What is their Teams (Azure AD) user id?', 'text', s7.confirmedByAadObjectId),
    spec(7, 'outcome', 'Confirmed or queried', 'Do they confirm the work reported, or query it?', 'choice', s7.outcome, {
      choices: choicesOf([
        ['confirmed', 'Confirmed'],
        ['queried', 'Queried'],
      ]),
    }),
    spec(7, 'queryText', 'Query', 'What do they query?', 'longText', s7.queryText, { appliesWhen: (values) => values['outcome'] === 'queried' }),
    spec(7, 'at', 'Answered at', 'When did they answer?', 'dateTime', s7.at),
  ],
  8: [
    spec(8, 'signedBySystemLeaderAt', 'Signed by the system leader', 'On what date did you sign the completed form?', 'date', s8.signedBySystemLeaderAt),
    spec(8, 'sentToSchoolAt', 'Sent to the school or trust', 'On what date did you send it to the school or trust to sign?', 'date', s8.sentToSchoolAt, {
      appliesWhen: (values) => values['signedBySystemLeaderAt'] !== undefined,
    }),
    spec(8, 'submittedToRdpAt', 'Submitted to the RDP', 'On what date did you submit it to your RDP?', 'date', s8.submittedToRdpAt, {
      appliesWhen: (values) => values['sentToSchoolAt'] !== undefined,
    }),
  ],
};

/** Every field of a section, in asking order (including those that apply only after some answers). */
export function fieldsOf(section: SectionNumber): readonly FormField[] {
  return FIELD_SPECS[section];
}

export function fieldSpec(section: SectionNumber, field: string): FieldSpec | undefined {
  // Callers pass what a card sent: a value that is not a section number names no field (and must not be used as a key).
  if (typeof section !== 'number') return undefined;
  return FIELD_SPECS[section]?.find((candidate) => candidate.name === field);
}

/**
 * The fields that apply given the answers so far, in order. Each field's applicability depends only
 * on fields before it, so one pass that skips answers to fields which no longer apply is enough.
 */
export function applicableSpecs(section: SectionNumber, values: SectionValues): FieldSpec[] {
  const kept: Record<string, unknown> = {};
  const applicable: FieldSpec[] = [];
  for (const field of FIELD_SPECS[section]) {
    if (field.appliesWhen !== undefined && !field.appliesWhen(kept)) continue;
    applicable.push(field);
    if (values[field.name] !== undefined) kept[field.name] = values[field.name];
  }
  return applicable;
}
