import formTemplate from './templates/tsi/form.json' with { type: 'json' };
import historyTemplate from './templates/tsi/history.json' with { type: 'json' };
import resultTemplate from './templates/tsi/result.json' with { type: 'json' };
import { describeLondonInstant } from '../domain/attendance/londonTime.js';
import { REGIONS, type Region } from '../domain/directory/types.js';
import type { Criterion, EligibilityOutcome } from '../domain/tsi/eligibility.js';
import type { Offer } from '../domain/tsi/offer.js';
import { renderCard, type AdaptiveCard } from './render.js';

/** The verb the eligibility form's button sends (Action.Execute, or Action.Submit as fallback). */
export const TSI_ASSESS_VERB = 'tsi.assess';
/** Fills the form from the school picked in its type-ahead box. */
export const TSI_LOOKUP_VERB = 'tsi.fillFromDirectory';

/** The inputs of the eligibility form, by id: what a submission carries and what a re-shown form keeps. */
export const TSI_FORM_FIELDS = [
  'recipient',
  'name',
  'urn',
  'trust',
  'region',
  'latestDate',
  'latestGrade',
  'previousDate',
  'previousGrade',
  'regionalDirectorAssessed',
  'selfIdentifiesNeed',
  'deliveryTeamJudgesNeed',
] as const;
export type TsiFormField = (typeof TSI_FORM_FIELDS)[number];
export type TsiFormValues = Readonly<Record<TsiFormField, string>>;

export const EMPTY_TSI_FORM: TsiFormValues = Object.fromEntries(TSI_FORM_FIELDS.map((field) => [field, ''])) as Record<TsiFormField, string>;

export const GRADE_TITLES = {
  outstanding: 'Outstanding',
  good: 'Good',
  requires_improvement: 'Requires improvement',
  inadequate: 'Inadequate',
} as const;

export interface TsiFormView {
  readonly offerYear: string;
  /** YYYY-MM-DD: the date pickers allow nothing later. */
  readonly today: string;
  readonly values: TsiFormValues;
  /** The school whose directory entry filled the form in, when one did. */
  readonly prefilledFrom?: string;
  /** What was wrong with the last submission, in plain words. */
  readonly problems: readonly string[];
}

export function tsiFormCard(view: TsiFormView): AdaptiveCard {
  return renderCard(formTemplate, {
    title: `Trust and school improvement support (TSI), ${view.offerYear}: check eligibility`,
    intro: 'Fill this in and press **Check eligibility**: I will tell you straight away whether the school or trust is eligible, and why.',
    prefilledNote: view.prefilledFrom
      ? `I have filled in what the school directory says about ${view.prefilledFrom}. Please check it and correct anything that is wrong.`
      : '',
    judgementHelp: 'The latest two judgements are enough. Leave them blank if there is none, for example for a school not yet inspected.',
    problems: view.problems,
    values: view.values,
    today: view.today,
    regions: REGIONS.map((region) => ({ title: region, value: region })),
    grades: Object.entries(GRADE_TITLES).map(([value, title]) => ({ value, title })),
    verb: TSI_ASSESS_VERB,
    lookupVerb: TSI_LOOKUP_VERB,
  });
}

/** One saved check, as much of it as a card shows. */
export interface EligibilityCheckView {
  readonly id: string;
  readonly checkedAt: string;
  readonly subject: { readonly name: string; readonly urn?: string | undefined; readonly trust?: string | undefined };
  readonly input: { readonly recipient: 'school' | 'trust'; readonly region: Region };
  readonly offerYear: string;
  readonly outcome: EligibilityOutcome;
}

export interface TsiResultOptions {
  readonly offer: Offer;
  /** A system leader may start a deployment form from an eligible result, once that journey exists. */
  readonly offerDeploymentForm: boolean;
}

function listed(criteria: readonly Criterion[]): string {
  if (criteria.length <= 1) return criteria.join('');
  return `${criteria.slice(0, -1).join(', ')} and ${criteria.at(-1)}`;
}

/** The outcome in one line, as a headteacher would say it. */
export function outcomeLine(name: string, outcome: EligibilityOutcome, offerYear: string): string {
  switch (outcome.status) {
    case 'eligible':
      return `${name} is eligible for TSI in ${offerYear}, under ${listed(outcome.criteria)}.`;
    case 'by_exception':
      return `${name} does not meet C1, C2 or C3, but can ask for TSI in ${offerYear} by exception.`;
    case 'not_eligible':
      return `${name} is not eligible for TSI in ${offerYear}.`;
  }
}

