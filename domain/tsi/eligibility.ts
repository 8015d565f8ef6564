import { z } from 'zod';
import { IsoDateSchema, NO_OVERALL_GRADE, OFSTED_GRADES, REGIONS, type OfstedGrade, type OfstedJudgement } from '../directory/types.js';
import { fail, ok, type Result } from '../result.js';
import { academicYearOf, formatLongDate } from './academicYear.js';
import { DEFAULT_OFFER, OfferSchema, type Offer, type RdpLead } from './offer.js';

export { academicYearOf } from './academicYear.js';

/**
 * TSI eligibility for one offer year (source 002, "Who is eligible for support?"):
 * C1 two consecutive requires improvement judgements, the later in the offer year;
 * C2 an inadequate judgement in the offer year; C3 a regional director's assessment of
 * immediate need. Failing all three, a school or trust that self-identifies as needing help,
 * or that the DfE regional delivery team judges to need it, can ask by exception.
 *
 * A judgement dated after the offer year has ended (possible once today is in a later
 * academic year) does not count for that offer year: the guidance ties each criterion to
 * "the 2023 to 2024 academic year", so such a judgement is reported as a miss, saying why.
 * Every judgement up to the end of the offer year matters (RI 2021, RI November 2023, Good 2025
 * met C1 for 2023/24), so the check takes the whole list, not the latest two.
 *
 * Ofsted's inspections from September 2024 carry no overall grade. 002 predates them, so how
 * they count is the bot's own reading, said on the result: an ungraded inspection is passed
 * over, neither breaking nor making a run of graded judgements.
 */

export const CRITERIA = ['C1', 'C2', 'C3'] as const;
export type Criterion = (typeof CRITERIA)[number];

export const ELIGIBILITY_STATUSES = ['eligible', 'by_exception', 'not_eligible'] as const;
export type EligibilityStatus = (typeof ELIGIBILITY_STATUSES)[number];

/** No school has this many inspections; the cap keeps a hostile list from costing much. */
export const MAX_JUDGEMENTS = 100;

/** A value as a user can recognise it in a message, without calling anything on it. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return value.length > 40 ? `"${value.slice(0, 40)}…"` : `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of fields';
  return `a ${typeof value}`;
}

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const GRADE_WORDS: Record<OfstedJudgement, string> = {
  outstanding: 'outstanding',
  good: 'good',
  requires_improvement: 'requires improvement',
  inadequate: 'inadequate',
  no_overall_grade: 'inspected, no overall grade',
};

/** Messages inside a judgement are fragments: the issue mapper prefixes "Judgement n: ". */
const JudgementDateSchema = z.iso.date({
  error: (issue) => {
    const input = issue.input;
    if (input === undefined) return 'the date is missing';
    if (typeof input !== 'string') return `the date must be written as YYYY-MM-DD, not ${describe(input)}`;
    if (DATE_SHAPE.test(input)) return `${describe(input)} is not a real calendar date`;
    return `the date ${describe(input)} is not written as YYYY-MM-DD (for example 2023-06-14)`;
  },
});

const JudgementGradeSchema = z.enum([...OFSTED_GRADES, NO_OVERALL_GRADE], {
  error: (issue) =>
    issue.input === undefined
      ? 'the grade is missing'
      : `${describe(issue.input)} is not an Ofsted grade: use outstanding, good, requires_improvement, inadequate or no_overall_grade`,
});

export const JudgementSchema = z.object(
  { date: JudgementDateSchema, grade: JudgementGradeSchema },
  { error: (issue) => `it must have a date and a grade, not ${describe(issue.input)}` },
);
export type Judgement = z.infer<typeof JudgementSchema>;

/** Each judgement that has a real date, by its position; tolerant of invalid neighbours. */
function datedJudgements(items: readonly unknown[]): { position: number; date: string }[] {
  const dated: { position: number; date: string }[] = [];
  items.forEach((item, index) => {
    if (typeof item !== 'object' || item === null || !('date' in item)) return;
    const date = IsoDateSchema.safeParse(item.date);
    if (date.success) dated.push({ position: index + 1, date: date.data });
  });
  return dated;
}

const JudgementsSchema = z
  .array(z.unknown(), {
    error: (issue) =>
      issue.input === undefined
        ? 'The list of Ofsted judgements (judgements) is missing: give an empty list if there are none.'
        : `The Ofsted judgements must be a list, not ${describe(issue.input)}.`,
  })
  .max(MAX_JUDGEMENTS, { error: `There are more than ${MAX_JUDGEMENTS} Ofsted judgements: at most ${MAX_JUDGEMENTS} can be assessed.` })
  .pipe(
    z.array(JudgementSchema).superRefine(
      (judgements, ctx) => {
        const firstByDate = new Map<string, number>();
        for (const { position, date } of datedJudgements(judgements)) {
          const first = firstByDate.get(date);
          if (first === undefined) {
            firstByDate.set(date, position);
          } else {
            ctx.addIssue({
              code: 'custom',
              message: `Judgements ${first} and ${position} are both dated ${formatLongDate(date)}: there is one judgement per inspection date, so remove or correct one of them.`,
            });
          }
        }
      },
      // Run even when another judgement is malformed, so that every problem is named at once.
      { when: () => true },
    ),
  );

