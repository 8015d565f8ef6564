import { londonDateOf } from '../../domain/time/londonTime.js';
import { findSession, isUniversal, meetingsInOrder, sessionStart, type Task } from '../../domain/attendance/programme.js';
import { attendanceMatrix, tasksOf, type SchoolSessionLine } from '../../domain/attendance/summary.js';
import { formProgress } from '../../domain/deployment/progress.js';
import { agreedDaysOf, remindersDue, type ReminderKind } from '../../domain/deployment/timeline.js';
import { STAGE_TITLES } from '../../domain/deploymentLifecycle/due.js';
import { decide, refusalText, type Decision, type PolicyActor } from '../../domain/access/policy.js';
import type { LiaisonGroup, Profile, School } from '../../domain/directory/types.js';
import { CHOICES, type Nomination } from '../../domain/nomination/nomination.js';
import { DEFAULT_OFFER } from '../../domain/tsi/offer.js';
import type { EligibilityStatus } from '../../domain/tsi/eligibility.js';
import type { DeploymentFormRecord } from '../../storage/deploymentRepository.js';
import { conversationKeyOf } from '../../dialogs/actor.js';
import type { ExportFile } from '../../dialogs/ports.js';
import type { JourneyQueries } from '../../dialogs/queries.js';
import type { DeploymentRow, SchoolDeploymentView } from '../../cards/deploymentLifecycleCards.js';
import type { SchoolSelfEvaluationView, SelfEvaluationOverviewView } from '../../dialogs/selfEvaluation/tabView.js';
import type { ViewAnswer } from '../../dialogs/viewAnswer.js';

/** What an API call answers: the view's data, or why not (the policy's reason and what to do instead). */
export type TabReply<T> =
  | { readonly status: 200; readonly body: T }
  | { readonly status: 400 | 403 | 404; readonly error: string; readonly instead?: string };

export interface TabApiDeps {
  /** The journeys' own questions of the stored data, over the bot's one directory (dialogs/queries.ts). */
  readonly queries: JourneyQueries;
  readonly now: () => Date;
  /** From configuration (SIT_ADMIN_AAD_IDS) only, as in the chat. */
  readonly sitAdminIds: readonly string[];
  /** Signed download links for the SIT's exports; the page gets each link's path. */
  readonly createExport: (ownerAadObjectId: string, file: ExportFile) => Promise<{ url: string; expiresAt: Date }>;
}

const ELIGIBILITY_CHECKS_SHOWN = 10;

const replyOf = <T>(answer: ViewAnswer<T>): TabReply<T> =>
  answer.ok ? { status: 200, body: answer.view } : { status: answer.status, error: answer.reason, ...(answer.instead === undefined ? {} : { instead: answer.instead }) };

const refused = (decision: Extract<Decision, { allowed: false }>): TabReply<never> => ({ status: 403, error: decision.reason, instead: decision.instead });

/**
 * The tab's data, one method per view: a thin HTTP face over the journeys' queries. Each asks
 * the directory policy (`decide`) the same question the chat asks before it shows anything, then
 * the same query the chat's dialog asks, and lays the answer out for web/tab.js. A tab is a page
 * each person sees alone, but the policy still knows where it is: the personal tab is a personal
 * chat's, the tab added to a liaison group's chat or channel is that chat's.
 */
export class TabApi {
  readonly #queries: JourneyQueries;

  constructor(private readonly deps: TabApiDeps) {
    this.#queries = deps.queries;
  }

  async #actor(aadObjectId: string): Promise<PolicyActor & { readonly profile: Profile | undefined }> {
    return { aadObjectId, isSitAdmin: this.deps.sitAdminIds.includes(aadObjectId), profile: await this.#queries.profileOf(aadObjectId) };
  }

