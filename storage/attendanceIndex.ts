import { createHash } from 'node:crypto';
import { latestOwnLine } from '../domain/attendance/audience.js';
import type { AttendanceRecord, AttendanceStatus } from '../domain/attendance/record.js';
import { ARCHIVE, ATTENDANCE_RECORDS, archiveFolderOf, archivedLines, attendanceArchive, attendanceIndexKey as entryKey, attendanceRecordKey, liveKeyOf, schoolSessionLines, urnOfTask, yearOfArchivedKey } from './attendanceKeys.js';
import { updateRecord, writeIfAbsent, type Store, type StoredRecord } from './store.js';
import { mapAtMost } from '../lib/mapAtMost.js';

const INDEX = entryKey('');
const BUILT = 'indexes/attendance-built';
/** Per school, the years whose lines were archived and their sessions (SchoolArchives): outside INDEX, so a rebuild or a clear leaves it. */
const archivesKey = (urn: string) => `indexes/attendance-archives/${urn}`;
/** Marks that the years archived before archiving noted its schools have been noted (#noteEarlierArchives). */
const ARCHIVES_NOTED = 'indexes/attendance-archives-noted';

/** How many index entries (or a school's records, PersonIndex) are read or written at once. */
export const AT_ONCE = 32;

/**
 * One school's attendance, kept beside its records: what a summary or a reminder run needs of
 * the school without listing the records.
 */
export interface SchoolAttendanceEntry {
  readonly urn: string;
  /**
   * Per session, each line's status under a digest of its key: the names stay in the records,
   * and a correction replaces its line's status rather than adding one.
   */
  readonly sessions: Readonly<Record<string, Readonly<Record<string, AttendanceStatus>>>>;
  /** The latest line the school logged itself (see latestOwnLine): who its reminders go to. */
  readonly latest?: AttendanceRecord;
}

/** A digest of a line's attendee slug: it tells lines apart without keeping the name. */
const lineId = (slug: string) => createHash('sha256').update(slug).digest('base64url').slice(0, 16);

/** The programme years (by their archive folder, archiveFolderOf) whose lines or tasks of one school were archived, with the sessions it had lines at. */
interface SchoolArchives {
  readonly urn: string;
  readonly years: Readonly<Record<string, readonly string[]>>;
}

/** What making sure of the index did (AttendanceIndex.ensureBuilt). */
export interface IndexUpkeep {
  /** It was built from the records: this store had none. */
  readonly built: boolean;
  /** How many archived records (of years archived before archiving noted their schools) it went through to note their schools: 0 once done. */
  readonly archivedRecordsNoted: number;
}

/** Where one school's records are (AttendanceIndex.holdingsOf). */
export interface SchoolHoldings {
  /** The folders its lines are filed in, today's and archived. */
  readonly lineFolders: readonly string[];
  /** The archive of each year archived since (attendanceArchive): a task submission of the school is under `archivedKey(archive, key)` in each. */
  readonly archives: readonly string[];
}

function partsOf(key: string): { sessionId: string; urn: string; line: string } {
  const [sessionId, urn, slug] = key.slice(ATTENDANCE_RECORDS.length).split('/');
  if (!key.startsWith(ATTENDANCE_RECORDS) || sessionId === undefined || urn === undefined || slug === undefined) {
    throw new Error(`Not an attendance line's key: ${key}`);
  }
  return { sessionId, urn, line: lineId(slug) };
}

/** The entry with the line at `key` as `line` (or gone, when undefined); undefined when nothing changes. */
function withLine(entry: SchoolAttendanceEntry, key: string, line: AttendanceRecord | undefined): SchoolAttendanceEntry | undefined {
  const { sessionId, line: id } = partsOf(key);
  const lines = { ...entry.sessions[sessionId] };
  if (line) lines[id] = line.status;
  else delete lines[id];
  const sessions = { ...entry.sessions };
  if (Object.keys(lines).length > 0) sessions[sessionId] = lines;
  else delete sessions[sessionId];
  const wasLatest = entry.latest !== undefined && attendanceRecordKey(entry.latest) === key;
  const latest = wasLatest ? latestOwnLine(line ? [line] : []) : latestOwnLine([...(entry.latest ? [entry.latest] : []), ...(line ? [line] : [])]);
  const next: SchoolAttendanceEntry = { urn: entry.urn, sessions, ...(latest ? { latest } : {}) };
  return JSON.stringify(next) === JSON.stringify(entry) ? undefined : next;
}