function yesOrNo(field: string, question: string) {
  return z.boolean({
    error: (issue) =>
      issue.input === undefined
        ? `The answer to "${question}" (${field}) is missing.`
        : `The answer to "${question}" (${field}) must be yes or no (true or false), not ${describe(issue.input)}.`,
  });
}

/** The answers, checked on their own; a judgement in the future is caught by assessEligibility, which knows today. */
export const EligibilityInputSchema = z.object(
  {
    recipient: z.enum(['school', 'trust'], {
      error: (issue) =>
        issue.input === undefined
          ? 'Whether the support is for a school or a trust (recipient) is missing.'
          : `The recipient must be "school" or "trust", not ${describe(issue.input)}.`,
    }),
    region: z.enum(REGIONS, {
      error: (issue) =>
        issue.input === undefined
          ? 'The DfE region (region) is missing.'
          : `The region must be one of the nine DfE regions (${REGIONS.join(', ')}), not ${describe(issue.input)}.`,
    }),
    judgements: JudgementsSchema,
    regionalDirectorAssessedImmediateNeed: yesOrNo(
      'regionalDirectorAssessedImmediateNeed',
      'Has a regional director assessed you as needing immediate support?',
    ),
    selfIdentifiesNeed: yesOrNo('selfIdentifiesNeed', 'Do you self-identify as needing help?'),
    regionalDeliveryTeamJudgesNeed: yesOrNo(
      'regionalDeliveryTeamJudgesNeed',
      'Does the DfE regional delivery team judge that you need help?',
    ),
  },
  {
    error: (issue) =>
      issue.input === undefined || issue.input === null
        ? 'The eligibility details are missing.'
        : `The eligibility details must be a set of answers, not ${describe(issue.input)}.`,
  },
);
export type EligibilityInput = z.infer<typeof EligibilityInputSchema>;

export type EligibilityOptions = {
  /** YYYY-MM-DD: judgements after it are in the future. */
  readonly today: string;
  /** The offer year to assess against; the 2023/24 offer when absent. */
  readonly offer?: Offer;
};

export type EligibilityOutcome = {
  readonly status: EligibilityStatus;
  /** Every criterion that holds, in the order C1, C2, C3. */
  readonly criteria: Criterion[];
  /** One sentence per criterion, met or not, then (unless eligible) one on the exception route. */
  readonly reasons: string[];
  /** Who to contact: the Regional Delivery Partner lead for the region. */
  readonly rdp: RdpLead;
};

const OptionsSchema = z.object(
  {
    today: z.iso.date({
      error: (issue) =>
        issue.input === undefined
          ? "Today's date is missing from the assessment options."
          : `Today's date must be a real date written as YYYY-MM-DD, not ${describe(issue.input)}.`,
    }),
    offer: OfferSchema.optional(),
  },
  { error: 'The assessment needs options with today\'s date.' },
);

/** The shipped offer was validated when its module loaded; checking it again on every assessment was most of the rule's time. */
const OptionsWithShippedOfferSchema = OptionsSchema.extend({ offer: z.custom<Offer>((value) => value === DEFAULT_OFFER) });

function optionsSchemaFor(options: unknown) {
  const offer = typeof options === 'object' && options !== null ? (options as { offer?: unknown }).offer : undefined;
  return offer === DEFAULT_OFFER ? OptionsWithShippedOfferSchema : OptionsSchema;
}

function messageFor(issue: z.core.$ZodIssue): string {
  const [field, index] = issue.path;
  if (field === 'judgements' && typeof index === 'number') return `Judgement ${index + 1}: ${issue.message}.`;
  if (field === 'offer') {
    const where = issue.path.slice(1).join('.');
    return where ? `The offer, at ${where}: ${issue.message}.` : `The offer: ${issue.message}.`;
  }
  return issue.message;
}

function futureJudgements(input: unknown, today: string): string[] {
  if (typeof input !== 'object' || input === null || !('judgements' in input)) return [];
  const judgements = input.judgements;
  if (!Array.isArray(judgements) || judgements.length > MAX_JUDGEMENTS) return [];
  return datedJudgements(judgements)
    .filter(({ date }) => date > today)
    .map(
      ({ position, date }) =>
        `Judgement ${position} is dated ${formatLongDate(date)}, after today (${formatLongDate(today)}): a judgement cannot be in the future.`,
    );
}

