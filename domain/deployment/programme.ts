import { z } from 'zod';
import rawProgramme from '../../data/programme/deployment-form.json' with { type: 'json' };

const ChoiceListSchema = z
  .array(z.object({ id: z.string().regex(/^[a-z0-9_]+$/), label: z.string().min(1) }))
  .min(1)
  .refine((choices) => new Set(choices.map((choice) => choice.id)).size === choices.length, 'choice ids must be unique');

/** The deployment form's fixed lists and limits: data, so next year's programme changes them without a release. */
export const DeploymentProgrammeSchema = z.object({
  /** £600 a day, VAT and expenses included. */
  dayRatePence: z.number().int().positive(),
  maxDays: z.number().int().positive(),
  maxExtensionDays: z.number().int().nonnegative(),
  sendToSchoolWithinDays: z.number().int().positive(),
  submitToRdpWithinDays: z.number().int().positive(),
  /** Whether days may be claimed in half-day steps: the bot's local rule (002 says nothing of half days), so a setting. */
  halfDaySteps: z.object({ allowed: z.boolean(), note: z.string().min(1) }),
  areasOfFocus: ChoiceListSchema.refine(
    (choices) => choices.some((choice) => choice.id === 'other'),
    'the areas of focus must include "other", which asks for a note',
  ),
  /** 002 Annex A, "Approved DfE Programmes". */
  approvedProgrammes: ChoiceListSchema,
  /** 002's "additional support elements" a system leader can also point to (not in Annex A). */
  additionalSupport: ChoiceListSchema,
});
export type DeploymentProgramme = z.infer<typeof DeploymentProgrammeSchema>;

/** Parsed once at start: a broken data file stops the bot at start rather than mid-conversation. */
export const DEPLOYMENT_PROGRAMME: DeploymentProgramme = DeploymentProgrammeSchema.parse(rawProgramme);

export const OTHER_AREA_ID = 'other';

/** Whether a number of days is in the steps the local rule allows: half days, or whole days only. */
export function inDaySteps(days: number, programme: Pick<DeploymentProgramme, 'halfDaySteps'> = DEPLOYMENT_PROGRAMME): boolean {
  return programme.halfDaySteps.allowed ? Number.isInteger(days * 2) : Number.isInteger(days);
}

/** How the local rule on day steps is said in a message, with examples. */
export function dayStepsWording(example: number, programme: Pick<DeploymentProgramme, 'halfDaySteps'> = DEPLOYMENT_PROGRAMME): string {
  return programme.halfDaySteps.allowed
    ? `in half-day steps (for example ${example} or ${example + 0.5}; a local rule of this bot, not DfE's)`
    : `in whole days (for example ${example}; a local rule of this bot, not DfE's)`;
}