function entryOf(urn: string, records: readonly AttendanceRecord[]): SchoolAttendanceEntry {
  return records.reduce<SchoolAttendanceEntry>((entry, record) => withLine(entry, attendanceRecordKey(record), record) ?? entry, { urn, sessions: {} });
}

/**
 * The attendance index: one entry per school (`indexes/attendance/<urn>`), kept by the
 * repository as it writes each line, so that the SIT's summary and a reminder run read one
 * entry per school they show instead of every record. An entry is written on its own eTag, and
 * only one school's lines touch it, so concurrent logs for different schools never contend.
 * It can always be rebuilt from the records (rebuild), and is built when missing (ensureBuilt).
 */
export class AttendanceIndex {
  constructor(private readonly store: Store) {}

  /**
   * Brings the line's status in the index into line with its record, and returns the entry's
   * key. Another instance may be writing the same line: the record is read again after the
   * index is written, and while it has changed in between the index is written again, so the
   * last index write always follows the last record write and the two agree.
   */
  async syncLine(key: string): Promise<string> {
    const { urn } = partsOf(key);
    for (;;) {
      const line = await this.store.read<AttendanceRecord>(key);
      const written = await updateRecord<SchoolAttendanceEntry>(this.store, entryKey(urn), (current) => withLine(current ?? { urn, sessions: {} }, key, line?.value));
      if (line === undefined && written !== undefined && written.value.latest === undefined) await this.#findLatest(urn, written.value);
      const after = await this.store.read<AttendanceRecord>(key);
      if (after?.eTag === line?.eTag) return entryKey(urn);
    }
  }

  /** The schools' entries (a school with nothing logged has none). */
  async entriesOf(urns: Iterable<string>): Promise<Map<string, SchoolAttendanceEntry>> {
    const found = await mapAtMost([...new Set(urns)], AT_ONCE, (urn) => this.store.read<SchoolAttendanceEntry>(entryKey(urn)));
    return new Map(found.flatMap((entry) => (entry ? [[entry.value.urn, entry.value] as const] : [])));
  }

  /**
   * Builds the index from the records when it has not been built in this store (a store from
   * before it, or after it was removed), and notes the schools of years archived before archiving
   * noted them. Says which of the two it did.
   */
  async ensureBuilt(): Promise<IndexUpkeep> {
    const archivedRecordsNoted = await this.#noteEarlierArchives();
    if (await this.store.read(BUILT)) return { built: false, archivedRecordsNoted };
    await this.rebuild();
    await writeIfAbsent(this.store, BUILT, { builtAt: new Date().toISOString() });
    return { built: true, archivedRecordsNoted };
  }

  /**
   * Writes every school's entry afresh from the records, and removes entries of schools with
   * none. Lines written while it runs are caught by a second listing: any line that changed
   * since the first is synced on its own.
   */
  async rebuild(): Promise<void> {
    const first = await this.store.list<AttendanceRecord>(ATTENDANCE_RECORDS);
    const bySchool = Map.groupBy(first, (record) => record.value.urn);
    const existing = await this.store.list<SchoolAttendanceEntry>(INDEX);
    await mapAtMost([...bySchool], AT_ONCE, ([urn, records]) =>
      this.store.write(entryKey(urn), entryOf(urn, records.map((record) => record.value)), '*'),
    );
    await mapAtMost(
      existing.filter((entry) => !bySchool.has(entry.value.urn)),
      AT_ONCE,
      (entry) => this.store.delete(entry.key, entry.eTag),
    );
    const seen = new Map(first.map((record) => [record.key, record.eTag]));
    const second = await this.store.list<AttendanceRecord>(ATTENDANCE_RECORDS);
    const changed = [...second.filter((record) => seen.get(record.key) !== record.eTag).map((record) => record.key), ...this.#gone(seen, second)];
    await mapAtMost(changed, AT_ONCE, (key) => this.syncLine(key));
  }

  /**
   * The year's lines and tasks have been archived (`archived`: their keys as they were): notes,
   * per school, that year and the sessions it had lines at, so that its lines and tasks are
   * still found in the archive (holdingsOf), and removes every
   * entry, which leaves the index built and empty. Per school rather than per person: the
   * person index lists schools, and noting the archive in each person's entry would have the
   * archive rewrite the entry of everyone its lines name; here it writes one record per school it
   * moved lines of anyway, and erasure reads one per school a person's entry lists.
   */
  async archived(year: string, archived: readonly string[]): Promise<void> {
    await this.#noteArchived(archiveFolderOf(year), archived);
    const entries = await this.store.list<unknown>(INDEX);
    await mapAtMost(entries, AT_ONCE, (entry) => this.store.delete(entry.key));
  }

  /** Notes, per school, the sessions of the year archived under `year` (its folder) whose lines (or its tasks) were archived: added to what was noted of that year before. */
  async #noteArchived(year: string, archived: readonly string[]): Promise<void> {
    const sessionsBySchool = new Map<string, Set<string>>();
    for (const key of archived) {
      const task = urnOfTask(key);
      const { urn, sessionId } = task === undefined ? partsOf(key) : { urn: task, sessionId: undefined };
      const sessions = sessionsBySchool.get(urn) ?? new Set();
      if (sessionId !== undefined) sessions.add(sessionId);
      sessionsBySchool.set(urn, sessions);
    }
    await mapAtMost([...sessionsBySchool], AT_ONCE, ([urn, sessions]) =>
      updateRecord<SchoolArchives>(this.store, archivesKey(urn), (current) => {
        const all = [...new Set([...(current?.years[year] ?? []), ...sessions])];
        return current !== undefined && all.length === (current.years[year]?.length ?? -1) ? undefined : { urn, years: { ...current?.years, [year]: all } };
      }),
    );
  }

