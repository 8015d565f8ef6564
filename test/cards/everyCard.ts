/**
 * Every card every renderer in cards/ can produce, with realistic and edge data: the council's
 * real sizes (18 liaison groups, about 250 schools), 300 schools with long names to be safe,
 * empty lists, problems shown, every status. The Teams check and the screenshots read this table.
 */
import * as attendance from '../../cards/attendanceCards.js';
import * as choice from '../../cards/choiceCard.js';
import * as conversation from '../../cards/conversationCards.js';
import * as deployment from '../../cards/deploymentCards.js';
import * as lifecycle from '../../cards/deploymentLifecycleCards.js';
import { dueSteps } from '../../domain/deploymentLifecycle/due.js';
import { ANNEX_A } from '../../domain/deploymentLifecycle/programme.js';
import { lifecycle as lifecycleRecord, daysFrom } from '../domain/deploymentLifecycle/support.js';
import * as directory from '../../cards/directoryCards.js';
import * as nomination from '../../cards/nominationCards.js';
import * as selfEvaluation from '../../cards/selfEvaluationCards.js';
import type { AdaptiveCard } from '../../cards/render.js';
import * as tsi from '../../cards/tsiCards.js';
import { cancelSession } from '../../domain/attendance/calendar.js';
import { DEFAULT_PROGRAMME, findSession, startedSessions, type Meeting, type Programme } from '../../domain/attendance/programme.js';
import { ATTENDANCE_STATUSES, type AttendanceRecord } from '../../domain/attendance/record.js';
import { registerPages } from '../../domain/attendance/register.js';
import { schoolAttendanceSummary, sessionSummary, statusesFrom } from '../../domain/attendance/summary.js';
import { fieldSpec, SECTION_NUMBERS, type SectionNumber } from '../../domain/deployment/form.js';
import type { LiaisonGroup, School } from '../../domain/directory/types.js';
import { checkNomination } from '../../domain/nomination/check.js';
import { BENEFITS, COMMITMENTS } from '../../domain/nomination/commitments.js';
import { nominationCoverage } from '../../domain/nomination/coverage.js';
import { newNomination, type Nomination, type SchoolsByUrn } from '../../domain/nomination/nomination.js';
import { selectNomination, submitNomination } from '../../domain/nomination/submit.js';
import type { EligibilityOutcome } from '../../domain/tsi/eligibility.js';
import { DEFAULT_OFFER } from '../../domain/tsi/offer.js';
import { SHIPPED_QUESTIONS } from '../../domain/selfEvaluation/questions.js';
import type { Answer, PlannedAction, Snapshot } from '../../domain/selfEvaluation/record.js';
import { LONGEST_ACTION_FIELD, MOST_ACTIONS } from '../../domain/selfEvaluation/actionPlan.js';
import { countsByStrand } from '../../domain/selfEvaluation/overview.js';
import { MOST_ADVISERS } from '../../domain/selfEvaluation/advisers.js';
import { emptyDraft, readyDraft } from '../domain/deployment/sampleDraft.js';
import { ALICE, completeNomination, GROUP, NOW as NOMINATION_NOW, SCHOOLS as NOMINATION_SCHOOLS, SCHOOLS_BY_URN, SIT } from '../domain/nomination/fixtures.js';

export interface CardCase {
  /** The renderer, as cards/*.ts exports it. */
  readonly renderer: string;
  /** The data, in words a failing test can name. */
  readonly data: string;
  readonly card: () => AdaptiveCard;
}

// Data at the council's real sizes, and beyond.

const LONG = 'The Blessed Cardinal John Henry Newman Roman Catholic Voluntary Aided Primary School and Nursery';

function groupsOf(count: number): LiaisonGroup[] {
  return Array.from({ length: count }, (_, index) => {
    const number = String(index + 1).padStart(2, '0');
    return { id: `group-${number}`, name: `Liaison Group ${number}` };
  });
}

function schoolsOf(count: number, groups: readonly LiaisonGroup[], long = false): School[] {
  return Array.from({ length: count }, (_, index) => ({
    urn: String(100001 + index),
    name: long ? `${LONG} ${index + 1}` : `School ${index + 1} Primary`,
    type: 'Voluntary aided school',
    phase: index % 3 === 0 ? 'secondary' : 'primary',
    localAuthority: 'Buckinghamshire',
    liaisonGroupId: groups[index % groups.length]!.id,
    ofstedGrade: 'good',
    ofstedDate: '2019-05-01',
    pupils: 120 + index,
  }));
}

const REAL_GROUPS = groupsOf(18);
const REAL_SCHOOLS = schoolsOf(250, REAL_GROUPS);
const LONG_SCHOOLS = schoolsOf(300, REAL_GROUPS, true);
const byUrn = (schools: readonly School[]): SchoolsByUrn => new Map(schools.map((school) => [school.urn, school]));

// Attendance

const NOW = new Date('2022-02-11T15:00:00Z');
const T1 = findSession(DEFAULT_PROGRAMME, 'T1') as Meeting;
const T2 = findSession(DEFAULT_PROGRAMME, 'T2') as Meeting;
const record = (urn: string, status: AttendanceRecord['status'] = 'present'): AttendanceRecord => ({
  sessionId: 'T1',
  urn,
  attendeeName: 'Jane Doe',
  attendeeRole: 'Pupil Premium Lead',
  status,
  loggedBy: { aadObjectId: 'aad-head', name: 'Hana Head' },
  loggedAt: NOW.toISOString(),
});

