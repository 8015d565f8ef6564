import cardTemplate from './templates/nomination/card.json' with { type: 'json' };
import commitmentsTemplate from './templates/nomination/commitments.json' with { type: 'json' };
import exportTemplate from './templates/nomination/export.json' with { type: 'json' };
import historyTemplate from './templates/nomination/history.json' with { type: 'json' };
import overviewTemplate from './templates/nomination/overview.json' with { type: 'json' };
import reviewTemplate from './templates/nomination/review.json' with { type: 'json' };
import { describeLondonInstant } from '../domain/time/londonTime.js';
import type { LiaisonGroup, OfstedJudgement, Phase, School } from '../domain/directory/types.js';
import type { NominationCheck } from '../domain/nomination/check.js';
import type { ChampionSchoolPoint } from '../domain/nomination/commitments.js';
import type { CommitmentsConfirmation } from '../domain/nomination/commitmentsConfirmation.js';
import { sizeBandOf, type NominationCoverage } from '../domain/nomination/coverage.js';
import {
  CHAMPION_ROLE_LABELS,
  CHAMPION_ROLES,
  CHOICE_LABELS,
  CHOICES,
  DECISIONS,
  type Choice,
  type ChoiceName,
  type Decision,
  type Nomination,
  type SchoolsByUrn,
  type Submission,
} from '../domain/nomination/nomination.js';
import { sectionAnswersOf } from '../domain/nomination/sectionEdits.js';
import { formatLongDate } from '../domain/tsi/academicYear.js';
import { escapeMarkdown, escapeOptional } from './markdown.js';
import { renderCard, type AdaptiveCard } from './render.js';

/** The verbs this journey's cards send (Action.Execute, or Action.Submit as fallback). */
export const NOMINATION_VERBS = {
  refresh: 'nomination.refresh',
  save: 'nomination.save',
  submit: 'nomination.submit',
  overview: 'nomination.overview',
  review: 'nomination.review',
  select: 'nomination.select',
  confirmCommitments: 'commitments.confirm',
} as const;

/** Teams refreshes a card by itself for at most 60 people; anyone else presses Refresh. */
export const MOST_AUTO_REFRESHED = 60;

const GRADE_TITLES: Record<OfstedJudgement, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  requires_improvement: 'Requires improvement',
  inadequate: 'Inadequate',
  no_overall_grade: 'Inspected, no overall grade',
};

const PHASE_TITLES: Record<Phase, string> = {
  nursery: 'Nursery',
  primary: 'Primary',
  middle: 'Middle',
  secondary: 'Secondary',
  'all-through': 'All-through',
  'sixteen-plus': '16 plus',
  special: 'Special',
  'alternative provision': 'Alternative provision',
  other: 'Other',
};

export const DECISION_TITLES: Record<Decision, string> = {
  selected: 'Selected',
  reserve_selected: 'Reserve selected',
  not_selected: 'Not selected',
};

/** An instant as a headteacher reads it: '1 March 2024 at 10:00' (London time). */
export function describeInstant(iso: string): string {
  return describeLondonInstant(new Date(iso));
}

interface Fact {
  readonly title: string;
  readonly value: string;
}

const yesNo = (value: boolean | undefined, yes: string, no: string): string => (value === undefined ? 'Not answered yet' : value ? yes : no);

function schoolName(urn: string | undefined, schoolsByUrn: SchoolsByUrn): string {
  if (urn === undefined) return 'Not chosen yet';
  const school = schoolsByUrn.get(urn);
  return school ? `${school.name} (URN ${urn})` : `URN ${urn} (not in the directory)`;
}

function describeSchool(school: School): string {
  const size = school.pupils === undefined ? 'pupils on roll not known' : `${school.pupils} pupils, ${sizeBandOf(school.pupils)}`;
  return `${PHASE_TITLES[school.phase]}, ${size}`;
}

function directoryGrade(school: School | undefined): string {
  if (!school) return 'Not known';
  if (school.ofstedGrade === undefined) return 'No inspection in the directory';
  const when = school.ofstedDate === undefined ? '' : `, inspected ${formatLongDate(school.ofstedDate)}`;
  return `${GRADE_TITLES[school.ofstedGrade]}${when}`;
}