/** '2024-03-01T10:00:00.000Z' → '1 March 2024 at 10:00', London time. */
function checkedOn(isoInstant: string): string {
  return describeLondonInstant(new Date(isoInstant));
}

function pounds(amount: number): string {
  return `£${amount.toLocaleString('en-GB')}`;
}

function offerSection(check: EligibilityCheckView, offer: Offer) {
  const { support, enhancedStrand } = offer;
  const { trustPartnership, additionalDays } = enhancedStrand;
  const throughTrust =
    check.input.recipient === 'trust' ? [support.trustSupport] : check.subject.trust ? [support.schoolInTrustSupport] : [];
  const payments = trustPartnership.payments.map((payment) => `${pounds(payment.amountPounds)} ${payment.when}`).join('; then ');
  return {
    show: check.outcome.status !== 'not_eligible',
    heading: check.outcome.status === 'eligible' ? 'What is on offer' : 'What is on offer if your request is agreed',
    support: [support.systemLeader, ...throughTrust],
    enhancedSummary: enhancedStrand.summary,
    enhancedOptions: [
      `${trustPartnership.description} Paid as ${payments}.`,
      `${additionalDays.description} ${additionalDays.paymentRule}`,
    ],
  };
}

function contactLine(check: EligibilityCheckView): string {
  const { rdp, status } = check.outcome;
  const lead = `your Regional Delivery Partner (RDP) lead for ${check.input.region}, ${rdp.name}: [${rdp.email}](mailto:${rdp.email})`;
  switch (status) {
    case 'eligible':
      return `To take up the offer, contact ${lead}.`;
    case 'by_exception':
      return `To ask for TSI by exception, contact ${lead}.`;
    case 'not_eligible':
      return `If things change, or to talk it through, contact ${lead}.`;
  }
}

function about(check: EligibilityCheckView): string {
  const { subject, input } = check;
  return [
    input.recipient === 'trust' ? 'Trust' : subject.urn ? `URN ${subject.urn}` : 'School',
    input.region,
    ...(input.recipient === 'school' && subject.trust ? [`in ${subject.trust}`] : []),
    `checked on ${checkedOn(check.checkedAt)}`,
  ].join(' · ');
}

export function tsiResultCard(check: EligibilityCheckView, options: TsiResultOptions): AdaptiveCard {
  const { subject, outcome } = check;
  const subjectLine = `TSI ${check.offerYear}: ${subject.name}${subject.urn ? ` (URN ${subject.urn})` : ''}`;
  return renderCard(resultTemplate, {
    heading: `TSI eligibility, ${check.offerYear}`,
    outcomeLine: outcomeLine(subject.name, outcome, check.offerYear),
    about: about(check),
    reasons: outcome.reasons,
    offer: offerSection(check, options.offer),
    contact: contactLine(check),
    emailTitle: `Email ${outcome.rdp.name}`,
    mailto: `mailto:${outcome.rdp.email}?subject=${encodeURIComponent(subjectLine)}`,
    deploymentForm: options.offerDeploymentForm && outcome.status !== 'not_eligible',
    deploymentTitle: 'Start a deployment form',
    checkId: check.id,
  });
}

/** At most this many checks are listed. */
export const RECENT_CHECKS_SHOWN = 10;

export function tsiHistoryCard(checks: readonly EligibilityCheckView[]): AdaptiveCard {
  return renderCard(historyTemplate, {
    title: 'Your recent eligibility checks',
    checks: checks.map((check) => ({
      name: check.subject.urn ? `${check.subject.name} (URN ${check.subject.urn})` : check.subject.name,
      outcomeLine: outcomeLine(check.input.recipient === 'trust' ? 'The trust' : 'The school', check.outcome, check.offerYear),
      when: `Checked on ${checkedOn(check.checkedAt)}`,
    })),
    footer: checks.length >= RECENT_CHECKS_SHOWN ? `These are your ${RECENT_CHECKS_SHOWN} most recent checks, newest first.` : 'Newest first.',
  });
}