/**
 * Decides whether a school or trust is eligible for TSI in the offer year, with a reason per
 * criterion. Takes anything: bad input gets every problem named, never an exception.
 */
export function assessEligibility(input: unknown, options: EligibilityOptions): Result<EligibilityOutcome> {
  try {
    return assessParsed(input, options);
  } catch {
    // Zod reads properties, so an input with a throwing getter or a revoked proxy throws inside it.
    return fail('The eligibility details could not be read: send plain answers.');
  }
}

function assessParsed(input: unknown, options: unknown): Result<EligibilityOutcome> {
  const parsedOptions = optionsSchemaFor(options).safeParse(options);
  const parsedInput = EligibilityInputSchema.safeParse(input);
  const errors = [
    ...(parsedOptions.success ? [] : parsedOptions.error.issues.map(messageFor)),
    ...(parsedInput.success ? [] : parsedInput.error.issues.map(messageFor)),
    ...(parsedOptions.success ? futureJudgements(input, parsedOptions.data.today) : []),
  ];
  if (errors.length > 0 || !parsedOptions.success || !parsedInput.success) return fail(...new Set(errors));
  return ok(decide(parsedInput.data, parsedOptions.data.offer ?? DEFAULT_OFFER));
}

type Placement = 'before' | 'within' | 'after';

function placementOf(date: string, offer: Offer): Placement {
  if (date < offer.startDate) return 'before';
  if (date > offer.endDate) return 'after';
  return 'within';
}

const RI: OfstedGrade = 'requires_improvement';
const grade = (judgement: Judgement): string => GRADE_WORDS[judgement.grade];
const on = (judgement: Judgement): string => formatLongDate(judgement.date);

/** Where an out-of-year date sits, e.g. "in 2022/23, before the 2023/24 offer year". */
function outsideOfferYear(date: string, offer: Offer): string {
  const year = academicYearOf(date);
  return placementOf(date, offer) === 'before'
    ? `in ${year}, before the ${offer.year} offer year`
    : `in ${year}, after the ${offer.year} offer year ended on ${formatLongDate(offer.endDate)}, so it does not count for that offer year`;
}

type CriterionFinding = { readonly met: boolean; readonly reason: string };

function consecutiveRequiresImprovement(byDate: readonly Judgement[], offer: Offer): CriterionFinding {
  const rule = `C1 needs 2 or more consecutive requires improvement judgements, the latest of them dated in the ${offer.year} offer year`;
  const metPair = byDate.findLastIndex(
    (later, i) => later.grade === RI && byDate[i - 1]?.grade === RI && placementOf(later.date, offer) === 'within',
  );
  const metEarlier = byDate[metPair - 1];
  const metLater = byDate[metPair];
  if (metEarlier && metLater) {
    return {
      met: true,
      reason: `C1 is met: your requires improvement judgements of ${on(metEarlier)} and ${on(metLater)} are consecutive, and the later one is in the ${offer.year} offer year.`,
    };
  }
  if (byDate.length === 0) return { met: false, reason: `C1 is not met: no Ofsted judgements were given, and ${rule}.` };

  const riPositions = byDate.flatMap((judgement, i) => (judgement.grade === RI ? [i] : []));
  const latestPosition = riPositions.at(-1);
  const latest = latestPosition === undefined ? undefined : byDate[latestPosition];
  if (latestPosition === undefined || !latest) {
    return { met: false, reason: `C1 is not met: none of your judgements is requires improvement, and ${rule}.` };
  }
  const before = byDate[latestPosition - 1];
  if (before?.grade === RI) {
    return {
      met: false,
      reason: `C1 is not met: your latest requires improvement judgement is dated ${on(latest)}, ${outsideOfferYear(latest.date, offer)}; it follows another requires improvement judgement (${on(before)}), but ${rule}.`,
    };
  }
  if (byDate.length === 1) {
    return { met: false, reason: `C1 is not met: your only judgement is requires improvement (${on(latest)}), and ${rule}.` };
  }
  const previousPosition = riPositions.at(-2);
  const previous = previousPosition === undefined ? undefined : byDate[previousPosition];
  if (previousPosition !== undefined && previous) {
    const between = byDate.slice(previousPosition + 1, latestPosition).map((j) => `${grade(j)} (${on(j)})`);
    return {
      met: false,
      reason: `C1 is not met: your requires improvement judgements of ${on(previous)} and ${on(latest)} are not consecutive, as ${between.join(' and ')} came between them, and ${rule}.`,
    };
  }
  const next = byDate[latestPosition + 1];
  if (latestPosition < byDate.length - 2 && next) {
    return {
      met: false,
      reason: `C1 is not met: your only requires improvement judgement (${on(latest)}) was followed by ${grade(next)} (${on(next)}), and ${rule}.`,
    };
  }
  const mostRecent = byDate.slice(-2).map((j) => `${grade(j)} (${on(j)})`);
  return {
    met: false,
    reason: `C1 is not met: your two most recent judgements are ${mostRecent.join(' and ')}, and ${rule}.`,
  };
}

