/**
 * One TSI deployment from the system leader's side, from the RDP's contact to the enhanced
 * strand (002 §9, the 10-day model, the two enhanced-strand processes). The record keeps what
 * happened and when; what is due is worked out from it (due.ts), never stored.
 */
import { z } from 'zod';
import { DEPLOYMENT_PROGRAMME, dayStepsWording, inDaySteps } from '../deployment/programme.js';
import { IsoDateSchema, UrnSchema } from '../directory/types.js';
import { fail, ok, type Result } from '../result.js';
import { formatLongDate } from '../tsi/academicYear.js';
import { londonDateOf } from '../time/londonTime.js';
import { recipientNoun, type RecipientKind } from './recipientNoun.js';

export const NOTE_MAX = 1000;
const Note = z.string().trim().max(NOTE_MAX, `Keep a note to ${NOTE_MAX} characters.`);

/** A checklist done: when, and a note (002 names the checklists but gives no items). */
const ChecklistSchema = z.object({ doneOn: IsoDateSchema, note: Note.optional() });
export type Checklist = z.infer<typeof ChecklistSchema>;

const ExtensionRequestSchema = z.object({ days: z.number().positive(), reason: Note.min(1), draftedOn: IsoDateSchema });

/** The extension request's life (002, "Process for obtaining agreement to provide up to 5 additional support days"). */
export const ExtensionSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('none') }),
  z.object({ status: z.literal('draft'), request: ExtensionRequestSchema }),
  z.object({ status: z.literal('sent'), request: ExtensionRequestSchema, sentOn: IsoDateSchema }),
  z.object({
    status: z.literal('approved'),
    request: ExtensionRequestSchema,
    sentOn: IsoDateSchema,
    decidedOn: IsoDateSchema,
    approvedDays: z.number().positive(),
    /** The reference of DfE's email, when given: the bot's record-keeping, as for the form's claim. */
    reference: Note.optional(),
    /** The date DfE gave for the support to be completed by (usually one term or 12 weeks). */
    windowEndsOn: IsoDateSchema,
  }),
  z.object({ status: z.literal('refused'), request: ExtensionRequestSchema, sentOn: IsoDateSchema, decidedOn: IsoDateSchema, rationale: Note.optional() }),
]);
export type Extension = z.infer<typeof ExtensionSchema>;

/** The written case 002 asks for, "separate to the end of deployment form". */
export const PartnershipCaseSchema = z.object({
  benefit: Note.min(1),
  schoolAgreed: z.literal(true),
  suitableMatch: Note.optional(),
  context: Note.min(1),
});
export type PartnershipCase = z.infer<typeof PartnershipCaseSchema>;

/** The funded trust partnership's life (002, "Process for obtaining agreement for a funded Trust Partnership", and its two £5,000 payments). */
export const PartnershipSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('none') }),
  z.object({ status: z.literal('case_written'), case: PartnershipCaseSchema, writtenOn: IsoDateSchema }),
  z.object({ status: z.literal('submitted'), case: PartnershipCaseSchema, writtenOn: IsoDateSchema, submittedOn: IsoDateSchema }),
  z.object({ status: z.literal('declined'), case: PartnershipCaseSchema, writtenOn: IsoDateSchema, submittedOn: IsoDateSchema, summaryEmailOn: IsoDateSchema }),
  z.object({ status: z.literal('approved'), case: PartnershipCaseSchema, writtenOn: IsoDateSchema, submittedOn: IsoDateSchema, summaryEmailOn: IsoDateSchema }),
  z.object({
    status: z.literal('first_payment_due'),
    case: PartnershipCaseSchema,
    writtenOn: IsoDateSchema,
    submittedOn: IsoDateSchema,
    summaryEmailOn: IsoDateSchema,
    /** The signed grant offer, confirming a signed SLA between school and trust, went back to DfE: the first £5,000 is due. */
    grantOfferSignedOn: IsoDateSchema,
  }),
  z.object({
    status: z.literal('second_payment_due'),
    case: PartnershipCaseSchema,
    writtenOn: IsoDateSchema,
    submittedOn: IsoDateSchema,
    summaryEmailOn: IsoDateSchema,
    grantOfferSignedOn: IsoDateSchema,
    /** The trust's end report with the school's confirmation went to DfE: the second £5,000 is due. */
    endReportOn: IsoDateSchema,
  }),
]);
export type Partnership = z.infer<typeof PartnershipSchema>;

const DeliveredDaySchema = z.object({ date: IsoDateSchema, days: z.number().positive().max(1), note: Note.optional() });
export type DeliveredDay = z.infer<typeof DeliveredDaySchema>;

