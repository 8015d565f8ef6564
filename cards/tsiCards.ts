import formTemplate from './templates/tsi/form.json' with { type: 'json' };
import historyTemplate from './templates/tsi/history.json' with { type: 'json' };
import resultTemplate from './templates/tsi/result.json' with { type: 'json' };
import { describeLondonInstant } from '../domain/time/londonTime.js';
import { REGIONS, type Region } from '../domain/directory/types.js';
import type { EligibilityOutcome } from '../domain/tsi/eligibility.js';
import type { Offer } from '../domain/tsi/offer.js';
import { formatLongDate } from '../domain/tsi/academicYear.js';
import { renderCard, type AdaptiveCard } from './render.js';
import { listed } from '../domain/text.js';

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
  'thirdDate',
  'thirdGrade',
  'fourthDate',
  'fourthGrade',
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
  no_overall_grade: 'Inspected, no overall grade',
} as const;

/** The form's judgement rows, latest first: as many as a check usually needs; more are asked for one at a time. */
export const TSI_FORM_JUDGEMENTS = [
  { date: 'latestDate', grade: 'latestGrade', name: 'Latest judgement', label: 'the latest judgement' },
  { date: 'previousDate', grade: 'previousGrade', name: 'Judgement before it', label: 'the judgement before it' },
  { date: 'thirdDate', grade: 'thirdGrade', name: 'Third judgement', label: 'the one before that' },
  { date: 'fourthDate', grade: 'fourthGrade', name: 'Fourth judgement', label: 'the one before that' },
] as const satisfies readonly { date: TsiFormField; grade: TsiFormField; name: string; label: string }[];

export interface TsiFormView {
  readonly offerYear: string;
  /** YYYY-MM-DD: the first day of the offer year, back to which judgements are needed. */
  readonly offerStart: string;
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
    judgementHelp:
      `Give every judgement from the latest back to the first one before ${formatLongDate(view.offerStart)} (the start of the ${view.offerYear} offer year), latest first. ` +
      'Leave the rest blank, and all of them blank for a school not yet inspected. For an inspection from September 2024, which has no overall grade, choose “Inspected, no overall grade”.',
    judgementRows: TSI_FORM_JUDGEMENTS.map((row) => ({ id: row.date, gradeId: row.grade, label: row.label, date: view.values[row.date], grade: view.values[row.grade] })),
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
  /** Said above the reasons when the offer checked against has ended (offerYearNotice). */
  readonly offerNotice?: string | undefined;
}

/** The outcome in one line, as a headteacher would say it. */
export function outcomeLine(name: string, outcome: EligibilityOutcome, offerYear: string): string {
  switch (outcome.status) {
    case 'eligible':
      // "Under C2" is the offer's shorthand; the headline says what it is, and the reasons below say what each criterion means.
      return `${name} is eligible for TSI in ${offerYear}: it meets the offer’s ${outcome.criteria.length === 1 ? 'criterion' : 'criteria'} ${listed(outcome.criteria)}, explained below.`;
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
    offerNotice: options.offerNotice ?? '',
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