  /** Who the person is to the bot, and which views the page offers them. */
  async me(aadObjectId: string): Promise<TabReply<MeView>> {
    const actor = await this.#actor(aadObjectId);
    const views: ViewName[] = [];
    let profile: MeView['profile'] = null;
    if (actor.profile?.kind === 'school') {
      const school = await this.#queries.directory.getSchool(actor.profile.urn);
      profile = { kind: 'school', name: actor.profile.name, role: actor.profile.role, urn: actor.profile.urn, schoolName: school?.name ?? null };
      views.push('school');
      if (decide(actor, 'selfEvaluation.view', { urn: actor.profile.urn }).allowed) views.push('selfEvaluation');
      if (decide(actor, 'lifecycle.schoolView', { urn: actor.profile.urn }).allowed) views.push('ourDeployment');
    } else if (actor.profile?.kind === 'system_leader') {
      profile = { kind: 'system_leader', name: actor.profile.name, role: actor.profile.role, organisation: actor.profile.organisation };
      views.push('deployments');
      if (decide(actor, 'lifecycle.record', { ownerAadObjectId: aadObjectId }).allowed) views.push('myDeployments');
    }
    if (actor.isSitAdmin) views.push('sit');
    // With no profile and no SIT role, the policy's own words say how to set one up.
    const unknown = decide(actor, 'school.view', { urn: '000000' });
    const setUp = views.length === 0 && !unknown.allowed ? refusalText(unknown) : null;
    return { status: 200, body: { isSitAdmin: actor.isSitAdmin, profile, views, setUp } };
  }

  /** A school's programme record: the person's own school unless a URN is given (the SIT may ask for any). */
  async school(aadObjectId: string, askedUrn: string | undefined): Promise<TabReply<SchoolView>> {
    const actor = await this.#actor(aadObjectId);
    const urn = askedUrn ?? (actor.profile?.kind === 'school' ? actor.profile.urn : undefined);
    const decision = decide(actor, 'school.view', { urn: urn ?? '' });
    if (!decision.allowed) return refused(decision);
    if (urn === undefined) return { status: 400, error: 'Say which school (its URN).' };
    const { directory, attendance, nominations } = this.#queries;
    const school = await directory.getSchool(urn);
    if (!school) return { status: 404, error: `There is no school with URN ${urn} in the directory.` };

    const [{ programme, summary, isChampion }, allNominations, commitments, group] = await Promise.all([
      attendance.schoolRecord(urn, this.deps.now()),
      nominations.nominations(),
      nominations.commitmentsOf(urn),
      school.liaisonGroupId === undefined ? Promise.resolve(undefined) : directory.liaisonGroup(school.liaisonGroupId),
    ]);
    const meetings = new Map(meetingsInOrder(programme).map((meeting) => [meeting.id, meeting]));
    const ownSchool = actor.profile?.kind === 'school' && actor.profile.urn === urn;
    // Checks are kept per person: the page shows the viewer's own, and only on their own school's record.
    const checks = ownSchool ? await this.#queries.eligibilityChecksOf(aadObjectId, ELIGIBILITY_CHECKS_SHOWN) : [];
    const groupNomination = group === undefined ? undefined : decide(actor, 'nomination.view', { liaisonGroupId: group.id });

    return {
      status: 200,
      body: {
        school: schoolSummary(school, group),
        ownSchool,
        programme: { name: programme.name, year: programme.year },
        attendance: {
          attended: summary.attended,
          outOf: summary.outOf,
          sessions: summary.sessions.map((line) => {
            const meeting = meetings.get(line.sessionId);
            return {
              sessionId: line.sessionId,
              title: line.title,
              kind: line.kind,
              universal: line.universal,
              date: line.date,
              start: meeting?.start ?? null,
              end: meeting?.end ?? null,
              timesConfirmed: meeting?.timesConfirmed ?? true,
              status: line.status,
            };
          }),
          // What the school has not been present at so far: every universal session, and for a champion the network groups too.
          missing: summary.sessions.filter((line) => line.status === 'apologies' || line.status === 'absent' || line.status === 'no_record').map((line) => line.sessionId),
        },
        tasks: summary.tasks.map((line) => {
          const task = findSession(programme, line.taskId) as Task;
          const dueBefore = findSession(programme, task.dueBefore);
          return {
            taskId: line.taskId,
            title: line.title,
            topic: task.topic ?? null,
            submitted: line.submitted,
            submittedAt: line.submittedAt ?? null,
            dueBefore: dueBefore && dueBefore.kind !== 'task' ? { sessionId: dueBefore.id, title: dueBefore.title, date: dueBefore.date } : null,
          };
        }),
        champion: {
          isChampion,
          named: schoolInNomination(allNominations, urn),
          commitmentsConfirmedAt: commitments?.confirmedAt ?? null,
        },
        groupNomination:
          groupNomination === undefined ? null : groupNomination.allowed ? { shownHere: true } : { shownHere: false, reason: groupNomination.reason, instead: groupNomination.instead },
        eligibilityChecks: checks.map((check) => ({
          id: check.id,
          checkedAt: check.checkedAt,
          subject: check.subject.name,
          urn: check.subject.urn ?? null,
          offerYear: check.offerYear,
          status: check.outcome.status,
          criteria: check.outcome.criteria,
          reasons: check.outcome.reasons,
        })),
      },
    };
  }