/** What a choice says, as facts: the same for the group's card and the SIT's review. */
function choiceFacts(choice: Choice, schoolsByUrn: SchoolsByUrn, confirmation?: CommitmentsConfirmation): Fact[] {
  const school = choice.urn === undefined ? undefined : schoolsByUrn.get(choice.urn);
  const { champion, criteria } = choice;
  const role = champion.role === undefined ? 'Not answered yet' : CHAMPION_ROLE_LABELS[champion.role];
  const newer = criteria.notInadequate?.newerInspection;
  const facts: Fact[] = [{ title: 'School', value: schoolName(choice.urn, schoolsByUrn) }];
  if (school) facts.push({ title: 'Phase and size', value: describeSchool(school) });
  facts.push(
    { title: 'Champion', value: champion.name === undefined ? 'Not named yet' : escapeMarkdown(champion.name) },
    { title: "Champion's role", value: champion.role === 'other' && champion.roleNote ? `${role}: ${escapeMarkdown(champion.roleNote)}` : role },
    { title: 'Ofsted (directory)', value: directoryGrade(school) },
    { title: 'Not graded inadequate', value: yesNo(criteria.notInadequate?.confirmed, 'Confirmed', 'No: graded inadequate') },
  );
  if (newer) facts.push({ title: 'Newer inspection', value: `${GRADE_TITLES[newer.grade]}, ${formatLongDate(newer.date)}` });
  facts.push(
    { title: 'Stable senior leadership', value: yesNo(criteria.stableSlt, 'Yes', 'No') },
    { title: 'The gap (evidence)', value: criteria.gapEvidence === undefined ? 'Not given yet' : escapeMarkdown(criteria.gapEvidence) },
  );
  if (confirmation !== undefined) {
    facts.push({ title: 'Headteacher confirmed commitments', value: `${escapeMarkdown(confirmation.confirmedBy.name)}, ${describeInstant(confirmation.confirmedAt)}` });
  }
  return facts;
}

function directoryNote(school: School | undefined): string {
  if (!school) return 'Choose the school and save: I will then show what the school directory says about its Ofsted grade.';
  const grade = directoryGrade(school);
  if (school.ofstedGrade === 'inadequate') {
    return `The school directory shows ${school.name} as ${grade}. It can be nominated only if it has been inspected since and not graded inadequate: give the date and grade of that inspection below.`;
  }
  return `The school directory shows ${school.name} as ${grade}. If it has been inspected since, you can give that inspection below.`;
}

function statusOf(nomination: Nomination, schoolsByUrn: SchoolsByUrn): { text: string; style: string } {
  const named = (choice: ChoiceName) => {
    const urn = nomination[choice].urn;
    return urn === undefined ? 'the school' : (schoolsByUrn.get(urn)?.name ?? `URN ${urn}`);
  };
  switch (nomination.status) {
    case 'draft': {
      const last = nomination.history.at(-1);
      if (!last) return { text: 'Draft: not submitted yet. Anyone in this chat can fill it in.', style: 'default' };
      return {
        text: `Draft: being changed since ${escapeMarkdown(last.submittedBy.name)} submitted it on ${describeInstant(last.submittedAt)}. Submit it again when it is ready; the earlier submission is kept in the history.`,
        style: 'warning',
      };
    }
    case 'submitted':
      return {
        text: `Submitted by ${escapeOptional(nomination.submittedBy?.name) ?? 'a member'} on ${describeInstant(nomination.submittedAt ?? '')}. The School Improvement Team will review it. Changing anything makes it a draft again until it is submitted again.`,
        style: 'good',
      };
    case 'selected':
      return { text: `The School Improvement Team has selected ${named('first')}, your first choice, as your Disadvantaged Champion School.`, style: 'good' };
    case 'reserve_selected':
      return { text: `The School Improvement Team has selected ${named('second')}, your second choice (reserve), as your Disadvantaged Champion School.`, style: 'good' };
    case 'not_selected':
      return { text: 'The School Improvement Team has reviewed your nomination and has not selected a champion school from it this time.', style: 'default' };
  }
}

export interface NominationNotice {
  readonly lines: readonly string[];
  readonly style: 'good' | 'attention' | 'default';
}

/** Everything the shared card in the group's chat shows. */
export interface SharedNominationView {
  readonly group: LiaisonGroup;
  readonly nomination: Nomination;
  /** The group's schools, for the list of schools to choose from. */
  readonly groupSchools: readonly School[];
  /** The group's schools and any school either choice names. */
  readonly schoolsByUrn: SchoolsByUrn;
  readonly check: NominationCheck;
  readonly commitments: readonly ChampionSchoolPoint[];
  readonly benefits: readonly ChampionSchoolPoint[];
  /** YYYY-MM-DD in London: no inspection date can be later. */
  readonly today: string;
  /** Teams user ids of the people who have acted on the card, least recent first. */
  readonly actedBy: readonly string[];
  readonly notice?: NominationNotice | undefined;
}

