import type { LiaisonGroup, School } from '../directory/types.js';
import { isUniversal, meetingsInOrder, sessionStart, startedSessions, type Meeting, type Programme, type Task } from './programme.js';
import type { AttendanceRecord, AttendanceStatus, TaskSubmission } from './record.js';

/** What we know of a school at one session: the best of its lines, or nothing logged. */
export type SchoolSessionStatus = AttendanceStatus | 'no_record';

const RANK: Record<AttendanceStatus, number> = { present: 3, apologies: 2, absent: 1 };

/** The best of a school's lines at a session: present over apologies over absent; nothing logged when there are none. */
export function bestStatus(statuses: Iterable<AttendanceStatus>): SchoolSessionStatus {
  let best: AttendanceStatus | undefined;
  for (const status of statuses) if (best === undefined || RANK[status] > RANK[best]) best = status;
  return best ?? 'no_record';
}

/**
 * Each school's status at each session, from all its lines (each attendee, and the SIT's
 * register): present if anyone from the school was present, else apologies if any were sent,
 * else absent if recorded so; apologies do not count as attending. However it was found: from the
 * records (statusesFrom), or from the index the attendance repository keeps with them, which
 * lets a summary read only the schools it shows.
 */
export type StatusAt = (sessionId: string, urn: string) => SchoolSessionStatus;

/** StatusAt over records, grouped once so that asking about every school is not a pass over every record each time. */
export function statusesFrom(records: readonly AttendanceRecord[]): StatusAt {
  const lines = new Map<string, AttendanceStatus[]>();
  for (const record of records) {
    const key = `${record.sessionId}/${record.urn}`;
    const statuses = lines.get(key);
    if (statuses) statuses.push(record.status);
    else lines.set(key, [record.status]);
  }
  return (sessionId, urn) => bestStatus(lines.get(`${sessionId}/${urn}`) ?? []);
}

/** Universal sessions that have not been cancelled: what "attended out of six" counts against. */
function countedUniversal(programme: Programme): Meeting[] {
  return meetingsInOrder(programme).filter((meeting) => isUniversal(meeting) && !meeting.cancelled);
}

function attendedCount(urn: string, statusAt: StatusAt, programme: Programme): number {
  return countedUniversal(programme).filter((meeting) => statusAt(meeting.id, urn) === 'present').length;
}

/** The programme's tasks that still stand (a cancelled one is neither due nor shown). */
export function tasksOf(programme: Programme): Task[] {
  return programme.sessions.filter((session): session is Task => session.kind === 'task' && !session.cancelled);
}

export interface SchoolSessionLine {
  readonly sessionId: string;
  readonly title: string;
  readonly kind: Meeting['kind'];
  readonly date: string;
  readonly universal: boolean;
  /** `upcoming` before a session starts with nothing logged; `cancelled` for a cancelled session. */
  readonly status: SchoolSessionStatus | 'upcoming' | 'cancelled';
}

export interface TaskLine {
  readonly taskId: string;
  readonly title: string;
  readonly submitted: boolean;
  readonly submittedAt?: string;
}

export interface SchoolAttendanceSummary {
  readonly urn: string;
  /** Universal sessions the school was present at; apologies do not count. */
  readonly attended: number;
  /** The universal sessions not cancelled: six in 2021-22. */
  readonly outOf: number;
  readonly tasks: readonly TaskLine[];
  /** The universal sessions, and for a champion school the network groups too, in date order. */
  readonly sessions: readonly SchoolSessionLine[];
  /** For a champion school: every universal or network session that has taken place without it present. Empty for other schools. */
  readonly missed: readonly SchoolSessionLine[];
}

/** A school's programme record: what a headteacher sees and what the SIT checks a champion against. */
export function schoolAttendanceSummary(
  urn: string,
  records: readonly AttendanceRecord[],
  programme: Programme,
  options: { isChampion: boolean; now: Date; taskSubmissions?: readonly TaskSubmission[] },
): SchoolAttendanceSummary {
  const statusAt = statusesFrom(records);
  const sessions: SchoolSessionLine[] = meetingsInOrder(programme)
    .filter((meeting) => isUniversal(meeting) || options.isChampion)
    .map((meeting) => {
      const recorded = statusAt(meeting.id, urn);
      const status: SchoolSessionLine['status'] = meeting.cancelled
        ? 'cancelled'
        : recorded === 'no_record' && sessionStart(meeting).getTime() > options.now.getTime()
          ? 'upcoming'
          : recorded;
      return { sessionId: meeting.id, title: meeting.title, kind: meeting.kind, date: meeting.date, universal: isUniversal(meeting), status };
    });
  const missed = options.isChampion
    ? sessions.filter((line) => line.status === 'apologies' || line.status === 'absent' || line.status === 'no_record')
    : [];
  const submissions = options.taskSubmissions ?? [];
  const tasks = tasksOf(programme).map((task): TaskLine => {
    const submission = submissions.find((candidate) => candidate.taskId === task.id && candidate.urn === urn);
    return submission
      ? { taskId: task.id, title: task.title, submitted: true, submittedAt: submission.submittedAt }
      : { taskId: task.id, title: task.title, submitted: false };
  });
  return { urn, attended: attendedCount(urn, statusAt, programme), outOf: countedUniversal(programme).length, tasks, sessions, missed };
}

