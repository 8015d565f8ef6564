import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, type App } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { createLogger } from '../../bot/logger.js';
import { REGISTER_ATTENDEE, type AttendanceRecord } from '../../domain/attendance/record.js';
import { newDeploymentDraft, type FieldValue, type SectionNumber } from '../../domain/deployment/form.js';
import type { Profile } from '../../domain/directory/types.js';
import { COMMITMENTS } from '../../domain/nomination/commitments.js';
import type { Decision, Nomination, NominationStatus } from '../../domain/nomination/nomination.js';
import { assessEligibility } from '../../domain/tsi/eligibility.js';
import { DEFAULT_OFFER } from '../../domain/tsi/offer.js';
import { AttendanceRepository } from '../../storage/attendanceRepository.js';
import { DeploymentRepository } from '../../storage/deploymentRepository.js';
import { SignUpRepository } from '../../storage/signUpRepository.js';
import { DirectoryRepository } from '../../storage/directoryRepository.js';
import { EligibilityRepository } from '../../storage/eligibilityRepository.js';
import { NominationRepository, type NominationRecord } from '../../storage/nominationRepository.js';
import { ProfileRepository } from '../../storage/profileRepository.js';
import { answerAll } from '../domain/deployment/sampleDraft.js';
import { actionFrom, addAction } from '../../domain/selfEvaluation/actionPlan.js';
import { setReviewVisit } from '../../domain/selfEvaluation/overview.js';
import { SHIPPED_QUESTIONS } from '../../domain/selfEvaluation/questions.js';
import { saveAnswer, submit } from '../../domain/selfEvaluation/record.js';
import { ok } from '../../domain/result.js';
import { SelfEvaluationRepository } from '../../storage/selfEvaluationRepository.js';
import { DeploymentLifecycleRepository } from '../../storage/deploymentLifecycleRepository.js';
import { newLifecycle } from '../../domain/deploymentLifecycle/record.js';
import type { Store } from '../../storage/store.js';
import type { AadIssuer } from './aadIssuer.js';

export const TENANT = '7a1c0a52-0b8d-4c3e-9b77-3f5f0a1d2e01';
export const OTHER_TENANT = '0f0e0d0c-0b0a-4909-8807-060504030201';
export const APP_ID = '5d3f2a10-8c4b-4e7a-9a61-2b7c9e0f4d11';
/** The tab's application id URI: what SSO_AUDIENCE names and the tokens are issued for. */
export const AUDIENCE = `api://localhost/${APP_ID}`;

/** Mid-March 2022: four sessions held (T1, W1, T2, W2), the intersessional task open, T3 and W3 to come. */
export const NOW = new Date('2022-03-15T10:00:00Z');

const updatedAt = '2022-01-10T09:00:00.000Z';
type SchoolProfile = Extract<Profile, { kind: 'school' }>;
/** Headteacher of the first demo school, which its liaison group nominated and the SIT selected. */
export const HEAD: SchoolProfile = { kind: 'school', aadObjectId: 'aad-head', name: 'Priya Shah', urn: '900001', role: 'headteacher', verification: { status: 'verified', by: 'aad-sit-1', at: '2024-01-01T00:00:00.000Z' }, updatedAt };
export const OTHER_HEAD: SchoolProfile = { kind: 'school', aadObjectId: 'aad-other-head', name: 'Tom Reed', urn: '900002', role: 'headteacher', verification: { status: 'verified', by: 'aad-sit-1', at: '2024-01-01T00:00:00.000Z' }, updatedAt };
/** A headteacher whose school is in liaison group 2, not group 1. */
export const HEAD_ELSEWHERE: SchoolProfile = { kind: 'school', aadObjectId: 'aad-head-elsewhere', name: 'Ana Costa', urn: '900009', role: 'headteacher', verification: { status: 'verified', by: 'aad-sit-1', at: '2024-01-01T00:00:00.000Z' }, updatedAt };
/** Said they are the headteacher of the first demo school; nobody has verified it yet. */
export const PENDING_HEAD: SchoolProfile = { kind: 'school', aadObjectId: 'aad-pending-head', name: 'Pat Pending', urn: '900001', role: 'headteacher', verification: { status: 'pending' }, updatedAt };
export const LEADER: Profile = {
  kind: 'system_leader',
  aadObjectId: 'aad-leader',
  name: 'Jo Patel',
  organisation: 'Oak Learning Trust',
  role: 'mat_ceo',
  email: 'jo.patel@oaklearning.org.uk',
  updatedAt,
};
export const SIT_ADMIN = 'aad-sit';
export const STRANGER = 'aad-stranger';
/** Group 1's group chat, linked to the group in the directory. */
export const GROUP_CHAT = '19:liaison-group-one@thread.v2';
export const UNLINKED_CHAT = '19:somebody-elses-chat@thread.v2';