/** A register page (as the SIT sees one liaison group) of a register drawn from `schools`. */
function registerCase(data: string, schools: readonly School[], groups: readonly LiaisonGroup[]): CardCase {
  return {
    renderer: 'registerCard',
    data,
    card: () => {
      const pages = registerPages(schools, groups);
      const page = pages.reduce((largest, candidate) => (candidate.schools.length > largest.schools.length ? candidate : largest));
      const statuses = new Map(page.schools.map((school, index) => [school.urn, ATTENDANCE_STATUSES[index % 3]!]));
      return attendance.registerCard({
        session: T2,
        pages,
        page,
        schoolCount: schools.length,
        statuses,
        // Two named attendees logged by each school on the page: more than a real session has.
        ownLogs: page.schools.flatMap((school, index) => [
          { school, record: record(school.urn), loggedByVerified: index % 2 === 0 },
          { school, record: { ...record(school.urn, 'apologies'), attendeeName: 'A Second Named Attendee From This School' }, loggedByVerified: true },
        ]),
        saved: `Saved ${page.title}: 3 present, 1 sent apologies, 10 absent.`,
      });
    },
  };
}

function summaryCase(data: string, schools: readonly School[], groups: readonly LiaisonGroup[]): CardCase {
  const records = schools.slice(0, 100).map((school) => record(school.urn));
  return {
    renderer: 'summaryCard',
    data,
    card: () =>
      attendance.summaryCard({
        programme: DEFAULT_PROGRAMME,
        signedUpCount: schools.length,
        sessions: startedSessions(DEFAULT_PROGRAMME, NOW).map((meeting) => ({ meeting, summary: sessionSummary(meeting.id, schools, statusesFrom(records)) })),
        groups: { meeting: T1, lines: groups.map((group) => ({ group, summary: sessionSummary('T1', schools.filter((school) => school.liaisonGroupId === group.id), statusesFrom(records)) })) },
        lastSession: { session: T1, schools: schools.slice(100).map((school) => ({ school, status: 'no_record' })) },
      }),
  };
}

const CANCELLED: Programme = (() => {
  const result = cancelSession(DEFAULT_PROGRAMME, 'T2');
  return result.ok ? result.value : DEFAULT_PROGRAMME;
})();

const ATTENDANCE_CASES: CardCase[] = [
  {
    renderer: 'logFormCard',
    data: 'started sessions, a problem',
    card: () => attendance.logFormCard({ schoolName: 'Amersham Primary', sessions: startedSessions(DEFAULT_PROGRAMME, NOW), values: { sessionId: 'T2', attendeeName: 'Hana Head', attendeeRole: 'Headteacher', status: '' }, problems: ["The attendee's name is empty."] }),
  },
  {
    renderer: 'logFormCard',
    data: 'no session started yet',
    card: () => attendance.logFormCard({ schoolName: LONG, sessions: [], values: { sessionId: '', attendeeName: '', attendeeRole: '', status: '' }, problems: [] }),
  },
  { renderer: 'loggedCard', data: 'first log', card: () => attendance.loggedCard({ record: record('100001'), session: T1, schoolName: 'Amersham Primary', corrected: false }) },
  { renderer: 'loggedCard', data: 'a correction', card: () => attendance.loggedCard({ record: record('100001', 'apologies'), session: T1, schoolName: LONG, corrected: true }) },
  ...[true, false].map((isChampion) => ({
    renderer: 'schoolRecordCard',
    data: isChampion ? 'a champion school with the task open' : 'a school with nothing logged',
    card: () =>
      attendance.schoolRecordCard({
        school: REAL_SCHOOLS[0]!,
        programme: DEFAULT_PROGRAMME,
        summary: schoolAttendanceSummary('100001', isChampion ? [record('100001')] : [], DEFAULT_PROGRAMME, { isChampion, now: NOW }),
        isChampion,
        offerTask: isChampion,
      }),
  })),
  registerCase('two schools outside every group', NOMINATION_SCHOOLS, []),
  registerCase('250 schools in 18 groups', REAL_SCHOOLS, REAL_GROUPS),
  registerCase('300 schools with long names in 18 groups', LONG_SCHOOLS, REAL_GROUPS),
  // A page is at most REGISTER_PAGE_SIZE schools, however the schools fall into groups.
  registerCase('300 schools with long names, all in one group', LONG_SCHOOLS.map((school) => ({ ...school, liaisonGroupId: REAL_GROUPS[0]!.id })), REAL_GROUPS),
  registerCase('300 schools with long names, none in a group', LONG_SCHOOLS, []),
  {
    renderer: 'registerCard',
    data: 'no school signed up, with problems',
    card: () =>
      attendance.registerCard({ session: T2, pages: [], page: undefined, schoolCount: 0, statuses: new Map(), ownLogs: [], problems: ['The school with URN 999999 is not on this page of the register.'] }),
  },
  summaryCase('250 schools in 18 groups', REAL_SCHOOLS, REAL_GROUPS),
  summaryCase('300 schools with long names', LONG_SCHOOLS, REAL_GROUPS),
  {
    renderer: 'summaryCard',
    data: 'no session yet',
    card: () => attendance.summaryCard({ programme: DEFAULT_PROGRAMME, signedUpCount: 0, sessions: [], groups: undefined, lastSession: undefined }),
  },
  { renderer: 'calendarCard', data: 'for the SIT, with a notice', card: () => attendance.calendarCard({ programme: DEFAULT_PROGRAMME, canEdit: true, notice: 'Saved.' }) },
  { renderer: 'calendarCard', data: 'for the SIT, a session cancelled', card: () => attendance.calendarCard({ programme: CANCELLED, canEdit: true }) },
  { renderer: 'calendarCard', data: 'for a school', card: () => attendance.calendarCard({ programme: DEFAULT_PROGRAMME, canEdit: false }) },
  { renderer: 'sessionFormCard', data: 'a new session', card: () => attendance.sessionFormCard({ session: undefined, values: attendance.EMPTY_SESSION_FORM, problems: [] }) },
  { renderer: 'sessionFormCard', data: 'changing T2, a problem', card: () => attendance.sessionFormCard({ session: T2, values: attendance.sessionFormValues(T2), problems: ['A problem.'] }) },
  { renderer: 'confirmCancelCard', data: 'T2', card: () => attendance.confirmCancelCard(T2) },
  { renderer: 'exportCard', data: 'links', card: () => attendance.exportCard({ xlsxUrl: 'https://bot.example/exports/1?sig=a', csvUrl: 'https://bot.example/exports/2?sig=b', expiresAt: NOW, schoolCount: 250, sessionCount: 6 }) },
];