export const DeploymentLifecycleSchema = z.object({
  id: z.string().min(1).max(100),
  /** The system leader. */
  ownerAadObjectId: z.string().min(1),
  ownerName: z.string().max(200),
  recipient: z.object({ kind: z.enum(['school', 'trust']), name: z.string().trim().min(1).max(200), urn: UrnSchema.optional() }),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  engagement: z.object({
    rdpContactOn: IsoDateSchema,
    ability: z.object({ canSupport: z.boolean(), on: IsoDateSchema }).optional(),
    deploymentInfoOn: IsoDateSchema.optional(),
    schoolContactedOn: IsoDateSchema.optional(),
    firstVisitOn: IsoDateSchema.optional(),
  }),
  /** Each day (or half day) delivered, by date, oldest first. */
  days: z.array(DeliveredDaySchema),
  /** 10, or more once DfE approved an extension. */
  agreedDays: z.number().positive(),
  checklists: z.object({
    preEngagement: ChecklistSchema.optional(),
    midEngagement: ChecklistSchema.extend({ returnedToRdpOn: IsoDateSchema.optional() }).optional(),
  }),
  extension: ExtensionSchema,
  partnership: PartnershipSchema,
});
export type DeploymentLifecycle = z.infer<typeof DeploymentLifecycleSchema>;

export interface Recipient {
  readonly kind: RecipientKind;
  readonly name: string;
  readonly urn?: string | undefined;
}

/** A new deployment, from the day the RDP's contact arrived: a real date, not after today (London's). */
export function newLifecycle(input: { id: string; ownerAadObjectId: string; ownerName: string; recipient: Recipient; rdpContactOn: string; now: Date }): Result<DeploymentLifecycle> {
  const contact = checkDate(input.rdpContactOn, londonDateOf(input.now));
  if (!contact.ok) return contact;
  const parsed = DeploymentLifecycleSchema.safeParse({
    id: input.id,
    ownerAadObjectId: input.ownerAadObjectId,
    ownerName: input.ownerName,
    recipient: { kind: input.recipient.kind, name: input.recipient.name, ...(input.recipient.urn ? { urn: input.recipient.urn } : {}) },
    createdAt: input.now.toISOString(),
    updatedAt: input.now.toISOString(),
    engagement: { rdpContactOn: input.rdpContactOn },
    days: [],
    agreedDays: DEPLOYMENT_PROGRAMME.maxDays,
    checklists: {},
    extension: { status: 'none' },
    partnership: { status: 'none' },
  });
  return parsed.success ? ok(parsed.data) : fail(...parsed.error.issues.map((issue) => issue.message));
}

const notBefore = (date: string, earlier: string | undefined, what: string): string | undefined =>
  earlier !== undefined && date < earlier ? `${formatLongDate(date)} is before ${what} (${formatLongDate(earlier)}): check the date.` : undefined;

const notAfterToday = (date: string, today: string): string | undefined =>
  date > today ? `${formatLongDate(date)} is after today: record a step on or after the day it happens.` : undefined;

/** A step's date: a real date, not after today, and (when given) not before the step it follows. */
export const checkDate = (date: string, today: string, earlier?: { on: string | undefined; what: string }): Result<string> => {
  if (!IsoDateSchema.safeParse(date).success) return fail('Give the date like 12 January 2025 or 2025-01-12.');
  const problem = notAfterToday(date, today) ?? (earlier ? notBefore(date, earlier.on, earlier.what) : undefined);
  return problem ? fail(problem) : ok(date);
};

/**
 * Records the day the RDP's contact arrived (said again, it corrects the date): not after today,
 * and not after the system leader's answer to it.
 */
export function recordRdpContact(record: DeploymentLifecycle, on: string, today: string): Result<DeploymentLifecycle> {
  const date = checkDate(on, today);
  if (!date.ok) return date;
  if (record.engagement.rdpContactOn === on) return ok(record);
  if (record.engagement.ability && on > record.engagement.ability.on) return fail('You answered the RDP before that date: check the date of their contact.');
  return ok({ ...record, engagement: { ...record.engagement, rdpContactOn: on } });
}

export type EngagementStep = 'ability' | 'deploymentInfo' | 'schoolContacted' | 'firstVisit';

/** Records an engagement step (002 §9's system-leader row) on a date; each needs the one before it. */
export function recordEngagement(record: DeploymentLifecycle, step: EngagementStep, on: string, today: string, canSupport = true): Result<DeploymentLifecycle> {
  const engagement = record.engagement;
  const needsYes = 'You said you cannot support this school or trust, so there is nothing more to record for it.';
  if (step !== 'ability' && engagement.ability?.canSupport === false) return fail(needsYes);
  const earlier =
    step === 'ability'
      ? { on: engagement.rdpContactOn, what: 'the RDP’s contact' }
      : step === 'firstVisit'
        ? { on: engagement.schoolContactedOn ?? engagement.ability?.on, what: engagement.schoolContactedOn ? `your first contact with the ${recipientNoun(record.recipient)}` : 'your confirmation' }
        : { on: engagement.ability?.on ?? engagement.rdpContactOn, what: engagement.ability ? 'your confirmation' : 'the RDP’s contact' };
  const date = checkDate(on, today, earlier);
  if (!date.ok) return date;
  if (step === 'ability') return ok({ ...record, engagement: { ...engagement, ability: { canSupport, on } } });
  if (engagement.ability === undefined) return fail('First say whether you can support the school or trust (for example “I can support Willowmere”).');
  const field = ({ deploymentInfo: 'deploymentInfoOn', schoolContacted: 'schoolContactedOn', firstVisit: 'firstVisitOn' } as const)[step];
  return ok({ ...record, engagement: { ...engagement, [field]: on } });
}

