import { keyOf, type AttendanceRecord } from '../domain/attendance/record.js';

/** Where attendance lines live: shared by the repository that writes them and the erasure that re-keys them. */
export const ATTENDANCE_RECORDS = 'attendance/records/';

/** The key of an attendance line filed under `lines` (today's, or a year's archive): `<lines><session>/<urn>/<attendee name slug>` (see attendanceKey). */
export const lineKey = (lines: string, record: AttendanceRecord): string => `${lines}${keyOf(record)}`;

/** The key of an attendance line, `attendance/records/<session>/<urn>/<attendee name slug>`. */
export const attendanceRecordKey = (record: AttendanceRecord): string => lineKey(ATTENDANCE_RECORDS, record);

const ARCHIVED_LINES = /^attendance\/archive\/[^/]+\/records\//u;

/** Where the line at `key` is filed (ATTENDANCE_RECORDS, or a year's archivedLines), or undefined when `key` is not a line's. */
export const linesHolding = (key: string): string | undefined => (key.startsWith(ATTENDANCE_RECORDS) ? ATTENDANCE_RECORDS : ARCHIVED_LINES.exec(key)?.[0]);

/** The school of the line at `key` (today's or archived), or undefined when `key` is not a line's. */
export function urnOfLine(key: string): string | undefined {
  const lines = linesHolding(key);
  return lines === undefined ? undefined : key.slice(lines.length).split('/')[1];
}

/** Where handed-in tasks live: one record per task and school. */
export const ATTENDANCE_TASKS = 'attendance/tasks/';

/** The key of a school's submission of a task, `attendance/tasks/<task>/<urn>`. */
export const taskKey = (taskId: string, urn: string): string => `${ATTENDANCE_TASKS}${taskId}/${urn}`;

/** The school of the task submission at `key` (today's), or undefined when `key` is not one's. */
export const urnOfTask = (key: string): string | undefined => (key.startsWith(ATTENDANCE_TASKS) ? key.slice(ATTENDANCE_TASKS.length).split('/')[1] : undefined);

/** The folder listed for one school's lines at one session, among the lines filed under `lines` (today's, or a year's archive). */
export const schoolSessionLines = (sessionId: string, urn: string, lines: string = ATTENDANCE_RECORDS): string => `${lines}${sessionId}/${urn}/`;

/*
 * Outside `attendance/`, so that "what do you hold about me" does not count an index entry as
 * an attendance record (storage/personIndex.ts counts by prefix).
 */
const INDEX = 'indexes/attendance/';

/** The key of a school's entry in the attendance index (storage/attendanceIndex.ts). */
export const attendanceIndexKey = (urn: string): string => `${INDEX}${urn}`;

/** The school whose attendance index entry `key` is, or undefined when it is another record's key. */
export const urnOfAttendanceIndexKey = (key: string): string | undefined => (key.startsWith(INDEX) && key.length > INDEX.length ? key.slice(INDEX.length) : undefined);

/** Where every archived year's attendance is filed. */
export const ARCHIVE = 'attendance/archive/';

/** The folder a programme year is archived under: the year with - for / ("2023/24" → "2023-24"); a folder name stays as it is. */
export const archiveFolderOf = (year: string): string => year.replace('/', '-');

/** Where a programme year's attendance is filed away (AttendanceRepository.archiveYear): `attendance/archive/<archiveFolderOf(year)>/`. */
export const attendanceArchive = (year: string): string => `${ARCHIVE}${archiveFolderOf(year)}/`;

/** Where a record under `attendance/` is kept once its year is archived. */
export const archivedKey = (archive: string, key: string): string => `${archive}${key.slice('attendance/'.length)}`;

/** The year folder of an archived record's key (as attendanceArchive writes it), or undefined when `key` is not in the archive. */
export const yearOfArchivedKey = (key: string): string | undefined => (key.startsWith(ARCHIVE) ? key.slice(ARCHIVE.length).split('/')[0] || undefined : undefined);

/** The key an archived record had before its year was archived (archivedKey undone). */
export const liveKeyOf = (key: string): string => `attendance/${key.slice(attendanceArchive(yearOfArchivedKey(key) ?? '').length)}`;

/** The lines of an archived year, filed as today's are under ATTENDANCE_RECORDS. */
export const archivedLines = (archive: string): string => archivedKey(archive, ATTENDANCE_RECORDS);