// Help and welcome

const JOURNEYS: conversation.JourneySummary[] = [
  ['Check TSI eligibility', 'check eligibility'],
  ['My eligibility checks', 'my checks'],
  ['Start a deployment form', 'deployment form'],
  ['My deployment forms', 'my deployment forms'],
  ['Log attendance', 'log attendance'],
  ["My school's attendance", "my school's attendance"],
  ['Session calendar', 'session calendar'],
  ['Tell me who I am', 'i am'],
  ['My profile', 'my profile'],
  ['Your data', 'my data'],
  ['Attendance summary', 'attendance summary'],
  ['Export attendance', 'export attendance'],
  ['Review nominations', 'nominations'],
].map(([title, command]) => ({ title: title!, command: command!, description: `What ${title} does, in a sentence.`, example: command! }));

const CONVERSATION_CASES: CardCase[] = (['personal', 'groupChat', 'channel'] as const).flatMap((kind) => [
  { renderer: 'helpCard', data: `13 journeys in ${kind}`, card: () => conversation.helpCard(JOURNEYS, kind) },
  { renderer: 'helpCard', data: `no journey in ${kind}, a notice`, card: () => conversation.helpCard([], kind, 'Sorry, I did not understand that.') },
  { renderer: 'welcomeCard', data: `13 journeys in ${kind}`, card: () => conversation.welcomeCard(JOURNEYS, kind) },
  { renderer: 'welcomeCard', data: `no journey in ${kind}`, card: () => conversation.welcomeCard([], kind) },
]).concat([
  { renderer: 'choiceCard', data: 'Yes and No', card: () => choice.choiceCard('Is it Amersham Primary (URN 100001, Buckinghamshire)?', ['Yes', 'No']) },
  { renderer: 'choiceCard', data: 'six short choices', card: () => choice.choiceCard('Which region?', ['A', 'B', 'C', 'D', 'E', 'F']) },
  { renderer: 'choiceCard', data: '18 long choices, as a list', card: () => choice.choiceCard('Which one?', Array.from({ length: 18 }, (_, index) => `${LONG} ${index + 1} (URN ${100001 + index}, Buckinghamshire)`)) },
  { renderer: 'suggestionCard', data: 'two journeys', card: () => choice.suggestionCard('Did you mean “Check TSI eligibility” or “Log attendance”?', [{ title: 'Check TSI eligibility', command: 'check eligibility' }, { title: 'Log attendance', command: 'log attendance' }]) },
]);

// TSI

const ELIGIBLE: EligibilityOutcome = {
  status: 'eligible',
  criteria: ['C1', 'C3'],
  reasons: ['C1 is met: two requires improvement judgements in a row.', 'C3 is met: a regional director has assessed you as needing immediate support.'],
  rdp: { name: 'Amanda Parry', email: 'A.parry@hispmat.org' },
};

function check(status: EligibilityOutcome['status'], recipient: 'school' | 'trust' = 'school'): tsi.EligibilityCheckView {
  return {
    id: `check-${status}`,
    checkedAt: '2024-03-01T10:00:00.000Z',
    subject: recipient === 'school' ? { name: LONG, urn: '100001', trust: 'Chiltern Learning Trust' } : { name: 'Northern Lights Trust' },
    input: { recipient, region: 'South East' },
    offerYear: '2023/24',
    outcome: { ...ELIGIBLE, status, criteria: status === 'eligible' ? ['C1', 'C3'] : [] },
  };
}

const TSI_CASES: CardCase[] = [
  { renderer: 'tsiFormCard', data: 'empty', card: () => tsi.tsiFormCard({ offerYear: '2023/24', offerStart: '2023-09-01', today: '2024-03-01', values: tsi.EMPTY_TSI_FORM, problems: [] }) },
  {
    renderer: 'tsiFormCard',
    data: 'filled from the directory, with problems',
    card: () =>
      tsi.tsiFormCard({
        offerYear: '2023/24',
        offerStart: '2023-09-01',
        today: '2024-03-01',
        values: { ...tsi.EMPTY_TSI_FORM, recipient: 'school', name: LONG, urn: '100001', region: 'South East', latestDate: '2023-10-10', latestGrade: 'requires_improvement' },
        prefilledFrom: LONG,
        problems: ['Choose the DfE region.', 'Say whether a regional director has assessed it.'],
      }),
  },
  ...(['eligible', 'by_exception', 'not_eligible'] as const).flatMap((status) => [
    { renderer: 'tsiResultCard', data: `${status}, a school, deployment form offered`, card: () => tsi.tsiResultCard(check(status), { offer: DEFAULT_OFFER, offerDeploymentForm: true }) },
    { renderer: 'tsiResultCard', data: `${status}, a trust`, card: () => tsi.tsiResultCard(check(status, 'trust'), { offer: DEFAULT_OFFER, offerDeploymentForm: false }) },
  ]),
  { renderer: 'tsiHistoryCard', data: 'ten checks', card: () => tsi.tsiHistoryCard(Array.from({ length: tsi.RECENT_CHECKS_SHOWN }, (_, index) => check(index % 2 ? 'eligible' : 'not_eligible', index % 3 ? 'school' : 'trust'))) },
  { renderer: 'tsiHistoryCard', data: 'no check', card: () => tsi.tsiHistoryCard([]) },
];

// Directory

const claimOf = (index: number) => ({
  kind: 'school' as const,
  aadObjectId: `aad-claim-${index}`,
  name: `${LONG} [claimant](https://evil.example) ${index}`,
  urn: LONG_SCHOOLS[index]?.urn ?? '100001',
  role: index % 2 === 0 ? ('headteacher' as const) : ('staff' as const),
  verification: { status: 'pending' as const },
  updatedAt: '2024-01-15T09:00:00.000Z',
});

