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
  areasOfFocus: ChoiceListSchema.refine(
    (choices) => choices.some((choice) => choice.id === 'other'),
    'the areas of focus must include "other", which asks for a note',
  ),
  approvedProgrammes: ChoiceListSchema,
});
export type DeploymentProgramme = z.infer<typeof DeploymentProgrammeSchema>;

/** Parsed once at start: a broken data file stops the bot at start rather than mid-conversation. */
export const DEPLOYMENT_PROGRAMME: DeploymentProgramme = DeploymentProgrammeSchema.parse(rawProgramme);

export const OTHER_AREA_ID = 'other';