export interface SessionSummary {
  readonly sessionId: string;
  readonly present: readonly School[];
  readonly apologies: readonly School[];
  readonly absent: readonly School[];
  readonly noRecord: readonly School[];
}

/** Who came to a session, among the schools signed up to the universal offer. */
export function sessionSummary(sessionId: string, signedUpSchools: readonly School[], statusAt: StatusAt): SessionSummary {
  const byStatus: Record<SchoolSessionStatus, School[]> = { present: [], apologies: [], absent: [], no_record: [] };
  for (const school of signedUpSchools) byStatus[statusAt(sessionId, school.urn)].push(school);
  return { sessionId, present: byStatus.present, apologies: byStatus.apologies, absent: byStatus.absent, noRecord: byStatus.no_record };
}

export interface LiaisonGroupSessionSummary {
  /** Null for signed-up schools outside every listed group. */
  readonly group: LiaisonGroup | null;
  readonly summary: SessionSummary;
}

/** A session's attendance per liaison group, in the groups' order; schools outside every group come last, if there are any. */
export function liaisonGroupSummary(
  sessionId: string,
  groups: readonly LiaisonGroup[],
  signedUpSchools: readonly School[],
  statusAt: StatusAt,
): LiaisonGroupSessionSummary[] {
  const groupIds = new Set(groups.map((group) => group.id));
  const lines: LiaisonGroupSessionSummary[] = groups.map((group) => ({
    group,
    summary: sessionSummary(sessionId, signedUpSchools.filter((school) => school.liaisonGroupId === group.id), statusAt),
  }));
  const outside = signedUpSchools.filter((school) => school.liaisonGroupId === undefined || !groupIds.has(school.liaisonGroupId));
  if (outside.length > 0) lines.push({ group: null, summary: sessionSummary(sessionId, outside, statusAt) });
  return lines;
}

/**
 * The latest universal session that has started, and the signed-up schools nobody from which
 * was recorded present at it (with what is recorded: apologies, absent or nothing).
 * Undefined before the first session.
 */
export function schoolsWithNoAttendanceAtLastSession(
  programme: Programme,
  now: Date,
  signedUpSchools: readonly School[],
  statusAt: StatusAt,
): { session: Meeting; schools: { school: School; status: Exclude<SchoolSessionStatus, 'present'> }[] } | undefined {
  const session = startedSessions(programme, now).find(isUniversal);
  if (!session) return undefined;
  const schools = signedUpSchools.flatMap((school) => {
    const status = statusAt(session.id, school.urn);
    return status === 'present' ? [] : [{ school, status }];
  });
  return { session, schools };
}

export interface AttendanceMatrixColumn {
  readonly sessionId: string;
  readonly title: string;
  readonly date: string;
  readonly kind: Meeting['kind'];
  readonly cancelled: boolean;
}

export interface AttendanceMatrixRow {
  readonly urn: string;
  readonly name: string;
  readonly liaisonGroupId: string | undefined;
  /** Status per session id; blank where nothing is recorded. */
  readonly cells: Readonly<Record<string, AttendanceStatus | ''>>;
  readonly attended: number;
  readonly outOf: number;
  /** Whether each task (by id) is handed in. */
  readonly tasks: Readonly<Record<string, boolean>>;
}

/** The export: one row per school, a column per meeting in date order, the attended count and the task. */
export function attendanceMatrix(
  schools: readonly School[],
  programme: Programme,
  records: readonly AttendanceRecord[],
  taskSubmissions: readonly TaskSubmission[] = [],
): { columns: AttendanceMatrixColumn[]; taskIds: string[]; rows: AttendanceMatrixRow[] } {
  const meetings = meetingsInOrder(programme);
  const columns = meetings.map((meeting) => ({ sessionId: meeting.id, title: meeting.title, date: meeting.date, kind: meeting.kind, cancelled: meeting.cancelled }));
  const taskIds = tasksOf(programme).map((task) => task.id);
  const outOf = countedUniversal(programme).length;
  const statusAt = statusesFrom(records);
  const rows = schools.map((school): AttendanceMatrixRow => {
    const cells: Record<string, AttendanceStatus | ''> = {};
    for (const meeting of meetings) {
      const status = statusAt(meeting.id, school.urn);
      cells[meeting.id] = status === 'no_record' ? '' : status;
    }
    const tasks: Record<string, boolean> = {};
    for (const taskId of taskIds) tasks[taskId] = taskSubmissions.some((submission) => submission.taskId === taskId && submission.urn === school.urn);
    return { urn: school.urn, name: school.name, liaisonGroupId: school.liaisonGroupId, cells, attended: attendedCount(school.urn, statusAt, programme), outOf, tasks };
  });
  return { columns, taskIds, rows };
}
