import { z } from 'zod';
import rawLifecycle from '../../data/programme/deployment-lifecycle.json' with { type: 'json' };
import rawAnnexA from '../../data/programme/annex-a-programmes.json' with { type: 'json' };
import { DEPLOYMENT_PROGRAMME } from '../deployment/programme.js';


/** The lifecycle's timings from 002, and the council's own settings beside them: data, so a new year's guidance changes them without a release. */
export const LifecycleProgrammeSchema = z.object({
  source: z.string().min(1),
  engagement: z.object({
    confirmAbilityWithinDays: z.number().int().positive(),
    contactSchoolWithinDays: z.number().int().positive(),
    firstVisitWithinWeeks: z.number().int().positive(),
    note: z.string().min(1),
  }),
  extension: z.object({ dfeDecisionWorkingDays: z.number().int().positive(), usualWindowWeeks: z.number().int().positive(), note: z.string().min(1) }),
  partnership: z.object({ grantPence: z.number().int().positive(), paymentPence: z.number().int().positive(), expectedMonths: z.number().int().positive() }),
  reminders: z.object({ daysBefore: z.number().int().nonnegative().max(30), note: z.string().min(1) }),
  checklists: z.object({ note: z.string().min(1) }),
});
export type LifecycleProgramme = z.infer<typeof LifecycleProgrammeSchema>;

export const LIFECYCLE_PROGRAMME: LifecycleProgramme = LifecycleProgrammeSchema.parse(rawLifecycle);

const areaIds = new Set(DEPLOYMENT_PROGRAMME.areasOfFocus.map((area) => area.id));
const programmeIds = new Set(DEPLOYMENT_PROGRAMME.approvedProgrammes.map((programme) => programme.id));

/** 002 Annex A's programmes with who can use each, how to access it and its contacts; the links to areas of focus are the council's own. */
export const AnnexAProgrammesSchema = z.object({
  source: z.string().min(1),
  linksNote: z.string().min(1),
  programmes: z
    .array(
      z.object({
        id: z.string().refine((id) => programmeIds.has(id), 'an Annex A programme must be one of the deployment form’s programmes'),
        group: z.string().min(1),
        name: z.string().min(1),
        whoCanUse: z.string().min(1),
        howToAccess: z.string().min(1),
        contacts: z.array(z.email()),
        areas: z.array(z.string().refine((id) => areaIds.has(id), 'an area must be one of the form’s areas of focus')),
      }),
    )
    .refine((programmes) => new Set(programmes.map((programme) => programme.id)).size === programmes.length, 'programme ids must be unique'),
});
export type AnnexAProgrammes = z.infer<typeof AnnexAProgrammesSchema>;
export type AnnexAProgramme = AnnexAProgrammes['programmes'][number];

export const ANNEX_A: AnnexAProgrammes = AnnexAProgrammesSchema.parse(rawAnnexA);