export interface TabApp {
  readonly app: App;
  readonly base: string;
  close(): Promise<void>;
}

/**
 * The whole bot on an ephemeral port with the tab's test data: single sign-on checked against
 * the local issuer, or (devMode) the bot's authentication off and the development header instead.
 */
export async function startTabApp(options: { readonly issuer?: AadIssuer; readonly devMode?: boolean }): Promise<TabApp> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'sib-tab-'));
  const auth = options.devMode
    ? { BOT_AUTH: 'off' }
    : { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'test-secret-not-used', MicrosoftAppType: 'MultiTenant' };
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    SCHEDULER_INTERVAL_SECONDS: '0',
    SIT_ADMIN_AAD_IDS: SIT_ADMIN,
    ALLOWED_TENANT_IDS: TENANT,
    SSO_AUDIENCE: AUDIENCE,
    ...(options.issuer ? { AAD_JWKS_URL: options.issuer.jwksUrl } : {}),
    ...auth,
  });
  const app = await createApp(config, { logger: createLogger('silent'), now: () => NOW });
  await seed(app);
  const base = `http://127.0.0.1:${await app.listen()}`;
  return {
    app,
    base,
    async close() {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const sit = { aadObjectId: SIT_ADMIN, name: 'Sam Okafor' };

/** Statuses cycled through the signed-up schools, so the matrix shows every kind of cell. */
const PATTERN: readonly (readonly (AttendanceRecord['status'] | undefined)[])[] = [
  ['present', 'present', 'present', 'present'],
  ['present', 'apologies', 'present', undefined],
  ['present', 'present', 'absent', 'present'],
  ['apologies', 'present', 'present', 'present'],
  ['present', 'present', 'present', undefined],
];
const HELD = ['T1', 'W1', 'T2', 'W2'] as const;

/** Words a school typed into its self-evaluation that must reach the page as text. */
export const SELF_EVALUATION_HOSTILE = '<img src=x onerror=alert(1)> [Sign in](https://evil.example)';

/** The headteacher's school submitted its self-evaluation in autumn 2021 and is writing the next, with an action and a review visit. */
async function seedSelfEvaluation(store: Store): Promise<void> {
  const by = { aadObjectId: HEAD.aadObjectId, name: HEAD.name };
  const autumn = new Date('2021-10-01T09:00:00Z');
  await new SelfEvaluationRepository(store).change(HEAD.urn, (record) => {
    let next = record;
    for (const issue of SHIPPED_QUESTIONS.keyIssues) {
      next = saveAnswer(next, issue.number, { step: 'beginning', texts: { evidence: issue.number === 1 ? SELF_EVALUATION_HOSTILE : 'Minutes' }, editedBy: by, editedAt: autumn.toISOString() }, autumn).record;
    }
    const submitted = submit(SHIPPED_QUESTIONS, next, by, autumn);
    if (!submitted.ok) return submitted;
    next = saveAnswer(submitted.value, 1, { step: 'developing', texts: { evidence: 'Now with data' }, editedBy: by, editedAt: NOW.toISOString() }, NOW).record;
    const action = actionFrom(SHIPPED_QUESTIONS, { keyAction: 'Governors briefing on NtG Strategy', lead: 'AO/JC', timeScale: 'Summer 2022' }, 1, by, NOW);
    if (!action.ok) return action;
    const added = addAction(next, action.value);
    if (!added.ok) return added;
    return ok(setReviewVisit(added.value.record, '2022-03-01', sit, NOW));
  });
}

/** A system leader's name that must reach the page as text. */
export const LIFECYCLE_HOSTILE = '<img src=x onerror=alert(2)>';

/**
 * Three TSI deployments: the system leader's for the head's school, three days delivered and its
 * pre-engagement checklist overdue; another leader's for the other head's school, its yes-or-no
 * to the RDP overdue; the system leader's new one for a school in group 2, nothing overdue yet.
 */
async function seedDeployments(store: Store): Promise<void> {
  const directory = await DirectoryRepository.open(store);
  const nameOf = async (urn: string) => (await directory.getSchool(urn))?.name ?? urn;
  const made = [
    newLifecycle({ id: 'dep-1', ownerAadObjectId: LEADER.aadObjectId, ownerName: LEADER.name, recipient: { kind: 'school', name: await nameOf(HEAD.urn), urn: HEAD.urn }, rdpContactOn: '2022-01-10', now: NOW }),
    newLifecycle({ id: 'dep-2', ownerAadObjectId: 'aad-other-leader', ownerName: LIFECYCLE_HOSTILE, recipient: { kind: 'school', name: await nameOf(OTHER_HEAD.urn), urn: OTHER_HEAD.urn }, rdpContactOn: '2022-03-01', now: NOW }),
    newLifecycle({ id: 'dep-3', ownerAadObjectId: LEADER.aadObjectId, ownerName: LEADER.name, recipient: { kind: 'school', name: await nameOf(HEAD_ELSEWHERE.urn), urn: HEAD_ELSEWHERE.urn }, rdpContactOn: '2022-03-14', now: NOW }),
  ];
  const repository = new DeploymentLifecycleRepository(store);
  for (const record of made) {
    if (!record.ok) throw new Error(record.errors.join(' '));
    const underWay = record.value.id === 'dep-1';
    await repository.create(
      underWay
        ? {
            ...record.value,
            engagement: { rdpContactOn: '2022-01-10', ability: { canSupport: true, on: '2022-01-11' }, schoolContactedOn: '2022-01-14', firstVisitOn: '2022-02-01' },
            days: [{ date: '2022-02-07', days: 1 }, { date: '2022-02-08', days: 1 }, { date: '2022-02-09', days: 1 }],
          }
        : record.value,
    );
  }
}

async function seed(app: App): Promise<void> {
  const store = app.services.store;
  await seedSelfEvaluation(store);
  await seedDeployments(store);
  const profiles = new ProfileRepository(store);
  for (const profile of [HEAD, OTHER_HEAD, HEAD_ELSEWHERE, PENDING_HEAD, LEADER]) await profiles.put(profile);

  const directory = await DirectoryRepository.open(store);
  const groups = await directory.liaisonGroups();
  const schools = groups.flatMap((group) => directory.schoolsInLiaisonGroup(group.id));
  // The SIT recorded the survey's answers: every school in a group signed up.
  const signUps = new SignUpRepository(store);
  for (const school of schools) await signUps.set({ urn: school.urn, signedUp: true, by: 'aad-sit', at: NOW.toISOString(), via: 'sit' });
  await directory.linkConversation(GROUP_CHAT, 'lg-01', HEAD.aadObjectId, { now: NOW });

  // The head's own school logged for itself: present at T1 and W1, apologies for T2, nothing for W2.
  const attendance = new AttendanceRepository(store);
  const own = (sessionId: string, status: AttendanceRecord['status'], loggedAt: string): AttendanceRecord => ({
    sessionId,
    urn: HEAD.urn,
    attendeeName: 'Priya Shah',
    attendeeRole: 'Headteacher',
    status,
    loggedBy: { aadObjectId: HEAD.aadObjectId, name: HEAD.name },
    loggedAt,
  });
  await attendance.log(own('T1', 'present', '2021-10-01T16:30:00.000Z'));
  await attendance.log(own('W1', 'present', '2021-11-01T13:30:00.000Z'));
  await attendance.log(own('T2', 'apologies', '2022-01-30T09:00:00.000Z'));

  // Every other school from the SIT's register.
  const register: AttendanceRecord[] = [];
  schools
    .filter((school) => school.urn !== HEAD.urn)
    .forEach((school, index) => {
      const statuses = PATTERN[index % PATTERN.length]!;
      HELD.forEach((sessionId, column) => {
        const status = statuses[column];
        if (status === undefined) return;
        register.push({
          sessionId,
          urn: school.urn,
          attendeeName: REGISTER_ATTENDEE.name,
          attendeeRole: REGISTER_ATTENDEE.role,
          status,
          loggedBy: sit,
          loggedAt: '2022-02-12T09:00:00.000Z',
        });
      });
    });
  await attendance.saveRegister(register);
  for (const school of schools.filter((school, index) => index % 3 === 1 && school.urn !== HEAD.urn)) {
    await attendance.submitTask({ taskId: 'IT', urn: school.urn, submittedBy: sit, submittedAt: '2022-03-01T12:00:00.000Z' });
  }

  // Nominations: group 1 selected (the head's school first), 2-11 submitted, 12 reserve selected, 13 a draft, 14-18 nothing yet.
  const nominations = new NominationRepository(store);
  for (const [index, group] of groups.entries()) {
    const number = index + 1;
    if (number > 13) break;
    const [first, second] = directory.schoolsInLiaisonGroup(group.id);
    if (group.id === 'lg-01') {
      await writeNomination(app, nominationOf(group.id, 'selected', HEAD.urn, OTHER_HEAD.urn, number));
      continue;
    }
    const status: NominationStatus = number === 12 ? 'reserve_selected' : number === 13 ? 'draft' : 'submitted';
    await writeNomination(app, nominationOf(group.id, status, first!.urn, second!.urn, number));
  }
  await nominations.saveCommitments({
    urn: HEAD.urn,
    groupId: 'lg-01',
    choice: 'first',
    commitmentIds: COMMITMENTS.map((point) => point.id),
    confirmedBy: { aadObjectId: HEAD.aadObjectId, name: HEAD.name },
    confirmedAt: '2022-01-20T15:00:00.000Z',
  });

  // The head's own eligibility checks: one of each outcome.
  const eligibility = new EligibilityRepository(store);
  const checks: [string, string, Record<string, unknown>][] = [
    ['Fictional Oakfield Primary School (demo)', '2022-03-02T10:00:00.000Z', { regionalDirectorAssessedImmediateNeed: true, selfIdentifiesNeed: false, regionalDeliveryTeamJudgesNeed: false }],
    ['Fictional Ashbrook Infant School (demo)', '2022-03-08T11:30:00.000Z', { regionalDirectorAssessedImmediateNeed: false, selfIdentifiesNeed: true, regionalDeliveryTeamJudgesNeed: false }],
    ['Fictional Willowmere Academy (demo)', '2022-03-10T14:15:00.000Z', { regionalDirectorAssessedImmediateNeed: false, selfIdentifiesNeed: false, regionalDeliveryTeamJudgesNeed: false }],
  ];
  for (const [name, checkedAt, answers] of checks) {
    const input = { recipient: 'school', region: 'South East', judgements: [{ date: '2019-06-14', grade: 'good' }], ...answers };
    const outcome = assessEligibility(input, { today: checkedAt.slice(0, 10), offer: DEFAULT_OFFER });
    if (!outcome.ok) throw new Error(outcome.errors.join(' '));
    await eligibility.save({
      aadObjectId: HEAD.aadObjectId,
      checkedAt,
      via: 'questions',
      subject: { name },
      input: input as never,
      offerYear: DEFAULT_OFFER.year,
      outcome: outcome.value,
    });
  }

  // The system leader's forms: one at the mid-engagement review, one delivered in full with the bank details still to give, one for a trust just started.
  const forms = new DeploymentRepository(store);
  await forms.create({
    draft: {
      ...answerAll(newDeploymentDraft('form-hazelcombe', LEADER.aadObjectId, '2022-01-17T09:00:00.000Z'), [...SECTION_1('Fictional Hazelcombe Village Primary School (demo)', '900013'), ...SECTION_2]),
      daysDeliveredLog: ['2022-01-18', '2022-01-25', '2022-02-01', '2022-02-08', '2022-02-22', '2022-03-08'],
    },
    position: { section: 3 },
  });
  await forms.create({
    draft: {
      ...answerAll(newDeploymentDraft('form-willowmere', LEADER.aadObjectId, '2021-11-08T09:00:00.000Z'), [
        ...SECTION_1('Fictional Willowmere Academy (demo)', '900004'),
        ...SECTION_2,
        [3, 'reviewDate', '2022-01-12'],
        [3, 'progressSoFar', 'Behaviour policy rewritten with staff; lunchtime incidents down by a third.'],
        [3, 'amendments', ''],
        [4, 'allActivitiesCompleted', true],
        [4, 'nextSteps', 'Join the Behaviour Hubs programme in the summer term.'],
        [4, 'enhancedStrand', 'none'],
        [6, 'daysDelivered', 10],
      ]),
      daysDeliveredLog: ['2021-11-09', '2021-11-16', '2021-11-23', '2021-11-30', '2021-12-07', '2022-01-11', '2022-01-18', '2022-01-25', '2022-02-01', '2022-02-15'],
    },
    position: { section: 5 },
  });
  // A trust supported: section 7 is the trust's to complete, and the page says so.
  // DfE agreed two days more than the offer's ten with this trust, so its form runs to day 12.
  await forms.create({
    draft: {
      ...answerAll(newDeploymentDraft('form-elm-trust', LEADER.aadObjectId, '2022-02-14T09:00:00.000Z'), [
        [1, 'recipientKind', 'trust'],
        [1, 'recipientName', 'Fictional Elm Learning Trust (demo)'],
        [1, 'region', 'South East'],
      ]),
      agreedDays: 12,
    },
    position: { section: 1 },
  });
}

const SECTION_1 = (name: string, urn: string): [SectionNumber, string, FieldValue][] => [
  [1, 'recipientKind', 'school'],
  [1, 'recipientName', name],
  [1, 'urn', urn],
  [1, 'trust', ''],
  [1, 'phase', 'primary'],
  [1, 'localAuthority', 'Buckinghamshire'],
  [1, 'region', 'South East'],
  [1, 'systemLeaderName', LEADER.name],
  [1, 'systemLeaderRole', 'mat_ceo'],
  [1, 'systemLeaderOrganisation', 'Oak Learning Trust'],
  [1, 'systemLeaderEmail', 'jo.patel@oaklearning.org.uk'],
];
const SECTION_2: [SectionNumber, string, FieldValue][] = [
  [2, 'whyEligible', 'C1'],
  [2, 'additionalInformation', 'New headteacher since September.'],
  [2, 'areasOfFocus', ['teaching_and_learning', 'behaviour']],
  [2, 'mechanismsOfSupport', ['behaviour_hubs']],
];

function nominationOf(groupId: string, status: NominationStatus, firstUrn: string, secondUrn: string, number: number): Nomination {
  const member = { aadObjectId: `aad-member-${number}`, name: `Member ${number}` };
  const choice = (urn: string, champion: string) => ({
    urn,
    champion: { name: champion, role: 'pupil_premium_lead' as const },
    criteria: { notInadequate: { confirmed: true }, stableSlt: true, gapEvidence: 'Disadvantaged pupils trail their peers in KS2 reading by 18 points.' },
  });
  const submitted = status !== 'draft';
  const decision = (['selected', 'reserve_selected', 'not_selected'] as const).find((decided): decided is Decision => decided === status);
  return {
    groupId,
    status,
    first: choice(firstUrn, `Champion ${number}A`),
    second: choice(secondUrn, `Champion ${number}B`),
    commitmentsConfirmed: submitted,
    ...(submitted ? { submittedBy: member, submittedAt: `2021-12-${String(number).padStart(2, '0')}T15:00:00.000Z` } : {}),
    ...(decision ? { decision: { decision, decidedBy: sit, decidedAt: '2022-01-14T10:00:00.000Z' } } : {}),
    history: [],
  };
}

async function writeNomination(app: App, nomination: Nomination): Promise<void> {
  const record: NominationRecord = { nomination, actedBy: [] };
  await app.services.store.write(`nominations/${nomination.groupId}`, record, null);
}