  /** The person's own school's self-evaluation, its snapshots side by side and its action plan. */
  async selfEvaluation(aadObjectId: string): Promise<TabReply<SchoolSelfEvaluationView>> {
    return replyOf(await this.#queries.selfEvaluation.school(await this.#actor(aadObjectId)));
  }

  /** The SIT's view of self-evaluations across schools. */
  async sitSelfEvaluations(aadObjectId: string): Promise<TabReply<SelfEvaluationOverviewView>> {
    return replyOf(await this.#queries.selfEvaluation.overview(await this.#actor(aadObjectId)));
  }

  /** A system leader's own TSI deployments: the stage, what is due next, the days used of those agreed. */
  async myDeployments(aadObjectId: string): Promise<TabReply<LifecycleRowsView>> {
    return replyOf(lifecycleRows(await this.#queries.deploymentLifecycle.mine(await this.#actor(aadObjectId)), this.deps.now()));
  }

  /** The deployments supporting the person's own school: the stage and the dates agreed. */
  async ourDeployment(aadObjectId: string): Promise<TabReply<SchoolDeploymentsView>> {
    const answer = await this.#queries.deploymentLifecycle.school(await this.#actor(aadObjectId));
    if (!answer.ok) return replyOf(answer);
    return {
      status: 200,
      body: {
        deployments: answer.view.map((view: SchoolDeploymentView) => ({
          recipient: view.recipient,
          systemLeader: view.systemLeader,
          stage: STAGE_TITLES[view.stage],
          agreedDays: view.agreedDays,
          firstVisitOn: view.firstVisitOn ?? null,
          daysOn: view.daysOn,
          extensionWindowEndsOn: view.extensionWindowEndsOn ?? null,
        })),
      },
    };
  }

  /** Every TSI deployment in the council for the SIT, those with an overdue step first. */
  async sitDeployments(aadObjectId: string): Promise<TabReply<LifecycleRowsView>> {
    return replyOf(lifecycleRows(await this.#queries.deploymentLifecycle.overview(await this.#actor(aadObjectId)), this.deps.now()));
  }

  /** A system leader's own deployment forms, each with where it stands and what is due. */
  async deployments(aadObjectId: string): Promise<TabReply<DeploymentsView>> {
    const actor = await this.#actor(aadObjectId);
    // Only system leaders draft forms: the policy's refusal to start one says what anyone else may do instead.
    const drafter = decide(actor, 'deployment.create', {});
    if (!drafter.allowed) return refused(drafter);
    const today = londonDateOf(this.deps.now());
    const forms = (await this.#queries.deploymentForms.formsOf(aadObjectId)).filter(
      (record) => decide(actor, 'deployment.view', { ownerAadObjectId: record.draft.ownerAadObjectId, supportedSchoolUrn: record.draft.sections[1].urn }).allowed,
    );
    return { status: 200, body: { today, forms: forms.map((record) => deploymentSummary(record, today)) } };
  }

  /**
   * A liaison group's nomination, in the tab added to the group's own chat or channel. The page
   * says which chat it is in; the token does not prove that, so besides the policy's rule (the
   * chat must be linked to the group) the person must belong to the group (their school is in
   * it) or be in the SIT.
   */
  async group(aadObjectId: string, chat: { readonly id: string; readonly kind: 'groupChat' | 'channel' }): Promise<TabReply<GroupView>> {
    const { directory, nominations } = this.#queries;
    // Who is asking first: that picks up a directory another instance changed, chat links included.
    const asker = await this.#actor(aadObjectId);
    const liaisonGroupId = await directory.groupOfConversation(conversationKeyOf(chat.id));
    const actor = { ...asker, conversation: { kind: chat.kind, liaisonGroupId } };
    if (liaisonGroupId === undefined) {
      return {
        status: 404,
        error: 'This chat is not linked to a liaison group yet.',
        instead: 'Mention the bot here and say which liaison group this chat is for; then open this tab again.',
      };
    }
    const decision = decide(actor, 'nomination.view', { liaisonGroupId });
    if (!decision.allowed) return refused(decision);
    // The tab shows the group's nomination to those who make it in the chat (and the SIT): the chat's own decision.
    if (!actor.isSitAdmin) {
      const member = decide(actor, 'nomination.edit', { liaisonGroupId, schoolUrns: directory.schoolsInLiaisonGroup(liaisonGroupId).map((school) => school.urn) });
      if (!member.allowed) return refused(member);
    }
    const found = await nominations.ofGroup(liaisonGroupId);
    if (!found) return { status: 404, error: `There is no liaison group ${liaisonGroupId} in the directory any more.`, instead: 'Ask the School Improvement Team.' };
    const nomination = found.record?.nomination;
    return { status: 200, body: { group: { id: found.group.id, name: found.group.name }, nomination: nomination ? nominationDetail(nomination, found.schoolsByUrn) : null } };
  }

  /** The SIT's view of the 18 liaison groups' nominations: coverage, the mix of first choices, and each group's status. */
  async sitCoverage(aadObjectId: string): Promise<TabReply<CoverageView>> {
    const decision = decide(await this.#actor(aadObjectId), 'nomination.review', {});
    if (!decision.allowed) return refused(decision);
    const { groups, nominations, schoolsByUrn, coverage } = await this.#queries.nominations.overview();
    const byGroup = new Map(nominations.map((nomination) => [nomination.groupId, nomination]));
    return {
      status: 200,
      body: {
        nominated: coverage.nominated,
        of: coverage.of,
        missingGroups: coverage.missingGroups.map((group) => ({ id: group.id, name: group.name })),
        phaseMix: coverage.phaseMix,
        sizeMix: coverage.sizeMix,
        groups: groups.map((group) => {
          const nomination = byGroup.get(group.id);
          return { id: group.id, name: group.name, nomination: nomination ? nominationDetail(nomination, schoolsByUrn) : null };
        }),
      },
    };
  }

  /** The SIT's attendance matrix (schools × sessions), for every signed-up school or one liaison group's. */
  async sitAttendance(aadObjectId: string, groupId: string | undefined): Promise<TabReply<AttendanceMatrixView>> {
    const decision = decide(await this.#actor(aadObjectId), 'attendance.register', {});
    if (!decision.allowed) return refused(decision);
    const [{ programme, groups, signedUp, records, submissions }, withNoGroup] = await Promise.all([
      this.#queries.attendance.acrossSchools(),
      this.#queries.directory.schoolsWithNoGroup(),
    ]);
    const group = groupId === undefined ? undefined : groups.find((candidate) => candidate.id === groupId);
    if (groupId !== undefined && !group) return { status: 404, error: `There is no liaison group ${groupId}.` };
    const schools = group ? signedUp.filter((school) => school.liaisonGroupId === group.id) : signedUp;
    const matrix = attendanceMatrix(schools, programme, records, submissions);
    const now = this.deps.now().getTime();
    const meetings = new Map(meetingsInOrder(programme).map((meeting) => [meeting.id, meeting]));
    return {
      status: 200,
      body: {
        programme: { name: programme.name, year: programme.year },
        groups: groups.map((candidate) => ({ id: candidate.id, name: candidate.name })),
        group: group ? { id: group.id, name: group.name } : null,
        columns: matrix.columns.map((column) => {
          const meeting = meetings.get(column.sessionId);
          return { ...column, universal: meeting ? isUniversal(meeting) : false, started: meeting ? sessionStart(meeting).getTime() <= now : false };
        }),
        tasks: tasksOf(programme).map((task) => ({ id: task.id, title: task.title })),
        rows: matrix.rows.map((row) => ({ ...row, liaisonGroupId: row.liaisonGroupId ?? null })),
        schoolsWithNoGroup: withNoGroup.map((school) => ({ urn: school.urn, name: school.name })),
      },
    };
  }

  /** Makes the SIT's export (attendance or nominations) as a workbook and a CSV, each behind a signed link that opens only for them: the same files the chat's "export" makes. */
  async sitExport(aadObjectId: string, what: 'attendance' | 'nominations'): Promise<TabReply<ExportView>> {
    const decision = decide(await this.#actor(aadObjectId), 'export.acrossSchools', {});
    if (!decision.allowed) return refused(decision);
    const now = this.deps.now();
    const { files } = what === 'attendance' ? await this.#queries.attendance.exportFiles(now) : await this.#queries.nominations.exportFiles(now);
    const links = await Promise.all(files.map(async (file) => ({ file, link: await this.deps.createExport(aadObjectId, file) })));
    return {
      status: 200,
      body: {
        // The page is served by this same server: a path works wherever the server is reached from.
        files: links.map(({ file, link }) => ({ filename: file.filename, path: pathOf(link.url) })),
        expiresAt: links[0]?.link.expiresAt.toISOString() ?? now.toISOString(),
      },
    };
  }
}

function pathOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

function schoolSummary(school: School, group: LiaisonGroup | undefined): SchoolView['school'] {
  return {
    urn: school.urn,
    name: school.name,
    phase: school.phase,
    localAuthority: school.localAuthority,
    trust: school.trust ?? null,
    pupils: school.pupils ?? null,
    liaisonGroup: group ? { id: group.id, name: group.name } : null,
  };
}

/** Whether a submitted (or decided) nomination names the school, as which choice, and how it stands: part of the school's own record. */
function schoolInNomination(nominations: readonly Nomination[], urn: string): SchoolView['champion']['named'] {
  for (const nomination of nominations) {
    if (nomination.status === 'draft') continue;
    for (const choice of CHOICES) {
      if (nomination[choice].urn !== urn) continue;
      return { groupId: nomination.groupId, choice, status: nomination.status, submittedAt: nomination.submittedAt ?? null, decidedAt: nomination.decision?.decidedAt ?? null };
    }
  }
  return null;
}

function nominationDetail(nomination: Nomination, schools: ReadonlyMap<string, School>): NominationDetail {
  const choice = (name: (typeof CHOICES)[number]) => {
    const chosen = nomination[name];
    if (chosen.urn === undefined) return null;
    const school = schools.get(chosen.urn);
    return {
      urn: chosen.urn,
      name: school?.name ?? null,
      phase: school?.phase ?? null,
      pupils: school?.pupils ?? null,
      championName: chosen.champion.name ?? null,
      championRole: chosen.champion.role ?? null,
    };
  };
  return {
    status: nomination.status,
    first: choice('first'),
    second: choice('second'),
    submittedAt: nomination.submittedAt ?? null,
    submittedBy: nomination.submittedBy?.name ?? null,
    decidedAt: nomination.decision?.decidedAt ?? null,
    earlierSubmissions: nomination.history.length,
  };
}

function deploymentSummary(record: DeploymentFormRecord, today: string): DeploymentsView['forms'][number] {
  const { draft } = record;
  const progress = formProgress(draft);
  const about = draft.sections[1];
  const { signedBySystemLeaderAt, sentToSchoolAt, submittedToRdpAt } = draft.sections[8];
  const confirmation = draft.sections[7];
  const rdp = about.region === undefined ? null : DEFAULT_OFFER.rdpLeads[about.region];
  return {
    id: draft.id,
    supported: { kind: about.recipientKind ?? null, name: about.recipientName ?? null, urn: about.urn ?? null, region: about.region ?? null },
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
    daysDelivered: progress.daysDelivered,
    agreedDays: agreedDaysOf(draft),
    latestDay: progress.latestDay ?? null,
    sections: progress.sections,
    dueNow: progress.dueAndIncomplete,
    reminders: remindersDue(draft, today),
    signedAt: signedBySystemLeaderAt ?? null,
    sentToSchoolAt: sentToSchoolAt ?? null,
    schoolConfirmation: confirmation.outcome === undefined ? null : { outcome: confirmation.outcome, at: confirmation.at ?? null },
    submittedAt: submittedToRdpAt ?? null,
    rdp: rdp ? { name: rdp.name, email: rdp.email } : null,
  };
}

/** Deployments as the chat's lists show them, laid out for the page: the stage in words, the next step and its date. */
function lifecycleRows(answer: ViewAnswer<DeploymentRow[]>, now: Date): ViewAnswer<LifecycleRowsView> {
  if (!answer.ok) return answer;
  return {
    ok: true,
    view: {
      today: londonDateOf(now),
      deployments: answer.view.map((row) => ({
        recipient: row.recipient,
        urn: row.urn ?? null,
        systemLeader: row.systemLeader ?? null,
        stage: STAGE_TITLES[row.stage],
        next: row.next ? { title: row.next.title, dueOn: row.next.dueOn, overdue: row.next.overdue } : null,
        daysUsed: row.daysUsed,
        agreedDays: row.agreedDays,
      })),
    },
  };
}

export interface LifecycleRowsView {
  readonly today: string;
  readonly deployments: readonly {
    readonly recipient: string;
    readonly urn: string | null;
    /** Only in the SIT's view. */
    readonly systemLeader: string | null;
    readonly stage: string;
    readonly next: { readonly title: string; readonly dueOn: string; readonly overdue: boolean } | null;
    readonly daysUsed: number;
    readonly agreedDays: number;
  }[];
}

export interface SchoolDeploymentsView {
  readonly deployments: readonly {
    readonly recipient: string;
    readonly systemLeader: string;
    readonly stage: string;
    readonly agreedDays: number;
    readonly firstVisitOn: string | null;
    readonly daysOn: readonly string[];
    readonly extensionWindowEndsOn: string | null;
  }[];
}

export type ViewName = 'school' | 'selfEvaluation' | 'ourDeployment' | 'deployments' | 'myDeployments' | 'sit';

export interface MeView {
  readonly isSitAdmin: boolean;
  readonly profile:
    | { readonly kind: 'school'; readonly name: string; readonly role: 'headteacher' | 'staff'; readonly urn: string; readonly schoolName: string | null }
    | { readonly kind: 'system_leader'; readonly name: string; readonly role: 'mat_ceo' | 'nle'; readonly organisation: string }
    | null;
  /** In the order the page offers them. */
  readonly views: readonly ViewName[];
  /** When the person has no view: how to set up their profile, in the policy's words. */
  readonly setUp: string | null;
}

export interface SchoolView {
  readonly school: {
    readonly urn: string;
    readonly name: string;
    readonly phase: string;
    readonly localAuthority: string;
    readonly trust: string | null;
    readonly pupils: number | null;
    readonly liaisonGroup: { readonly id: string; readonly name: string } | null;
  };
  /** Whether the viewer works at this school (the SIT may look at any). */
  readonly ownSchool: boolean;
  readonly programme: { readonly name: string; readonly year: string };
  readonly attendance: {
    readonly attended: number;
    readonly outOf: number;
    readonly sessions: readonly {
      readonly sessionId: string;
      readonly title: string;
      readonly kind: string;
      readonly universal: boolean;
      readonly date: string;
      readonly start: string | null;
      readonly end: string | null;
      readonly timesConfirmed: boolean;
      readonly status: SchoolSessionLine['status'];
    }[];
    readonly missing: readonly string[];
  };
  readonly tasks: readonly {
    readonly taskId: string;
    readonly title: string;
    readonly topic: string | null;
    readonly submitted: boolean;
    readonly submittedAt: string | null;
    readonly dueBefore: { readonly sessionId: string; readonly title: string; readonly date: string } | null;
  }[];
  readonly champion: {
    readonly isChampion: boolean;
    readonly named: {
      readonly groupId: string;
      readonly choice: 'first' | 'second';
      readonly status: Nomination['status'];
      readonly submittedAt: string | null;
      readonly decidedAt: string | null;
    } | null;
    readonly commitmentsConfirmedAt: string | null;
  };
  /** Whether the group's whole nomination can be seen here, and if not, the policy's reason and where to see it. */
  readonly groupNomination: { readonly shownHere: true } | { readonly shownHere: false; readonly reason: string; readonly instead: string } | null;
  readonly eligibilityChecks: readonly {
    readonly id: string;
    readonly checkedAt: string;
    readonly subject: string;
    readonly urn: string | null;
    readonly offerYear: string;
    readonly status: EligibilityStatus;
    readonly criteria: readonly string[];
    readonly reasons: readonly string[];
  }[];
}

export interface DeploymentsView {
  /** YYYY-MM-DD in London: what "due" and "overdue" are measured against. */
  readonly today: string;
  readonly forms: readonly {
    readonly id: string;
    readonly supported: { readonly kind: string | null; readonly name: string | null; readonly urn: string | null; readonly region: string | null };
    readonly createdAt: string;
    readonly updatedAt: string;
    readonly daysDelivered: number;
    /** The days of the deployment: the offer's 10, or more where DfE agreed an extension. */
    readonly agreedDays: number;
    readonly latestDay: string | null;
    readonly sections: readonly { readonly section: number; readonly title: string; readonly complete: boolean; readonly due: boolean; readonly dueAfterDay: number; readonly missing: readonly string[] }[];
    readonly dueNow: readonly number[];
    readonly reminders: readonly { readonly kind: ReminderKind; readonly dueDate: string; readonly overdue: boolean }[];
    readonly signedAt: string | null;
    readonly sentToSchoolAt: string | null;
    readonly schoolConfirmation: { readonly outcome: string; readonly at: string | null } | null;
    readonly submittedAt: string | null;
    readonly rdp: { readonly name: string; readonly email: string } | null;
  }[];
}

export interface NominationDetail {
  readonly status: Nomination['status'];
  readonly first: NominatedSchool | null;
  readonly second: NominatedSchool | null;
  readonly submittedAt: string | null;
  readonly submittedBy: string | null;
  readonly decidedAt: string | null;
  readonly earlierSubmissions: number;
}

export interface NominatedSchool {
  readonly urn: string;
  readonly name: string | null;
  readonly phase: string | null;
  readonly pupils: number | null;
  readonly championName: string | null;
  readonly championRole: string | null;
}

export interface GroupView {
  readonly group: { readonly id: string; readonly name: string };
  readonly nomination: NominationDetail | null;
}

export interface CoverageView {
  readonly nominated: number;
  readonly of: number;
  readonly missingGroups: readonly { readonly id: string; readonly name: string }[];
  readonly phaseMix: Readonly<Record<string, number>>;
  readonly sizeMix: Readonly<Record<string, number>>;
  readonly groups: readonly { readonly id: string; readonly name: string; readonly nomination: NominationDetail | null }[];
}

export interface AttendanceMatrixView {
  readonly programme: { readonly name: string; readonly year: string };
  readonly groups: readonly { readonly id: string; readonly name: string }[];
  /** The group filtered by, or null for every signed-up school. */
  readonly group: { readonly id: string; readonly name: string } | null;
  readonly columns: readonly {
    readonly sessionId: string;
    readonly title: string;
    readonly date: string;
    readonly kind: string;
    readonly cancelled: boolean;
    readonly universal: boolean;
    readonly started: boolean;
  }[];
  readonly tasks: readonly { readonly id: string; readonly title: string }[];
  /** Schools in no liaison group: they cannot nominate or be counted in a group until the SIT places them. */
  readonly schoolsWithNoGroup: readonly { readonly urn: string; readonly name: string }[];
  readonly rows: readonly {
    readonly urn: string;
    readonly name: string;
    readonly liaisonGroupId: string | null;
    readonly cells: Readonly<Record<string, string>>;
    readonly attended: number;
    readonly outOf: number;
    readonly tasks: Readonly<Record<string, boolean>>;
  }[];
}

export interface ExportView {
  readonly files: readonly { readonly filename: string; readonly path: string }[];
  readonly expiresAt: string;
}