export const loggedDays = (record: Pick<DeploymentLifecycle, 'days'>): number => record.days.reduce((sum, day) => sum + day.days, 0);

/**
 * Logs a day (or half day) delivered on a date. One entry per date: logging a date again
 * replaces its entry. A day beyond the agreed days is refused: DfE pays for no day it did not agree.
 */
export function logDeliveredDay(record: DeploymentLifecycle, entry: { date: string; days: number; note?: string | undefined }, today: string): Result<DeploymentLifecycle> {
  if (record.engagement.ability?.canSupport !== true) return fail('First say that you can support the school or trust (for example “I can support Willowmere”).');
  if (!Number.isFinite(entry.days) || entry.days <= 0 || entry.days > 1) return fail('Log one day at a time: a whole day or, where allowed, half a day.');
  if (!inDaySteps(entry.days)) return fail(`Days are logged ${dayStepsWording(1)}.`);
  const date = checkDate(entry.date, today, { on: record.engagement.ability.on, what: 'your confirmation that you can support' });
  if (!date.ok) return date;
  const others = record.days.filter((day) => day.date !== entry.date);
  const total = loggedDays({ days: others }) + entry.days;
  if (total > record.agreedDays) {
    return fail(
      `That would make ${total} days, more than the ${record.agreedDays} agreed: DfE pays for no day it did not agree. ${record.extension.status === 'none' ? 'Towards the end of the deployment you can ask for up to 5 more days: say “request an extension”.' : ''}`.trim(),
    );
  }
  const note = entry.note?.trim();
  if (note !== undefined && note.length > NOTE_MAX) return fail(`Keep a note to ${NOTE_MAX} characters.`);
  const day: DeliveredDay = { date: entry.date, days: entry.days, ...(note ? { note } : {}) };
  return ok({ ...record, days: [...others, day].sort((a, b) => a.date.localeCompare(b.date)) });
}

/** The date on which the n-th day (counting whole days; a half day counts when the half that completes it is logged) was delivered. */
export function dateOfDay(record: Pick<DeploymentLifecycle, 'days'>, day: number): string | undefined {
  let total = 0;
  for (const entry of record.days) {
    total += entry.days;
    if (total >= day) return entry.date;
  }
  return undefined;
}

export type ChecklistKind = 'preEngagement' | 'midEngagement';

/** Records a checklist done (002's suggested model: pre-engagement at day 1, mid-engagement at day 6). */
export function recordChecklist(record: DeploymentLifecycle, kind: ChecklistKind, done: { on: string; note?: string | undefined }, today: string): Result<DeploymentLifecycle> {
  if (record.engagement.ability?.canSupport !== true) return fail('First say that you can support the school or trust.');
  const date = checkDate(done.on, today, { on: record.engagement.ability.on, what: 'your confirmation that you can support' });
  if (!date.ok) return date;
  const note = done.note?.trim();
  if (note !== undefined && note.length > NOTE_MAX) return fail(`Keep a note to ${NOTE_MAX} characters.`);
  const checklist: Checklist = { doneOn: done.on, ...(note ? { note } : {}) };
  const previous = record.checklists.midEngagement?.returnedToRdpOn;
  const value = kind === 'midEngagement' && previous ? { ...checklist, returnedToRdpOn: previous } : checklist;
  return ok({ ...record, checklists: { ...record.checklists, [kind]: value } });
}

/** Records the mid-engagement return sent to the RDP; the checklist must be done first. */
export function recordMidReturn(record: DeploymentLifecycle, on: string, today: string): Result<DeploymentLifecycle> {
  const mid = record.checklists.midEngagement;
  if (mid === undefined) return fail('Record the mid-engagement checklist first (say “mid-engagement checklist done”), then its return to the RDP.');
  const date = checkDate(on, today, { on: mid.doneOn, what: 'the mid-engagement checklist' });
  if (!date.ok) return date;
  return ok({ ...record, checklists: { ...record.checklists, midEngagement: { ...mid, returnedToRdpOn: on } } });
}

/** The deployment is completed on the day its last agreed day was delivered. */
export function completedOn(record: Pick<DeploymentLifecycle, 'days' | 'agreedDays'>): string | undefined {
  return loggedDays(record) >= record.agreedDays ? record.days.at(-1)?.date : undefined;
}

/**
 * The days delivered, one list: those logged here and those the system leader told the deployment
 * form ("delivered day 3 on 14 January" goes to the form's own log), a whole day each, keyed by
 * date. A date in both counts once, as logged here (where a half day can be said).
 */
export function withFormDays(record: DeploymentLifecycle, formDates: readonly string[]): DeploymentLifecycle {
  const logged = new Set(record.days.map((day) => day.date));
  const extra = formDates.filter((date) => !logged.has(date)).map((date) => ({ date, days: 1 }));
  if (extra.length === 0) return record;
  return { ...record, days: [...record.days, ...extra].sort((a, b) => a.date.localeCompare(b.date)) };
}