  /**
   * Notes the schools of years archived before archiving noted them (a store from before): their
   * keys are listed once, when the store has no mark that this was done, so that erasure and
   * counts find those years' lines too. Returns how many archived records it went through.
   */
  async #noteEarlierArchives(): Promise<number> {
    if (await this.store.read(ARCHIVES_NOTED)) return 0;
    const records = await this.store.list<unknown>(ARCHIVE);
    const byYear = Map.groupBy(
      records.flatMap((record) => {
        const year = yearOfArchivedKey(record.key);
        return year === undefined ? [] : [{ year, key: liveKeyOf(record.key) }];
      }),
      (record) => record.year,
    );
    for (const [year, keys] of byYear) await this.#noteArchived(year, keys.map((record) => record.key));
    await writeIfAbsent(this.store, ARCHIVES_NOTED, { notedAt: new Date().toISOString() });
    return records.length;
  }

  /**
   * Where a school's records are: the folders its lines are filed in, one per session it has
   * lines at, today's (from its entry) and each archived year's (listing them reads the school's
   * lines and no other's); and the archives of the years archived since, where its task
   * submissions are too. One read of its entry and one of its archive record, however many of its
   * records are asked after.
   */
  async holdingsOf(urn: string): Promise<SchoolHoldings> {
    const [entry, archives] = await Promise.all([this.store.read<SchoolAttendanceEntry>(entryKey(urn)), this.store.read<SchoolArchives>(archivesKey(urn))]);
    const today = Object.keys(entry?.value.sessions ?? {}).map((sessionId) => schoolSessionLines(sessionId, urn));
    const years = Object.entries(archives?.value.years ?? {});
    const archived = years.flatMap(([year, sessions]) => sessions.map((sessionId) => schoolSessionLines(sessionId, urn, archivedLines(attendanceArchive(year)))));
    return { lineFolders: [...today, ...archived], archives: years.map(([year]) => attendanceArchive(year)) };
  }

  #gone(seen: ReadonlyMap<string, string>, now: readonly StoredRecord<unknown>[]): string[] {
    const still = new Set(now.map((record) => record.key));
    return [...seen.keys()].filter((key) => !still.has(key));
  }

  /** The school's latest own line was removed (an erasure re-keys it): find the next latest among its lines. */
  async #findLatest(urn: string, entry: SchoolAttendanceEntry): Promise<void> {
    const lines = await Promise.all(Object.keys(entry.sessions).map((sessionId) => this.store.list<AttendanceRecord>(schoolSessionLines(sessionId, urn))));
    const latest = latestOwnLine(lines.flat().map((line) => line.value));
    if (!latest) return;
    await updateRecord<SchoolAttendanceEntry>(this.store, entryKey(urn), (current) =>
      current && latestOwnLine([...(current.latest ? [current.latest] : []), latest]) !== current.latest ? { ...current, latest } : undefined,
    );
  }
}