/** The group's one shared nomination card: what it says, and (until the SIT decides) how to change it. */
export function sharedNominationCard(view: SharedNominationView): AdaptiveCard {
  const { nomination, group, check } = view;
  const decided = nomination.status !== 'draft' && nomination.status !== 'submitted';
  const status = statusOf(nomination, view.schoolsByUrn);
  const inDraft = nomination.status === 'draft';
  const choices = CHOICES.map((name) => {
    const choice = nomination[name];
    const school = choice.urn === undefined ? undefined : view.schoolsByUrn.get(choice.urn);
    const values = sectionAnswersOf(choice);
    return {
      name,
      heading: CHOICE_LABELS[name],
      facts: choiceFacts(choice, view.schoolsByUrn),
      editTitle: `Edit ${name} choice`,
      saveTitle: `Save ${name} choice`,
      makeTitle: `Make it the ${name} choice`,
      editIntro: `Change what you need and press **Save ${name} choice**: only what you change is saved, so others can work on the card at the same time.`,
      schoolLine: school
        ? `School: ${school.name} (${school.urn}). To change it, use “Choose the schools”.`
        : choice.urn !== undefined
          ? `School: URN ${choice.urn}. To change it, use “Choose the schools”.`
          : 'No school chosen yet: choose one with “Choose the schools”.',
      directoryNote: directoryNote(school),
      values,
    };
  });
  const refreshIds = view.actedBy.slice(-MOST_AUTO_REFRESHED);
  const card = renderCard(cardTemplate, {
    title: `Disadvantaged Champion School nomination: ${group.name}`,
    statusText: status.text,
    statusStyle: status.style,
    intro: inDraft
      ? 'Choose a first choice and a second choice (reserve) from the group’s schools, name each school’s Disadvantaged Pupil Champion and answer the criteria. Save each choice as you go.'
      : '',
    notices: view.notice?.lines ?? [],
    noticeStyle: view.notice?.style ?? 'default',
    // The check quotes what members typed (a champion's name, a role).
    problems: decided ? [] : check.problems.map(escapeMarkdown),
    missing: decided ? [] : check.missing.map(escapeMarkdown),
    warnings: decided ? [] : check.warnings.map(escapeMarkdown),
    ready: inDraft && check.canSubmit ? 'Everything is answered: the nomination is ready to submit.' : '',
    choices,
    // The group's schools are listed once, for both choices, so a large group stays well within a Teams card's size.
    schoolIntro: 'Choose a school from the group, then make it the first choice or the second choice (the reserve).',
    schoolLabel: `A school in the ${group.name} liaison group`,
    schoolTextLabel: `A school in the ${group.name} liaison group: its name or URN`,
    hasSchoolList: view.groupSchools.length > 0,
    schoolChoices: view.groupSchools.map((candidate) => ({ title: `${candidate.name} (${candidate.urn})`, value: candidate.urn })),
    footer: 'Mention me with "nomination history" to see earlier submissions.',
    editable: !decided,
    submittable: inDraft,
    commitmentsIntro:
      'By submitting, you confirm that both nominated schools have seen what a Disadvantaged Champion School commits to, and agree to it. The headteacher of the school the School Improvement Team selects will also confirm it.',
    commitments: view.commitments,
    benefits: view.benefits,
    confirmTitle: 'Both schools have seen these commitments and agree to them',
    roles: CHAMPION_ROLES.map((role) => ({ title: CHAMPION_ROLE_LABELS[role], value: role })),
    grades: Object.entries(GRADE_TITLES).map(([value, title]) => ({ title, value })),
    today: view.today,
    groupId: group.id,
    showRefreshButton: view.actedBy.length > MOST_AUTO_REFRESHED,
    verbs: NOMINATION_VERBS,
  });
  return {
    ...card,
    refresh: { action: { type: 'Action.Execute', title: 'Refresh', verb: NOMINATION_VERBS.refresh, data: { groupId: group.id } }, userIds: refreshIds },
  };
}

function submissionFacts(submission: Pick<Submission, 'first' | 'second'>, schoolsByUrn: SchoolsByUrn): Fact[] {
  return CHOICES.map((name) => {
    const choice = submission[name];
    const champion = choice.champion.name ? `; champion ${escapeMarkdown(choice.champion.name)}` : '';
    const role = choice.champion.role ? ` (${CHAMPION_ROLE_LABELS[choice.champion.role]})` : '';
    return { title: CHOICE_LABELS[name], value: `${schoolName(choice.urn, schoolsByUrn)}${champion}${role}` };
  });
}