const DIRECTORY_CASES: CardCase[] = [
  { renderer: 'profileRequestsCard', data: 'nobody waiting', card: () => directory.profileRequestsCard({ requests: [], isSitAdmin: true }) },
  {
    renderer: 'profileRequestsCard',
    data: '20 claims with long names, one school not in the directory, notices',
    card: () =>
      directory.profileRequestsCard({
        requests: Array.from({ length: 20 }, (_, index) => ({ profile: claimOf(index), school: index === 19 ? undefined : LONG_SCHOOLS[index] })),
        notices: ['Approved Hana Head.'],
        isSitAdmin: false,
      }),
  },
  {
    renderer: 'profileCard',
    data: 'a headteacher who is also a SIT administrator',
    card: () => directory.profileCard({ kind: 'school', aadObjectId: 'aad-head', name: 'Hana Head', role: 'headteacher', urn: '100001' } as never, REAL_SCHOOLS[0], REAL_GROUPS[0], true),
  },
  {
    renderer: 'profileCard',
    data: 'a system leader',
    card: () => directory.profileCard({ kind: 'leader', aadObjectId: 'aad-leader', name: 'Lee Leader', role: 'nle', organisation: 'Oak Learning Trust', email: 'lee@oak.example' } as never, undefined, undefined, false),
  },
];

// Deployment

const REF = { ownerAadObjectId: 'aad-system-leader', draftId: 'deployment-1' };
const SECTIONS = SECTION_NUMBERS.filter((section) => section !== 7) as SectionNumber[];

const DEPLOYMENT_CASES: CardCase[] = [
  { renderer: 'draftsCard', data: 'one draft', card: () => deployment.draftsCard([{ draft: readyDraft(), position: { section: 8 } }], (iso) => iso.slice(0, 10)) },
  { renderer: 'draftsCard', data: 'no draft', card: () => deployment.draftsCard([], (iso) => iso.slice(0, 10)) },
  { renderer: 'sectionStartCard', data: 'section 2 with a note', card: () => deployment.sectionStartCard({ ref: REF, section: 2, notes: ['A note'] }) },
  { renderer: 'questionCard', data: 'buttons', card: () => deployment.questionCard({ field: fieldSpec(1, 'recipientKind')! }) },
  { renderer: 'questionCard', data: 'a list', card: () => deployment.questionCard({ field: fieldSpec(2, 'areasOfFocus')! }) },
  {
    renderer: 'answeredQuestionCard',
    data: 'several choices',
    card: () => deployment.answeredQuestionCard({ question: fieldSpec(2, 'areasOfFocus')!.question, answer: 'Teaching & Learning; Behaviour; Pupil wellbeing, mental health and safeguarding' }),
  },
  ...SECTIONS.flatMap((section) => [
    { renderer: 'sectionFormCard', data: `section ${section}, filled in`, card: () => deployment.sectionFormCard({ ref: REF, draft: readyDraft(), section, today: '2024-04-20' }) },
    { renderer: 'sectionFormCard', data: `section ${section}, empty`, card: () => deployment.sectionFormCard({ ref: REF, draft: emptyDraft(), section, today: '2024-04-20' }) },
  ]),
  ...SECTIONS.map((section) => ({ renderer: 'sectionReviewCard', data: `section ${section}`, card: () => deployment.sectionReviewCard({ ref: REF, draft: readyDraft(), section, canEdit: true }) })),
  { renderer: 'progressCard', data: 'ready, sent to the school', card: () => deployment.progressCard({ ref: REF, draft: readyDraft(), sentToSchool: true }) },
  { renderer: 'progressCard', data: 'empty', card: () => deployment.progressCard({ ref: REF, draft: emptyDraft(), sentToSchool: false }) },
  {
    renderer: 'daysMismatchCard',
    data: 'a whole term of dates logged against the claim',
    card: () =>
      deployment.daysMismatchCard({
        ref: REF,
        draft: readyDraft(),
        message: `Section 6 claims 15 days but only 14 days are logged by date: ${Array.from({ length: 14 }, (_, day) => `${day + 1} March 2025 (half day)`).join(', ')}. Log the missing days with their dates, or correct the claim, before sending the form.`,
        seen: '0123456789abcdef',
        notice: 'The days or the claim have changed since you last saw them, so nothing was sent. This is how they stand now:',
      }),
  },
  {
    renderer: 'submissionCard',
    data: 'with a download',
    card: () => deployment.submissionCard({ draft: readyDraft(), download: { url: 'https://bot.example/exports/x', minutes: 15 }, fullBankDetails: true }),
  },
  {
    renderer: 'schoolConfirmationCard',
    data: 'section 7 empty',
    card: () => {
      const draft = readyDraft();
      return deployment.schoolConfirmationCard({ ref: REF, draft: { ...draft, sections: { ...draft.sections, 7: {} } }, londonDate: (iso) => iso.slice(0, 10) });
    },
  },
];

// Nomination

function submitted(groupId = GROUP.id, context?: Parameters<typeof completeNomination>[1]): Nomination {
  const complete = completeNomination(groupId, context);
  const result = submitNomination(complete, { by: ALICE, now: NOMINATION_NOW, commitmentsConfirmed: true, group: context?.group ?? GROUP, schoolsByUrn: context?.schoolsByUrn ?? SCHOOLS_BY_URN });
  if (!result.ok) throw new Error(result.errors.join(' '));
  return result.value;
}

function sharedCase(data: string, current: () => Nomination, groupSchools: readonly School[], schoolsByUrn: SchoolsByUrn, actedBy = ['29:aad-alice']): CardCase {
  return {
    renderer: 'sharedNominationCard',
    data,
    card: () => {
      const value = current();
      return nomination.sharedNominationCard({
        group: GROUP,
        nomination: value,
        groupSchools,
        schoolsByUrn,
        check: checkNomination(value, { group: GROUP, schoolsByUrn }),
        commitments: COMMITMENTS,
        benefits: BENEFITS,
        today: '2021-11-15',
        actedBy,
      });
    },
  };
}

