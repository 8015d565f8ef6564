import { attendanceKey, type AttendanceRecord, type TaskSubmission } from '../domain/attendance/record.js';
import { ATTENDANCE_RECORDS as RECORDS, ATTENDANCE_TASKS as TASKS, archivedKey, attendanceArchive, attendanceRecordKey as recordKey, schoolSessionLines, taskKey } from './attendanceKeys.js';
import { AttendanceIndex, type IndexUpkeep } from './attendanceIndex.js';
import { PersonIndex } from './personIndex.js';
import { bestStatus, type StatusAt } from '../domain/attendance/summary.js';
import { ANY_ETAG, updateRecord, type Store } from './store.js';
import { mapAtMost } from '../lib/mapAtMost.js';

/** How many register lines are written at once: enough to be quick, not so many as to flood the store. */
const WRITES_AT_ONCE = 16;

/** What the index says of some schools: their statuses, and the latest line each logged itself. */
export interface SchoolsAttendance {
  readonly statusAt: StatusAt;
  latestOwnLine(urn: string): AttendanceRecord | undefined;
}

/**
 * Attendance records, one per session, school and attendee, under
 * `attendance/records/<session>/<urn>/<attendee>` (see attendanceKey). Because a school's own
 * line and the SIT's register line have different keys, neither ever overwrites the other;
 * each write is a read-modify-write on the record's eTag, so two writes to the same line
 * (a correction racing another) leave one whole record, never a duplicate. Every write is
 * followed by the school's entry in the attendance index (storage/attendanceIndex.ts), which
 * the summaries and reminders read.
 */
export class AttendanceRepository {
  readonly #index: AttendanceIndex;

  constructor(private readonly store: Store) {
    this.#index = new AttendanceIndex(store);
  }

  /** Saves a record; `corrected` says it replaced an earlier one for the same attendee. */
  async log(record: AttendanceRecord): Promise<{ corrected: boolean }> {
    let corrected = false;
    await updateRecord<AttendanceRecord>(this.store, recordKey(record), (current) => {
      corrected = current !== undefined;
      return record;
    });
    const entry = await this.#index.syncLine(recordKey(record));
    /*
     * The person index notes the school's index entry, not the line: it stands for all the
     * school's lines (and holds a copy of the latest, names and all), so a person's entry grows
     * by school, not by line, and a later session's log for the school leaves it unwritten.
     */
    await new PersonIndex(this.store).noteRecord(entry, record);
    return { corrected };
  }

  /** Writes the register's lines (from registerChanges); a line already as wanted is left alone. */
  async saveRegister(lines: readonly AttendanceRecord[]): Promise<void> {
    const stored = await mapAtMost(lines, WRITES_AT_ONCE, async (line) => {
      const written = await updateRecord<AttendanceRecord>(this.store, recordKey(line), (current) => (current?.status === line.status ? undefined : line));
      const entry = await this.#index.syncLine(recordKey(line));
      return written && { key: entry, value: written.value };
    });
    await new PersonIndex(this.store).noteRecords(stored.flatMap((record) => (record ? [record] : [])));
  }

  /** The schools' statuses and latest own lines, from the index: one read per school, however many records the store holds. */
  async ofSchools(urns: Iterable<string>): Promise<SchoolsAttendance> {
    const entries = await this.#index.entriesOf(urns);
    return {
      statusAt: (sessionId, urn) => bestStatus(Object.values(entries.get(urn)?.sessions[sessionId] ?? {})),
      latestOwnLine: (urn) => entries.get(urn)?.latest,
    };
  }

  /** Builds the attendance index from the records if this store has none yet, and notes the schools of years archived before archiving noted them; says which it did. */
  async indexIfMissing(): Promise<IndexUpkeep> {
    return this.#index.ensureBuilt();
  }

  async get(sessionId: string, urn: string, attendeeName: string): Promise<AttendanceRecord | undefined> {
    return (await this.store.read<AttendanceRecord>(`${RECORDS}${attendanceKey(sessionId, urn, attendeeName)}`))?.value;
  }

  async forSession(sessionId: string): Promise<AttendanceRecord[]> {
    return this.#values(`${RECORDS}${sessionId}/`);
  }

  /** A school's records at the given sessions (records are filed by session first). */
  async forSchool(urn: string, sessionIds: readonly string[]): Promise<AttendanceRecord[]> {
    const perSession = await Promise.all(sessionIds.map((sessionId) => this.#values(schoolSessionLines(sessionId, urn))));
    return perSession.flat();
  }

  async all(): Promise<AttendanceRecord[]> {
    return this.#values(RECORDS);
  }

  /**
   * Files every record and task submission away under the programme year they belong to
   * (`attendance/archive/<year>/…`), so that a new year, whose sessions reuse ids like T1,
   * starts with an empty register and the old year's records are kept, not mixed in.
   * Returns how many were moved.
   */
  async archiveYear(year: string): Promise<number> {
    const archive = attendanceArchive(year);
    const moved: string[] = [];
    for (const prefix of [RECORDS, TASKS]) {
      const records = await this.store.list<unknown>(prefix);
      for (let start = 0; start < records.length; start += WRITES_AT_ONCE) {
        await Promise.all(
          records.slice(start, start + WRITES_AT_ONCE).map(async (record) => {
            await this.store.write(archivedKey(archive, record.key), record.value, ANY_ETAG);
            await this.store.delete(record.key, record.eTag);
            moved.push(record.key);
          }),
        );
      }
    }
    await this.#index.archived(year, moved);
    return moved.length;
  }

  /**
   * Records a task as handed in. The first submission stands: handing in again changes nothing
   * and returns the one already recorded, so a repeated message cannot move its date.
   */
  async submitTask(submission: TaskSubmission): Promise<{ earlier: TaskSubmission | undefined }> {
    let earlier: TaskSubmission | undefined;
    await updateRecord<TaskSubmission>(this.store, taskKey(submission.taskId, submission.urn), (current) => {
      earlier = current;
      return current === undefined ? submission : undefined;
    });
    if (earlier === undefined) await new PersonIndex(this.store).noteRecord(taskKey(submission.taskId, submission.urn), submission);
    return { earlier };
  }

  async taskSubmissionsOf(urn: string, taskIds: readonly string[]): Promise<TaskSubmission[]> {
    const found = await Promise.all(taskIds.map(async (taskId) => (await this.store.read<TaskSubmission>(taskKey(taskId, urn)))?.value));
    return found.filter((submission): submission is TaskSubmission => submission !== undefined);
  }

  async allTaskSubmissions(): Promise<TaskSubmission[]> {
    return (await this.store.list<TaskSubmission>(TASKS)).map((record) => record.value);
  }

  async #values(prefix: string): Promise<AttendanceRecord[]> {
    return (await this.store.list<AttendanceRecord>(prefix)).map((record) => record.value);
  }
}