/** The group's submissions, newest first: the current one and every one it replaced. */
export function nominationHistoryCard(view: { group: LiaisonGroup; nomination: Nomination | undefined; schoolsByUrn: SchoolsByUrn }): AdaptiveCard {
  const { nomination } = view;
  const submissions: { heading: string; facts: Fact[] }[] = [];
  if (nomination?.submittedBy && nomination.submittedAt && nomination.status !== 'draft') {
    submissions.push({
      heading: `Current: submitted by ${escapeMarkdown(nomination.submittedBy.name)} on ${describeInstant(nomination.submittedAt)}`,
      facts: submissionFacts(nomination, view.schoolsByUrn),
    });
  }
  for (const earlier of [...(nomination?.history ?? [])].reverse()) {
    submissions.push({
      heading: `Replaced: submitted by ${escapeMarkdown(earlier.submittedBy.name)} on ${describeInstant(earlier.submittedAt)}`,
      facts: submissionFacts(earlier, view.schoolsByUrn),
    });
  }
  const count = submissions.length;
  return renderCard(historyTemplate, {
    title: `Nomination history: ${view.group.name}`,
    intro:
      count === 0
        ? 'Nothing has been submitted yet. Mention me with "nominate" to see the nomination card.'
        : `${count === 1 ? 'One submission' : `${count} submissions`}, newest first. A new submission replaces the one before, which is kept here.`,
    submissions,
  });
}

/** One group as the SIT's overview lists it. */
export interface GroupNominationSummary {
  readonly group: LiaisonGroup;
  readonly nomination: Nomination | undefined;
}

const DECISION_OR_STATUS: Record<Exclude<Nomination['status'], 'draft'>, string> = {
  submitted: 'submitted, waiting for your decision',
  selected: 'selected',
  reserve_selected: 'reserve selected',
  not_selected: 'not selected',
};

export function nominationsOverviewCard(view: {
  coverage: NominationCoverage;
  groups: readonly GroupNominationSummary[];
  schoolsByUrn: SchoolsByUrn;
}): AdaptiveCard {
  const { coverage } = view;
  const mix = (counts: Record<string, number>, title: (key: string) => string) =>
    Object.entries(counts)
      .filter(([, count]) => count > 0)
      .map(([key, count]) => ({ title: title(key), value: String(count) }));
  const named = (nomination: Nomination, choice: ChoiceName) => {
    const urn = nomination[choice].urn;
    return urn === undefined ? 'not chosen' : (view.schoolsByUrn.get(urn)?.name ?? `URN ${urn}`);
  };
  const groups = view.groups
    .filter((entry) => entry.nomination !== undefined)
    .map(({ group, nomination }) => {
      const current = nomination as Nomination;
      const status = current.status === 'draft' ? (current.history.length > 0 ? 'being changed after submission' : 'draft, not submitted') : DECISION_OR_STATUS[current.status];
      return { id: group.id, name: group.name, status, schools: `First: ${named(current, 'first')}. Reserve: ${named(current, 'second')}.` };
    });
  return renderCard(overviewTemplate, {
    title: 'Disadvantaged Champion School nominations',
    coverage: `${coverage.nominated} of ${coverage.of} liaison groups have submitted a nomination.`,
    missing: coverage.missingGroups.length === 0 ? '' : `Still to submit: ${coverage.missingGroups.map((group) => group.name).join(', ')}.`,
    phaseMix: mix(coverage.phaseMix, (phase) => PHASE_TITLES[phase as Phase]),
    sizeMix: mix(coverage.sizeMix, (band) => band.charAt(0).toUpperCase() + band.slice(1)),
    groups,
    verbs: NOMINATION_VERBS,
  });
}

export interface ReviewView {
  readonly group: LiaisonGroup;
  readonly nomination: Nomination;
  readonly schoolsByUrn: SchoolsByUrn;
  readonly check: NominationCheck;
  readonly confirmations: ReadonlyMap<string, CommitmentsConfirmation>;
  readonly notice?: { readonly text: string; readonly style: 'good' | 'attention' | 'default' } | undefined;
  /** A decision pressed and not yet confirmed: the card asks to confirm it (it is acted on and the group told only then). */
  readonly confirming?: Decision | undefined;
}

/**
 * One group's nomination as the SIT reviews it, with the decision buttons once it is submitted;
 * a decision pressed comes back as one button to confirm it, or "Not now".
 */
