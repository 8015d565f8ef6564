import { z } from 'zod';
import offer2023To24 from '../../data/programme/tsi-offer-2023-24.json' with { type: 'json' };
import { RegionSchema, IsoDateSchema } from '../directory/types.js';
import { fail, ok, type Result } from '../result.js';
import { academicYearOf, formatLongDate } from './academicYear.js';

const text = z.string().trim().min(1);

const RdpLeadSchema = z.object({
  name: text,
  email: z.email(),
});
export type RdpLead = z.infer<typeof RdpLeadSchema>;

const PaymentSchema = z.object({
  amountPounds: z.number().int().positive(),
  when: text,
});

/**
 * One year's TSI offer, as an administrator ships it in data/programme/. The offer year is an
 * academic year (1 September to 31 August), because the eligibility reasons place each
 * judgement in an academic year and compare it with the offer's.
 */
export const OfferSchema = z
  .object({
    year: z.string().regex(/^\d{4}\/\d{2}$/, 'the offer year is written like 2023/24'),
    startDate: IsoDateSchema,
    endDate: IsoDateSchema,
    source: text,
    support: z.object({
      days: z.number().int().positive(),
      systemLeader: text,
      trustSupport: text,
      schoolInTrustSupport: text,
    }),
    enhancedStrand: z.object({
      summary: text,
      trustPartnership: z
        .object({
          grantPounds: z.number().int().positive(),
          expectedMonths: z.number().int().positive(),
          description: text,
          payments: z.array(PaymentSchema).min(1),
        })
        .refine((p) => p.payments.reduce((sum, payment) => sum + payment.amountPounds, 0) === p.grantPounds, {
          message: 'the payments must add up to the grant',
          path: ['payments'],
        }),
      additionalDays: z.object({
        maxDays: z.number().int().positive(),
        deliveryWindow: text,
        decisionWorkingDays: z.number().int().positive(),
        description: text,
        paymentRule: text,
      }),
    }),
    // A record keyed by the region enum is exhaustive: every region must have its RDP lead.
    rdpLeads: z.record(RegionSchema, RdpLeadSchema),
  })
  .superRefine((offer, ctx) => {
    const firstYear = Number(offer.year.slice(0, 4));
    const expectedLabel = academicYearOf(`${firstYear}-09-01`);
    if (offer.year !== expectedLabel) {
      ctx.addIssue({ code: 'custom', path: ['year'], message: `an academic year starting in ${firstYear} is written ${expectedLabel}` });
      return;
    }
    const expectedStart = `${firstYear}-09-01`;
    const expectedEnd = `${firstYear + 1}-08-31`;
    if (offer.startDate !== expectedStart) {
      ctx.addIssue({ code: 'custom', path: ['startDate'], message: `the ${offer.year} offer year starts on ${expectedStart}` });
    }
    if (offer.endDate !== expectedEnd) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: `the ${offer.year} offer year ends on ${expectedEnd}` });
    }
  });
export type Offer = z.infer<typeof OfferSchema>;

/** Validates an offer file (such as next year's) before it replaces the current one. */
export function parseOffer(json: unknown): Result<Offer> {
  const parsed = OfferSchema.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  return fail(
    ...parsed.error.issues.map((issue) =>
      issue.path.length === 0 ? `The offer file: ${issue.message}.` : `The offer file, at ${issue.path.join('.')}: ${issue.message}.`,
    ),
  );
}

function loadDefaultOffer(): Offer {
  const parsed = parseOffer(offer2023To24);
  // The shipped file is ours, not user input: if it is wrong the bot must not start.
  if (!parsed.ok) throw new Error(`data/programme/tsi-offer-2023-24.json is invalid: ${parsed.errors.join(' ')}`);
  return parsed.value;
}

/** The 2023/24 offer, validated when this module loads. */
export const DEFAULT_OFFER: Offer = loadDefaultOffer();

/**
 * What a result says when the offer it was checked against has ended: the answer is still
 * the loaded offer's, and the user must not read it as a later year's.
 */
export function offerYearNotice(offer: Offer, today: string): string | undefined {
  if (today <= offer.endDate) return undefined;
  return `This is the ${offer.year} offer, which ended on ${formatLongDate(offer.endDate)}; the School Improvement Team has not loaded a later one.`;
}