const LONG_GROUP_SCHOOLS = LONG_SCHOOLS.slice(0, 65).map((school) => ({ ...school, liaisonGroupId: GROUP.id }));

function overviewCase(data: string, groups: readonly LiaisonGroup[]): CardCase {
  return {
    renderer: 'nominationsOverviewCard',
    data,
    card: () => {
      const nominations = groups.map((group) => ({ ...submitted(), groupId: group.id }));
      return nomination.nominationsOverviewCard({
        coverage: nominationCoverage(nominations, groups, SCHOOLS_BY_URN),
        schoolsByUrn: SCHOOLS_BY_URN,
        groups: groups.map((group, index) => ({ group, nomination: nominations[index] })),
      });
    },
  };
}

const NOMINATION_CASES: CardCase[] = [
  sharedCase('new, 3 schools in the group', () => newNomination(GROUP.id), NOMINATION_SCHOOLS.slice(0, 3), SCHOOLS_BY_URN),
  sharedCase('complete, 3 schools', () => completeNomination(), NOMINATION_SCHOOLS.slice(0, 3), SCHOOLS_BY_URN),
  sharedCase('submitted', () => submitted(), NOMINATION_SCHOOLS.slice(0, 3), SCHOOLS_BY_URN),
  sharedCase('new, no school in the group', () => newNomination(GROUP.id), [], SCHOOLS_BY_URN),
  sharedCase('new, 65 schools with long names, 80 people acted', () => newNomination(GROUP.id), LONG_GROUP_SCHOOLS, byUrn(LONG_GROUP_SCHOOLS), Array.from({ length: 80 }, (_, index) => `29:aad-${index}`)),
  sharedCase('selected', () => {
    const decided = selectNomination(submitted(), 'selected', { by: SIT, now: NOMINATION_NOW });
    if (!decided.ok) throw new Error(decided.errors.join(' '));
    return decided.value;
  }, NOMINATION_SCHOOLS.slice(0, 3), SCHOOLS_BY_URN),
  { renderer: 'nominationHistoryCard', data: 'one submission', card: () => nomination.nominationHistoryCard({ group: GROUP, nomination: submitted(), schoolsByUrn: SCHOOLS_BY_URN }) },
  { renderer: 'nominationHistoryCard', data: 'no nomination', card: () => nomination.nominationHistoryCard({ group: GROUP, nomination: undefined, schoolsByUrn: SCHOOLS_BY_URN }) },
  overviewCase('18 groups, all submitted', REAL_GROUPS),
  overviewCase('70 groups, all submitted', groupsOf(70)),
  overviewCase('18 groups, none submitted', []),
  {
    renderer: 'nominationReviewCard',
    data: 'submitted',
    card: () => nomination.nominationReviewCard({ group: GROUP, schoolsByUrn: SCHOOLS_BY_URN, confirmations: new Map(), nomination: submitted(), check: checkNomination(submitted(), { group: GROUP, schoolsByUrn: SCHOOLS_BY_URN }), notice: { text: 'Saved.', style: 'good' } }),
  },
  {
    renderer: 'nominationReviewCard',
    data: 'a decision to confirm',
    card: () =>
      nomination.nominationReviewCard({
        group: GROUP,
        schoolsByUrn: SCHOOLS_BY_URN,
        confirmations: new Map(),
        nomination: submitted(),
        check: checkNomination(submitted(), { group: GROUP, schoolsByUrn: SCHOOLS_BY_URN }),
        notice: { text: 'Mark this nomination “Reserve selected”?', style: 'default' },
        confirming: 'reserve_selected',
      }),
  },
  {
    renderer: 'nominationReviewCard',
    data: 'a draft',
    card: () => nomination.nominationReviewCard({ group: GROUP, schoolsByUrn: SCHOOLS_BY_URN, confirmations: new Map(), nomination: completeNomination(), check: checkNomination(completeNomination(), { group: GROUP, schoolsByUrn: SCHOOLS_BY_URN }) }),
  },
  { renderer: 'championCommitmentsCard', data: 'to confirm', card: () => nomination.championCommitmentsCard({ school: NOMINATION_SCHOOLS[0], urn: '100001', commitments: COMMITMENTS, benefits: BENEFITS, confirmation: undefined }) },
  { renderer: 'championCommitmentsCard', data: 'nothing to confirm', card: () => nomination.championCommitmentsCard({ school: undefined, urn: '100001', commitments: COMMITMENTS, benefits: BENEFITS, confirmation: undefined, unavailable: 'Nothing to confirm.' }) },
  { renderer: 'nominationsExportCard', data: 'links', card: () => nomination.nominationsExportCard({ groups: 18, nominated: 3, workbookUrl: 'https://bot.example/exports/a', csvUrl: 'https://bot.example/exports/b', expiresAt: NOMINATION_NOW }) },
];


// The self-evaluation: every heading at its longest, of hostile text, so one key issue's card is as big as it gets.