function inadequateInOfferYear(byDate: readonly Judgement[], offer: Offer): CriterionFinding {
  const inadequate = byDate.filter((judgement) => judgement.grade === 'inadequate');
  const inYear = inadequate.findLast((judgement) => placementOf(judgement.date, offer) === 'within');
  if (inYear) {
    return { met: true, reason: `C2 is met: you have an inadequate judgement dated ${on(inYear)}, in the ${offer.year} offer year.` };
  }
  const latest = inadequate.at(-1);
  if (!latest) {
    return {
      met: false,
      reason: `C2 is not met: none of your judgements is inadequate, and C2 needs an inadequate judgement dated in the ${offer.year} offer year.`,
    };
  }
  return {
    met: false,
    reason: `C2 is not met: your latest inadequate judgement is dated ${on(latest)}, ${outsideOfferYear(latest.date, offer)}; C2 needs one dated in the ${offer.year} offer year.`,
  };
}

function regionalDirectorAssessment(assessed: boolean): CriterionFinding {
  return assessed
    ? { met: true, reason: 'C3 is met: a regional director has assessed you as needing immediate support.' }
    : { met: false, reason: 'C3 is not met: a regional director has not assessed you as needing immediate support.' };
}

function exceptionRoute(input: EligibilityInput, rdp: RdpLead): { status: EligibilityStatus; reason: string } {
  const contact = `your Regional Delivery Partner lead, ${rdp.name} (${rdp.email})`;
  const grounds = [
    ...(input.selfIdentifiesNeed ? ['you self-identify as needing help'] : []),
    ...(input.regionalDeliveryTeamJudgesNeed ? ['the DfE regional delivery team judges that you need help'] : []),
  ];
  if (grounds.length > 0) {
    return {
      status: 'by_exception',
      reason: `None of C1 to C3 holds, but ${grounds.join(' and ')}, so you can ask for TSI by exception through ${contact}.`,
    };
  }
  return {
    status: 'not_eligible',
    reason: `None of C1 to C3 holds; if you self-identify as needing help, or the DfE regional delivery team judges that you do, you can ask for TSI by exception through ${contact}.`,
  };
}

/**
 * Whether the check needs a judgement earlier than those given: it does until the earliest
 * given is a graded one from before the offer year, since the judgement just before the first
 * in the offer year decides whether two requires improvement judgements are consecutive.
 */
export function needsEarlierJudgement(judgements: readonly Judgement[], offer: Offer): boolean {
  if (judgements.length >= MAX_JUDGEMENTS) return false;
  const earliest = [...judgements].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))[0];
  if (!earliest) return false;
  return earliest.grade === NO_OVERALL_GRADE || placementOf(earliest.date, offer) !== 'before';
}

function ungradedNote(ungraded: readonly Judgement[]): string[] {
  if (ungraded.length === 0) return [];
  const dates = ungraded.map(on).join(' and ');
  return [
    `Your inspection${ungraded.length === 1 ? '' : 's'} of ${dates} carried no overall grade (Ofsted has given none since September 2024). ` +
      'The guidance predates such inspections; this check’s own reading is to pass over them and look at the graded judgements.',
  ];
}

function decide(input: EligibilityInput, offer: Offer): EligibilityOutcome {
  // Dates are unique (the schema refuses duplicates), so this order is total and any input order gives the same answer.
  const byDate = [...input.judgements].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const graded = byDate.filter((judgement) => judgement.grade !== NO_OVERALL_GRADE);
  const findings: Record<Criterion, CriterionFinding> = {
    C1: consecutiveRequiresImprovement(graded, offer),
    C2: inadequateInOfferYear(graded, offer),
    C3: regionalDirectorAssessment(input.regionalDirectorAssessedImmediateNeed),
  };
  const criteria = CRITERIA.filter((criterion) => findings[criterion].met);
  const reasons = [...CRITERIA.map((criterion) => findings[criterion].reason), ...ungradedNote(byDate.filter((judgement) => judgement.grade === NO_OVERALL_GRADE))];
  const lead = offer.rdpLeads[input.region];
  const rdp = { name: lead.name, email: lead.email };
  if (criteria.length > 0) return { status: 'eligible', criteria, reasons, rdp };
  const route = exceptionRoute(input, rdp);
  return { status: route.status, criteria, reasons: [...reasons, route.reason], rdp };
}