export function nominationReviewCard(view: ReviewView): AdaptiveCard {
  const { nomination } = view;
  let statusText: string;
  if (nomination.status === 'draft') statusText = 'Not submitted: there is nothing to decide yet.';
  else {
    const submitted = `Submitted by ${escapeOptional(nomination.submittedBy?.name) ?? 'a member'} on ${describeInstant(nomination.submittedAt ?? '')}.`;
    const decision = nomination.decision;
    statusText = decision
      ? `${submitted} Your decision: ${DECISION_TITLES[decision.decision]} (${escapeMarkdown(decision.decidedBy.name)}, ${describeInstant(decision.decidedAt)}). You can change it.`
      : `${submitted} Waiting for your decision.`;
  }
  const last = nomination.history.at(-1);
  const lastSubmission =
    nomination.status === 'draft' && last
      ? `The group is changing its nomination. Its last submission (${escapeMarkdown(last.submittedBy.name)}, ${describeInstant(last.submittedAt)}) named: ${submissionFacts(last, view.schoolsByUrn)
          .map((fact) => `${fact.title}: ${fact.value}`)
          .join('; ')}.`
      : '';
  const confirmationFor = (choice: Choice) => (choice.urn === undefined ? undefined : view.confirmations.get(choice.urn));
  const choices = CHOICES.map((name) => ({
    heading: CHOICE_LABELS[name],
    facts: choiceFacts(nomination[name], view.schoolsByUrn, confirmationFor(nomination[name])),
  }));
  const earlier = nomination.history.length;
  return renderCard(reviewTemplate, {
    title: `Nomination: ${view.group.name}`,
    notice: view.notice?.text ?? '',
    noticeStyle: view.notice?.style ?? 'default',
    statusText,
    lastSubmission,
    problems: view.check.problems.map(escapeMarkdown),
    warnings: view.check.warnings.map(escapeMarkdown),
    choices,
    footer: earlier === 0 ? 'No earlier submissions.' : `${earlier === 1 ? 'One earlier submission was' : `${earlier} earlier submissions were`} replaced by this one.`,
    decisions:
      nomination.status === 'draft'
        ? []
        : view.confirming !== undefined
          ? [{ title: `Yes: ${DECISION_TITLES[view.confirming]}, tell the group`, value: view.confirming, confirmed: true }]
          : DECISIONS.map((value) => ({ title: DECISION_TITLES[value], value, confirmed: false })),
    confirming: nomination.status !== 'draft' && view.confirming !== undefined,
    groupId: view.group.id,
    verbs: NOMINATION_VERBS,
  });
}

export interface CommitmentsView {
  readonly school: School | undefined;
  readonly urn: string;
  /** Why there is nothing to confirm, when there is not. */
  readonly unavailable?: string | undefined;
  readonly confirmation: CommitmentsConfirmation | undefined;
  readonly commitments: readonly ChampionSchoolPoint[];
  readonly benefits: readonly ChampionSchoolPoint[];
  readonly justConfirmed?: boolean;
}

/** The champion commitments, for the nominated school's headteacher to confirm in their personal chat. */
export function championCommitmentsCard(view: CommitmentsView): AdaptiveCard {
  const name = view.school?.name ?? `URN ${view.urn}`;
  let statusText: string;
  let statusStyle = 'default';
  if (view.confirmation) {
    const when = describeInstant(view.confirmation.confirmedAt);
    statusText = view.justConfirmed
      ? `Thank you: you have confirmed the commitments for ${name} (${when}). The School Improvement Team can see this.`
      : `${escapeMarkdown(view.confirmation.confirmedBy.name)} confirmed these commitments for ${name} on ${when}.`;
    statusStyle = 'good';
  } else if (view.unavailable !== undefined) {
    statusText = view.unavailable;
  } else {
    statusText = `${name} has been nominated as a Disadvantaged Champion School. Please read what it commits to, then confirm for the school.`;
    statusStyle = 'accent';
  }
  return renderCard(commitmentsTemplate, {
    title: 'Disadvantaged Champion School: the commitments',
    statusText,
    statusStyle,
    commitments: view.commitments,
    benefits: view.benefits,
    canConfirm: view.confirmation === undefined && view.unavailable === undefined,
    confirmTitle: `Confirm for ${name}`,
    urn: view.urn,
    verbs: { confirm: NOMINATION_VERBS.confirmCommitments },
  });
}

export function nominationsExportCard(view: { groups: number; nominated: number; workbookUrl: string; csvUrl: string; expiresAt: Date }): AdaptiveCard {
  return renderCard(exportTemplate, {
    title: 'Nominations export',
    summary: `One row for each of the ${view.groups} liaison groups (${view.nominated} submitted), with both choices, their champions and the criteria.`,
    expiry: `These links work only for you, and expire at ${describeInstant(view.expiresAt.toISOString())}. Ask me again for fresh ones.`,
    workbookUrl: view.workbookUrl,
    csvUrl: view.csvUrl,
  });
}