const SE_LONG = `[Sign in](https://evil.example) # Urgent ${'Ω𝔘 '.repeat(665)}`.slice(0, 2000);
const SE_PERSON = { aadObjectId: 'aad-head', name: `${LONG} **Head**` };
const seAnswer = (step: string | undefined): Answer => ({
  step,
  texts: { whereAreWe: SE_LONG, lead: SE_LONG, evidence: SE_LONG, nextSteps: SE_LONG, impact: SE_LONG },
  editedBy: SE_PERSON,
  editedAt: '2026-10-05T09:00:00.000Z',
});
const SE_SNAPSHOT: Snapshot = {
  term: 'autumn 2026',
  submittedAt: '2026-10-05T09:00:00.000Z',
  submittedBy: SE_PERSON,
  answers: Object.fromEntries(SHIPPED_QUESTIONS.keyIssues.map((issue) => [String(issue.number), seAnswer('developing')])),
  comments: Object.fromEntries(SHIPPED_QUESTIONS.keyIssues.map((issue) => [String(issue.number), { text: SE_LONG, by: SE_PERSON, at: '2026-10-06T09:00:00.000Z' }])),
};
const SE_ROWS = SHIPPED_QUESTIONS.keyIssues.map(() => ({ answer: seAnswer('embedded'), commented: true }));
const SE_SET = SHIPPED_QUESTIONS;
const SE_ACTION_WORDS = [...SE_LONG].slice(0, LONGEST_ACTION_FIELD).join('');
const SE_ACTIONS: PlannedAction[] = Array.from({ length: MOST_ACTIONS }, (_, index) => ({
  number: index + 1,
  keyAction: SE_ACTION_WORDS,
  lead: SE_ACTION_WORDS,
  timeScale: 'Autumn 2026 onwards',
  ...(index % 2 === 0 ? { timeScale: 'Spring 2027', dueDate: '2027-03-31' } : {}),
  outcome: SE_ACTION_WORDS,
  monitoring: SE_ACTION_WORDS,
  fromKeyIssue: (index % 18) + 1,
  addedBy: SE_PERSON,
  addedAt: '2026-10-05T09:00:00.000Z',
  ...(index % 3 === 0 ? { completed: { date: '2026-11-05', by: SE_PERSON } } : {}),
}));

const SELF_EVALUATION_CASES: CardCase[] = [
  { renderer: 'keyIssueFormCard', data: 'first key issue, empty, with the intro', card: () => selfEvaluation.keyIssueFormCard({ set: SE_SET, keyIssue: 1, schoolName: LONG, answer: undefined, intro: `${SE_SET.councilsChoice} ${SE_SET.strandsNote}` }) },
  {
    renderer: 'keyIssueFormCard',
    data: 'middle key issue, every heading 2,000 characters, last term and a long comment',
    card: () => selfEvaluation.keyIssueFormCard({ set: SE_SET, keyIssue: 9, schoolName: LONG, answer: seAnswer('developing'), previous: seAnswer('beginning'), previousTerm: 'autumn 2026', comment: { comment: SE_SNAPSHOT.comments['9'], term: 'autumn 2026' }, problems: ['Evidence is 2001 characters long; please keep it to 2000.'] }),
  },
  { renderer: 'keyIssueFormCard', data: 'last key issue', card: () => selfEvaluation.keyIssueFormCard({ set: SE_SET, keyIssue: 18, schoolName: 'School 1 Primary', answer: seAnswer(undefined), notice: 'Saved key issue 17.' }) },
  { renderer: 'keyIssueReadCard', data: 'the school reads its snapshot', card: () => selfEvaluation.keyIssueReadCard({ set: SE_SET, keyIssue: 1, urn: '100001', adviser: false, term: 'autumn 2026', schoolName: LONG, answer: SE_SNAPSHOT.answers['1'], comment: { comment: SE_SNAPSHOT.comments['1'], term: 'autumn 2026' } }) },
  { renderer: 'keyIssueReadCard', data: 'the adviser comments, longest words', card: () => selfEvaluation.keyIssueReadCard({ set: SE_SET, keyIssue: 5, urn: '100001', adviser: true, term: 'autumn 2026', schoolName: LONG, answer: SE_SNAPSHOT.answers['5'], comment: { comment: SE_SNAPSHOT.comments['5'], term: 'autumn 2026' } }) },
  { renderer: 'keyIssueReadCard', data: 'the adviser, nothing answered', card: () => selfEvaluation.keyIssueReadCard({ set: SE_SET, keyIssue: 18, urn: '100001', adviser: true, term: 'autumn 2026', schoolName: 'School 1 Primary', answer: undefined }) },
  { renderer: 'selfEvaluationOverviewCard', data: 'a draft, 18 long answers', card: () => selfEvaluation.selfEvaluationOverviewCard({ set: SE_SET, mode: 'draft', schoolName: LONG, urn: '100001', rows: SE_ROWS }) },
  { renderer: 'selfEvaluationOverviewCard', data: 'a draft, nothing answered', card: () => selfEvaluation.selfEvaluationOverviewCard({ set: SE_SET, mode: 'draft', schoolName: 'School 1 Primary', urn: '100001', rows: SE_SET.keyIssues.map(() => ({ answer: undefined, commented: false })) }) },
  { renderer: 'selfEvaluationOverviewCard', data: 'the school’s reviewed snapshot', card: () => selfEvaluation.selfEvaluationOverviewCard({ set: SE_SET, mode: 'snapshot', schoolName: LONG, urn: '100001', rows: SE_ROWS, term: 'autumn 2026', status: 'reviewed' }) },
  { renderer: 'selfEvaluationOverviewCard', data: 'the adviser, submitted', card: () => selfEvaluation.selfEvaluationOverviewCard({ set: SE_SET, mode: 'adviser', schoolName: LONG, urn: '100001', rows: SE_ROWS, term: 'autumn 2026', status: 'submitted', notice: 'Saved.' }) },
  { renderer: 'confirmSubmitCard', data: 'ready', card: () => selfEvaluation.confirmSubmitCard({ schoolName: LONG, term: 'autumn 2026', complete: 12, total: 18, withoutStep: [] }) },
  { renderer: 'confirmSubmitCard', data: 'steps missing', card: () => selfEvaluation.confirmSubmitCard({ schoolName: LONG, term: 'autumn 2026', complete: 0, total: 18, withoutStep: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18] }) },
  { renderer: 'selfEvaluationExportCard', data: 'a link', card: () => selfEvaluation.selfEvaluationExportCard({ schools: 300, submitted: 200, workbookUrl: 'https://bot.example/exports/a', expiresAt: new Date('2026-10-05T09:15:00Z') }) },
  { renderer: 'actionPlanCard', data: 'no actions, nothing to plan', card: () => selfEvaluation.actionPlanCard({ set: SE_SET, schoolName: 'School 1 Primary', actions: [], toPlan: [] }) },
  {
    renderer: 'actionPlanCard',
    data: `${MOST_ACTIONS} actions, every column at its longest of hostile text, every key issue to plan`,
    card: () => selfEvaluation.actionPlanCard({ set: SE_SET, schoolName: LONG, actions: SE_ACTIONS, toPlan: SE_SET.keyIssues.map((issue) => issue.number), notice: 'Added action 60.' }),
  },
  { renderer: 'actionFormCard', data: 'blank', card: () => selfEvaluation.actionFormCard({ set: SE_SET, schoolName: 'School 1 Primary', values: {} }) },
  {
    renderer: 'actionFormCard',
    data: 'from a key issue, longest words, problems',
    card: () =>
      selfEvaluation.actionFormCard({
        set: SE_SET,
        schoolName: LONG,
        keyIssue: 7,
        values: { keyAction: SE_ACTION_WORDS, lead: SE_ACTION_WORDS, timeScale: 'next year sometime', outcome: SE_ACTION_WORDS, monitoring: SE_ACTION_WORDS },
        problems: ['Time scale: I could not read the time scale “next year sometime”.'],
      }),
  },
  {
    renderer: 'actionFormCard',
    data: 'editing an action a colleague changed since, longest words',
    card: () =>
      selfEvaluation.actionFormCard({
        set: SE_SET,
        schoolName: LONG,
        editing: { number: MOST_ACTIONS, version: '9999' },
        values: { keyAction: SE_ACTION_WORDS, lead: SE_ACTION_WORDS, timeScale: 'Spring 2027', outcome: SE_ACTION_WORDS, monitoring: SE_ACTION_WORDS },
        problems: [`${SE_PERSON.name} changed action ${MOST_ACTIONS} after this card was shown, so nothing was saved.`, `Key Actions as it is now: “${SE_ACTION_WORDS}”.`],
      }),
  },
  { renderer: 'selfEvaluationProgressCard', data: 'nothing yet', card: () => selfEvaluation.selfEvaluationProgressCard({ set: SE_SET, visits: [], groups: [], strands: countsByStrand(SE_SET, []), submitted: { since: undefined, schools: [] } }) },
  {
    renderer: 'selfEvaluationProgressCard',
    data: '300 visits of long-named schools, 18 groups with long names, a problem and what was typed',
    card: () =>
      selfEvaluation.selfEvaluationProgressCard({
        set: SE_SET,
        visits: LONG_SCHOOLS.slice(0, 300).map((school, index) => ({ urn: school.urn, schoolName: school.name, date: '2026-11-01', state: (['overdue', 'coming', 'done'] as const)[index % 3] ?? 'coming', status: 'submitted' })),
        groups: Array.from({ length: 18 }, (_, index) => ({ liaisonGroupId: `lg-${index}`, name: `${LONG} [group](https://evil.example) ${index}`, started: 300, submitted: 300, reviewed: 300 })),
        strands: SE_SET.strands.map((strand) => ({ strand: strand.id, steps: Object.fromEntries(SE_SET.scale.steps.map((step) => [step.id, 5400])), schools: 300 })),
        submitted: {
          since: '2026-10-01T09:00:00.000Z',
          schools: LONG_SCHOOLS.slice(0, 300).map((school) => ({ urn: school.urn, schoolName: school.name, term: 'autumn 2026', submittedAt: '2026-10-05T09:00:00.000Z', submittedBy: SE_PERSON, reviewed: true })),
        },
        problems: ['“12345x” is not a URN: a URN is six digits.'],
        typed: { urn: '12345x', date: '2027-05-12' },
      }),
  },
  { renderer: 'advisersCard', data: 'no advisers, nobody to invite', card: () => selfEvaluation.advisersCard({ schoolName: 'School 1 Primary', advisers: [], candidates: [] }) },
  {
    renderer: 'advisersCard',
    data: `${MOST_ADVISERS} advisers and 150 system leaders to invite, long hostile names`,
    card: () =>
      selfEvaluation.advisersCard({
        schoolName: LONG,
        advisers: Array.from({ length: MOST_ADVISERS }, (_, index) => ({ aadObjectId: `aad-adviser-${index}`, name: SE_PERSON.name, organisation: `${LONG} [Trust](https://evil.example)`, invitedBy: SE_PERSON, invitedAt: '2026-10-05T09:00:00.000Z' })),
        candidates: Array.from({ length: 150 }, (_, index) => ({ aadObjectId: `aad-leader-${index}-${'x'.repeat(30)}`, name: `${LONG} ${index}`, organisation: `${LONG} Trust` })),
        notice: 'Invited someone.',
      }),
  },
  { renderer: 'selfEvaluationSchoolsCard', data: 'none yet', card: () => selfEvaluation.selfEvaluationSchoolsCard({ rows: [] }) },
  {
    renderer: 'selfEvaluationSchoolsCard',
    data: '300 schools with long names, every status',
    card: () =>
      selfEvaluation.selfEvaluationSchoolsCard({
        rows: LONG_SCHOOLS.slice(0, 300).map((school, index) => {
          const status = (['started', 'submitted', 'reviewed'] as const)[index % 3] ?? 'started';
          return { urn: school.urn, schoolName: school.name, status, ...(status === 'started' ? {} : { term: 'autumn 2026' }) };
        }),
      }),
  },
];

// Deployment lifecycle

const HOSTILE = '[Sign in](https://evil.example) # Urgent';
const FULL_DEPLOYMENT = lifecycleRecord({
  recipient: { kind: 'school', name: LONG, urn: '100001' },
  ownerName: `Lee ${HOSTILE}`,
  engagement: { rdpContactOn: '2025-01-06', ability: { canSupport: true, on: '2025-01-07' }, deploymentInfoOn: '2025-01-08', schoolContactedOn: '2025-01-10', firstVisitOn: '2025-01-20' },
  agreedDays: 15,
  days: [...daysFrom('2025-01-20', 14), { date: '2025-02-10', days: 0.5 }],
  checklists: { preEngagement: { doneOn: '2025-01-20', note: 'x'.repeat(1000) }, midEngagement: { doneOn: '2025-01-27', note: HOSTILE, returnedToRdpOn: '2025-01-28' } },
  extension: { status: 'approved', request: { days: 5, reason: HOSTILE, draftedOn: '2025-01-29' }, sentOn: '2025-01-29', decidedOn: '2025-02-03', approvedDays: 5, windowEndsOn: '2025-04-28' },
});
const EMPTY_DEPLOYMENT = lifecycleRecord();
const lifecycleView = (record: typeof EMPTY_DEPLOYMENT, today: string) => ({ record, stage: 'deployment' as const, due: dueSteps(record, today), daysUsed: record.days.reduce((sum, day) => sum + day.days, 0) });
const DEPLOYMENT_ROWS = LONG_SCHOOLS.slice(0, 60).map((school, index) => ({
  id: `dep-${index}`,
  owner: `aad-leader-${index % 7}`,
  recipient: school.name,
  urn: school.urn,
  stage: (['engagement', 'deployment', 'report_and_claim', 'enhanced_strand'] as const)[index % 4] ?? 'engagement',
  next: index % 3 === 0 ? undefined : { kind: 'first_visit' as const, title: 'First visit, initial scoping and diagnostic', dueOn: '2025-02-07', overdue: index % 2 === 0, remindedByForm: false },
  daysUsed: index % 11,
  agreedDays: 10 + (index % 6),
  systemLeader: `Leader ${index} ${HOSTILE}`,
}));

const LIFECYCLE_CASES: CardCase[] = [
  { renderer: 'lifecycleCard', data: 'everything recorded, hostile notes, 15 days', card: () => lifecycle.lifecycleCard({ ...lifecycleView(FULL_DEPLOYMENT, '2025-02-11'), notice: 'Logged.', problems: [HOSTILE] }, true) },
  { renderer: 'lifecycleCard', data: 'just started, read only', card: () => lifecycle.lifecycleCard(lifecycleView(EMPTY_DEPLOYMENT, '2025-01-20'), false) },
  { renderer: 'myDeploymentsCard', data: 'none', card: () => lifecycle.myDeploymentsCard([]) },
  { renderer: 'myDeploymentsCard', data: '60 deployments with long names', card: () => lifecycle.myDeploymentsCard(DEPLOYMENT_ROWS, 'Open one.') },
  { renderer: 'whichDeploymentCard', data: 'eight under way, a 2000-character line typed', card: () => lifecycle.whichDeploymentCard(DEPLOYMENT_ROWS.slice(0, 8), `met the school ${'y'.repeat(2000)}`) },
  { renderer: 'schoolDeploymentsCard', data: 'none', card: () => lifecycle.schoolDeploymentsCard([]) },
  {
    renderer: 'schoolDeploymentsCard',
    data: 'two, one extended',
    card: () =>
      lifecycle.schoolDeploymentsCard([
        { recipient: LONG, systemLeader: HOSTILE, stage: 'deployment', agreedDays: 15, firstVisitOn: '2025-01-20', daysOn: daysFrom('2025-01-20', 15).map((day) => day.date), extensionWindowEndsOn: '2025-04-28' },
        { recipient: 'Willowmere Primary School', systemLeader: 'Jo Patel', stage: 'engagement', agreedDays: 10, daysOn: [] },
      ]),
  },
  { renderer: 'sitDeploymentsCard', data: 'none', card: () => lifecycle.sitDeploymentsCard([]) },
  { renderer: 'sitDeploymentsCard', data: '60 deployments, overdue ones', card: () => lifecycle.sitDeploymentsCard(DEPLOYMENT_ROWS) },
  { renderer: 'extensionDraftCard', data: 'a long reason', card: () => lifecycle.extensionDraftCard('dep-1', 'aad-leader', `Request for additional TSI support days: ${LONG}\n${HOSTILE} ${'z'.repeat(1000)}`, 'Drafted.') },
  { renderer: 'partnershipCaseCard', data: 'empty', card: () => lifecycle.partnershipCaseCard('dep-1', { kind: 'school', name: LONG }) },
  { renderer: 'partnershipCaseCard', data: 'refused, values kept', card: () => lifecycle.partnershipCaseCard('dep-1', { kind: 'trust', name: HOSTILE }, { benefit: 'b'.repeat(1000), suitableMatch: HOSTILE, context: 'c' }, ['The case needs the potential benefit.']) },
  { renderer: 'signpostingCard', data: 'all of Annex A', card: () => lifecycle.signpostingCard([], ANNEX_A.programmes, ANNEX_A.linksNote) },
  { renderer: 'signpostingCard', data: 'behaviour', card: () => lifecycle.signpostingCard(['Behaviour'], ANNEX_A.programmes.slice(0, 3), ANNEX_A.linksNote) },
  { renderer: 'lifecycleExportCard', data: 'a link', card: () => lifecycle.lifecycleExportCard({ deployments: 60, overdue: 12, workbookUrl: 'https://bot.example/exports/d?sig=x', expiresAt: new Date('2025-02-01T09:15:00Z') }) },
];

export const EVERY_CARD: readonly CardCase[] = [...CONVERSATION_CASES, ...TSI_CASES, ...DIRECTORY_CASES, ...ATTENDANCE_CASES, ...DEPLOYMENT_CASES, ...NOMINATION_CASES, ...SELF_EVALUATION_CASES, ...LIFECYCLE_CASES];

/** The renderers cards/ exports, so a new one without a row here fails the check. */
export const RENDERERS: readonly string[] = [attendance, choice, conversation, deployment, directory, lifecycle, nomination, selfEvaluation, tsi].flatMap((module) =>
  Object.entries(module)
    // isAskedOnACard and the like answer a question; they draw no card.
    .filter(([name, value]) => typeof value === 'function' && name.endsWith('Card') && !name.startsWith('is'))
    .map(([name]) => name),
);
