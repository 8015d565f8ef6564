import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parse, type CsvError, type Info } from 'csv-parse';
import { missingColumnsReport, readGiasHeader, readGiasRow, type GiasRow } from '../domain/directory/gias.js';
import { readMembershipHeader, readMembershipRow } from '../domain/directory/membership.js';
import { GiasTextDecoder, type TextEncodingChoice } from '../domain/directory/giasText.js';
import { SHIPPED_LIAISON_GROUPS } from '../domain/directory/liaisonGroups.js';
import { SchoolSearchIndex, type SchoolMatch, type SchoolSearchOptions } from '../domain/directory/search.js';
import type { ConversationLink, LiaisonGroup, School, Urn } from '../domain/directory/types.js';
import { fail, ok, type Result } from '../domain/result.js';
import { PersonIndex } from './personIndex.js';
import { ANY_ETAG, isConflict, updateRecord, type Store } from './store.js';
import { mapAtMost } from '../lib/mapAtMost.js';

const SCHOOLS = 'directory/schools/';
const GROUPS = 'directory/groups/';
const LINKS = 'directory/links/';
/** Rewritten whenever schools or their groups change, with the version it makes: every running instance compares it to see a change. */
const STAMP = 'directory/stamp';
/** Every school in one record, with the stamp's version it holds: an instance opens or reloads the directory with one read. */
const SNAPSHOT = 'directory/snapshot';

interface Stamp {
  readonly changedAt: string;
  /** Counts changes; stamps written before versions are read as version 0. */
  readonly version?: number;
}

interface Snapshot {
  readonly version: number;
  readonly schools: readonly School[];
}

const schoolKey = (urn: Urn) => `${SCHOOLS}${urn}`;
const groupKey = (id: string) => `${GROUPS}${id}`;
// Teams conversation ids hold characters such as ':' and '@' and may hold '/', which a key cannot.
const linkKey = (conversationId: string) => `${LINKS}${encodeURIComponent(conversationId)}`;

/** How many records are written at once: enough to keep the disk or the network busy, not so many as to flood it. */
const WRITES_AT_ONCE = 32;

/**
 * The school directory: schools (from Get Information about Schools or the demo file),
 * Buckinghamshire's liaison groups, and which group chat acts for which group. Schools are
 * kept in the store and, for search and group listings, in memory. Every change also rewrites a
 * stamp record with a new version; {@link refreshIfStale} compares it (at most once per
 * `refreshEveryMs`) and reloads when another process (the import command, another instance)
 * changed the directory. Opening or reloading reads the snapshot, every school in one record,
 * when it holds the stamp's version; otherwise it lists the schools once and writes the
 * snapshot for every other instance. An import writes the snapshot when it is done.
 */
export class DirectoryRepository {
  readonly #store: Store;
  readonly #refreshEveryMs: number;
  #schools = new Map<Urn, School>();
  #index = new SchoolSearchIndex();
  /** The stamp's eTag when the schools in memory were read or last changed here. */
  #stampSeen: string | undefined;
  #checkedAt = 0;
  /** Set when this instance's change followed someone else's: the schools in memory lack theirs. */
  #reloadDue = false;
  #refreshing: Promise<void> | undefined;

  private constructor(store: Store, refreshEveryMs: number) {
    this.#store = store;
    this.#refreshEveryMs = refreshEveryMs;
    this.#checkedAt = Date.now();
  }

  /** Opens the directory on a store, reading the schools (see the class) into the search index. */
  static async open(store: Store, options: { readonly refreshEveryMs?: number } = {}): Promise<DirectoryRepository> {
    const repository = new DirectoryRepository(store, options.refreshEveryMs ?? 30_000);
    const stamp = await store.read<Stamp>(STAMP);
    await repository.#loadVersion(stamp);
    return repository;
  }

  #load(schools: readonly School[]): void {
    this.#schools = new Map(schools.map((school) => [school.urn, school]));
    this.#index = new SchoolSearchIndex(schools);
  }

  /**
   * Loads the schools as of `stamp`: from the snapshot when it holds that version, else from a
   * listing, which is then written as the snapshot unless a newer one is there already. Schools
   * are written before the stamp changes, so a listing made after reading the stamp holds
   * every change the stamp counts (and perhaps some later ones, which the next stamp counts).
   */
  async #loadVersion(stamp: { readonly value: Stamp; readonly eTag: string } | undefined): Promise<void> {
    const version = stamp?.value.version ?? 0;
    const snapshot = await this.#store.read<Snapshot>(SNAPSHOT);
    if (stamp !== undefined && snapshot?.value.version === version) {
      this.#load(snapshot.value.schools);
    } else {
      this.#load((await this.#store.list<School>(SCHOOLS)).map((record) => record.value));
      if (stamp !== undefined) await this.#writeSnapshot(version, snapshot);
    }
    this.#stampSeen = stamp?.eTag;
  }

  /** Writes the schools in memory as the snapshot of `version`, unless the one there (`current`) is as new. */
  async #writeSnapshot(version: number, current: { readonly value: Snapshot; readonly eTag: string } | undefined): Promise<void> {
    if (current !== undefined && current.value.version >= version) return;
    try {
      await this.#store.write<Snapshot>(SNAPSHOT, { version, schools: [...this.#schools.values()] }, current?.eTag ?? null);
    } catch (error) {
      // Another instance wrote one first: theirs is as new or newer.
      if (!isConflict(error)) throw error;
    }
  }

  /**
   * Writes the snapshot of the schools as they are now, so that every instance reloads them
   * with one read (an import calls it when it is done, rather than after each batch).
   */
  async publishSnapshot(): Promise<void> {
    const stamp = await this.#store.read<Stamp>(STAMP);
    if (stamp === undefined) return;
    // The schools in memory are the whole directory only if nobody else changed it since they were read.
    if (stamp.eTag !== this.#stampSeen || this.#reloadDue) {
      this.#reloadDue = false;
      this.#load((await this.#store.list<School>(SCHOOLS)).map((record) => record.value));
      this.#stampSeen = stamp.eTag;
    }
    await this.#writeSnapshot(stamp.value.version ?? 0, await this.#store.read<Snapshot>(SNAPSHOT));
  }

  /**
   * Reloads the schools when the directory was changed elsewhere since they were read. Looks
   * at the store at most once per `refreshEveryMs`, so a busy bot pays one small read now and then.
   */
  async refreshIfStale(now = Date.now()): Promise<void> {
    if (now - this.#checkedAt < this.#refreshEveryMs && !this.#reloadDue) return;
    this.#refreshing ??= (async () => {
      try {
        this.#checkedAt = now;
        const stamp = await this.#store.read<Stamp>(STAMP);
        if (stamp?.eTag === this.#stampSeen && !this.#reloadDue) return;
        this.#reloadDue = false;
        await this.#loadVersion(stamp);
      } finally {
        this.#refreshing = undefined;
      }
    })();
    await this.#refreshing;
  }

  /** Records that the directory changed here; a change made elsewhere just before is picked up at the next check. */
  async #touch(): Promise<void> {
    for (;;) {
      const current = await this.#store.read<Stamp>(STAMP);
      try {
        const stamp: Stamp = { changedAt: new Date().toISOString(), version: (current?.value.version ?? 0) + 1 };
        const eTag = await this.#store.write(STAMP, stamp, current?.eTag ?? null);
        if (current?.eTag !== this.#stampSeen) this.#reloadDue = true;
        this.#stampSeen = eTag;
        return;
      } catch (error) {
        if (!isConflict(error)) throw error;
      }
    }
  }

  /** How many schools the directory holds. */
  get schoolCount(): number {
    return this.#schools.size;
  }

  /**
   * Stores schools, replacing those with the same URN. A school arriving without a liaison
   * group keeps the one it had: Get Information about Schools knows nothing of liaison
   * groups, so refreshing the directory from it must not take schools out of their groups.
   */
  async putSchools(batch: readonly School[]): Promise<void> {
    await mapAtMost(batch, WRITES_AT_ONCE, async (incoming) => {
      const known = this.#schools.get(incoming.urn);
      const school =
        incoming.liaisonGroupId === undefined && known?.liaisonGroupId !== undefined ? { ...incoming, liaisonGroupId: known.liaisonGroupId } : incoming;
      await this.#store.write(schoolKey(school.urn), school, ANY_ETAG);
      this.#schools.set(school.urn, school);
      this.#index.upsert([school]);
    });
    if (batch.length > 0) await this.#touch();
  }

  /**
   * Puts a school in a liaison group (or, with undefined, in none). Returns the school as
   * stored, or why not: the school or the group is unknown.
   */
  async setLiaisonGroupOf(urn: Urn, liaisonGroupId: string | undefined): Promise<Result<School>> {
    if (liaisonGroupId !== undefined && !(await this.liaisonGroup(liaisonGroupId))) return fail(`There is no liaison group ${liaisonGroupId}.`);
    if (!/^\d{6}$/.test(urn)) return fail(`${urn} is not a URN: a URN is six digits.`);
    const updated = await updateRecord<School>(this.#store, schoolKey(urn), (current) => {
      if (!current) return undefined;
      const { liaisonGroupId: _previous, ...rest } = current;
      return liaisonGroupId === undefined ? rest : { ...rest, liaisonGroupId };
    });
    if (!updated) return fail(`There is no school with URN ${urn} in the directory.`);
    this.#schools.set(urn, updated.value);
    this.#index.upsert([updated.value]);
    await this.#touch();
    return ok(updated.value);
  }

  /** Schools in no liaison group (or in one that no longer exists), by name: they cannot nominate or be counted until placed. */
  async schoolsWithNoGroup(): Promise<School[]> {
    const groups = new Set((await this.liaisonGroups()).map((group) => group.id));
    return [...this.#schools.values()]
      .filter((school) => school.liaisonGroupId === undefined || !groups.has(school.liaisonGroupId))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.urn.localeCompare(b.urn));
  }

  async getSchool(urn: Urn): Promise<School | undefined> {
    if (!/^\d{6}$/.test(urn)) return undefined;
    return (await this.#store.read<School>(schoolKey(urn)))?.value;
  }

  /** The schools in a liaison group, by name. */
  schoolsInLiaisonGroup(liaisonGroupId: string): School[] {
    return [...this.#schools.values()]
      .filter((school) => school.liaisonGroupId === liaisonGroupId)
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.urn.localeCompare(b.urn));
  }

  /** The directory's schools among these URNs, by name; a URN the directory does not know is left out. */
  schoolsWithUrns(urns: Iterable<Urn>): School[] {
    return [...urns]
      .flatMap((urn) => this.#schools.get(urn) ?? [])
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.urn.localeCompare(b.urn));
  }

  /** Schools by URN or by name, best match first (see domain/directory/search.ts for the ranking). */
  findSchools(query: string, options: SchoolSearchOptions = {}): SchoolMatch[] {
    return this.#index.search(query, options);
  }

  /** Every liaison group, by id. */
  async liaisonGroups(): Promise<LiaisonGroup[]> {
    const records = await this.#store.list<LiaisonGroup>(GROUPS);
    return records.map((record) => record.value).sort((a, b) => a.id.localeCompare(b.id));
  }

  async liaisonGroup(id: string): Promise<LiaisonGroup | undefined> {
    if (!isGroupId(id)) return undefined;
    return (await this.#store.read<LiaisonGroup>(groupKey(id)))?.value;
  }

  /**
   * Stores the groups not stored yet and leaves the others alone, so that a name an
   * administrator has changed survives the next start. Returns how many were added.
   */
  async addLiaisonGroupsIfMissing(groups: readonly LiaisonGroup[]): Promise<number> {
    let added = 0;
    await mapAtMost(groups, WRITES_AT_ONCE, async (group) => {
      try {
        await this.#store.write(groupKey(group.id), group, null);
        added++;
      } catch (error) {
        if (!isConflict(error)) throw error;
      }
    });
    return added;
  }

  async setLiaisonGroupName(id: string, name: string): Promise<Result<LiaisonGroup>> {
    const trimmed = name.trim().replace(/\s+/g, ' ');
    if (trimmed.length === 0) return fail('A liaison group needs a name.');
    if (trimmed.length > 100) return fail('A liaison group’s name can be at most 100 characters long.');
    if (!isGroupId(id)) return fail(`There is no liaison group ${id}.`);
    const updated = await updateRecord<LiaisonGroup>(this.#store, groupKey(id), (current) => (current ? { ...current, name: trimmed } : undefined));
    return updated ? ok(updated.value) : fail(`There is no liaison group ${id}.`);
  }

  /**
   * Links a group chat or channel to the liaison group it acts for. A chat already linked to
   * another group keeps its link unless `replace` is set (whether the person may change it is
   * the policy's question, `chatLink.change`); two people linking at once cannot both win.
   */
  async linkConversation(
    conversationId: string,
    liaisonGroupId: string,
    by: string,
    options: { readonly replace?: boolean; readonly now?: Date } = {},
  ): Promise<Result<ConversationLink>> {
    const group = await this.liaisonGroup(liaisonGroupId);
    if (!group) return fail(`There is no liaison group ${liaisonGroupId}.`);
    const link: ConversationLink = {
      conversationId,
      liaisonGroupId,
      linkedBy: by,
      linkedAt: (options.now ?? new Date()).toISOString(),
    };
    let linkedElsewhere: string | undefined;
    const stored = await updateRecord<ConversationLink>(this.#store, linkKey(conversationId), (current) => {
      linkedElsewhere = undefined;
      if (!current || options.replace === true) return link;
      if (current.liaisonGroupId !== liaisonGroupId) linkedElsewhere = current.liaisonGroupId;
      return undefined;
    });
    if (linkedElsewhere !== undefined) {
      const other = await this.liaisonGroup(linkedElsewhere);
      return fail(`This chat is already linked to ${other?.name ?? `liaison group ${linkedElsewhere}`}.`);
    }
    if (stored) await new PersonIndex(this.#store).noteRecord(stored.key, stored.value);
    return ok(stored?.value ?? link);
  }

  /**
   * The chat a liaison group is linked to (the latest linked, should an older store hold
   * more than one), if any.
   */
  async chatOfGroup(liaisonGroupId: string): Promise<ConversationLink | undefined> {
    const links = await this.#store.list<ConversationLink>(LINKS);
    return links
      .map((record) => record.value)
      .filter((link) => link.liaisonGroupId === liaisonGroupId)
      .sort((a, b) => b.linkedAt.localeCompare(a.linkedAt))[0];
  }

  /** Takes a chat's link away (when its group moves to another chat). */
  async unlinkConversation(conversationId: string): Promise<void> {
    await this.#store.delete(linkKey(conversationId));
  }

  /** The liaison group a group chat or channel acts for, if it has been linked. */
  async groupOfConversation(conversationId: string): Promise<string | undefined> {
    return (await this.#store.read<ConversationLink>(linkKey(conversationId)))?.value.liaisonGroupId;
  }
}

function isGroupId(id: string): boolean {
  return /^[a-z0-9-]+$/.test(id);
}

export interface RefusedRow {
  /** The line of the file the row is on (the header is line 1). */
  readonly line: number;
  readonly urn?: Urn;
  readonly reason: string;
}

export interface ImportReport {
  /** Rows read after the header. */
  read: number;
  imported: number;
  skippedClosed: number;
  refused: RefusedRow[];
  /** One sentence per column the file lacks, saying what users lose without it. */
  columnsMissing: string[];
}

export interface ImportOptions {
  /** How many schools are stored at a time; 500 unless given. */
  readonly batchSize?: number;
  /** `auto` (the default) reads Windows-1252, as GIAS publishes, or UTF-8 when the file is UTF-8. */
  readonly encoding?: TextEncodingChoice;
}

class HeaderRefused extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(' '));
  }
}

/**
 * Imports a Get Information about Schools establishment file, streaming it row by row and
 * storing schools in batches, so that a file of any size needs little memory. Closed
 * establishments are skipped; a row with a problem is refused and reported with its line,
 * and every other row is kept. A file whose header lacks the URN or name column is refused
 * whole, before anything is stored; other missing columns are named in the report.
 */
export async function importSchools(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  repository: DirectoryRepository,
  options: ImportOptions = {},
): Promise<Result<ImportReport>> {
  const batchSize = Math.max(1, options.batchSize ?? 500);
  const knownGroups = new Set((await repository.liaisonGroups()).map((group) => group.id));
  const report: ImportReport = { read: 0, imported: 0, skippedClosed: 0, refused: [], columnsMissing: [] };
  const firstLineOfUrn = new Map<Urn, number>();
  let batch: School[] = [];
  let headerSeen = false;
  let lastUnreadableLine = 0;

  const flush = async () => {
    if (batch.length === 0) return;
    const storing = batch;
    batch = [];
    await repository.putSchools(storing);
    report.imported += storing.length;
  };

  const parser = parse({
    bom: true,
    columns: (header: string[]) => {
      const fields = readGiasHeader(header);
      if (!fields.ok) throw new HeaderRefused(fields.errors);
      headerSeen = true;
      report.columnsMissing = missingColumnsReport(fields.value.missing);
      return fields.value.fields.map((field) => field ?? false);
    },
    info: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // A GIAS row is a few kilobytes; a stray quote must not swallow the rest of a large file into memory.
    max_record_size: 1_000_000,
    on_skip: (error) => {
      const line = Number(error?.lines ?? 0);
      // csv-parse may report one broken row more than once.
      if (line === lastUnreadableLine) return undefined;
      lastUnreadableLine = line;
      report.read++;
      report.refused.push({ line, reason: unreadableRow(error) });
      return undefined;
    },
  });

  const store = async (records: AsyncIterable<{ record: GiasRow; info: Info }>) => {
    for await (const { record, info } of records) {
      report.read++;
      const line = info.lines - newlinesIn(record);
      const urnText = (record.urn ?? '').trim();
      const urn = /^\d{6}$/.test(urnText) ? urnText : undefined;
      const refuse = (reason: string) => report.refused.push({ line, ...(urn === undefined ? {} : { urn }), reason });

      const read = readGiasRow(record);
      if (!read.ok) {
        refuse(read.errors.join('; '));
        continue;
      }
      if (read.value.status === 'closed') {
        report.skippedClosed++;
        continue;
      }
      const school = read.value.school;
      const firstLine = firstLineOfUrn.get(school.urn);
      if (firstLine !== undefined) {
        refuse(`the URN ${school.urn} is already on line ${firstLine}`);
        continue;
      }
      if (school.liaisonGroupId !== undefined && !knownGroups.has(school.liaisonGroupId)) {
        refuse(`there is no liaison group ${school.liaisonGroupId}`);
        continue;
      }
      firstLineOfUrn.set(school.urn, line);
      batch.push(school);
      if (batch.length >= batchSize) await flush();
    }
  };

  try {
    await pipeline(decodedText(source, options.encoding ?? 'auto'), parser, store);
  } catch (error) {
    if (error instanceof HeaderRefused) return fail(...error.problems);
    throw error;
  }
  await flush();
  await repository.publishSnapshot();
  if (!headerSeen) return fail('The file is empty: a Get Information about Schools establishment file starts with a header row.');
  // The reader reports a row it cannot read as soon as it meets it, ahead of rows still queued.
  report.refused.sort((a, b) => a.line - b.line);
  return ok(report);
}

export interface MembershipReport {
  /** Rows read after the header. */
  read: number;
  /** Schools placed in a group (or left in the one the file names). */
  placed: number;
  /** Schools that moved from one group to another. */
  moved: number;
  refused: RefusedRow[];
}

/**
 * Imports liaison-group membership: a CSV with the columns `URN` and `liaison group` (the
 * group's number, id or name). Each row puts one school in one group; a row naming a school
 * not in the directory, a group that does not exist, or a school already placed earlier in
 * the file is refused and reported with its line, and every other row is kept. Schools the
 * file does not mention keep the group they had.
 */
export async function importMembership(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  repository: DirectoryRepository,
  options: Pick<ImportOptions, 'encoding'> = {},
): Promise<Result<MembershipReport>> {
  const groups = await repository.liaisonGroups();
  const report: MembershipReport = { read: 0, placed: 0, moved: 0, refused: [] };
  const header = 'The file is empty: a membership file starts with the header row “URN,liaison group”.';
  const imported = await importUrnRows(source, options.encoding, readMembershipHeader, (record) => readMembershipRow(record, groups), header, report, async (row, refuse) => {
    const before = (await repository.getSchool(row.urn))?.liaisonGroupId;
    const placed = await repository.setLiaisonGroupOf(row.urn, row.liaisonGroupId);
    if (!placed.ok) {
      refuse(unknownUrn(row.urn));
      return;
    }
    report.placed++;
    if (before !== undefined && before !== row.liaisonGroupId) report.moved++;
  });
  await repository.publishSnapshot();
  return imported;
}

/** Why a row naming a school the directory does not have is refused. */
export const unknownUrn = (urn: Urn) => `there is no school with URN ${urn} in the directory (import the Get Information about Schools file first)`;

/**
 * Streams a small CSV import of one row per school (membership, sign-ups) through csv-parse:
 * the header checked by `readHeader` (a file it refuses is refused whole, changing nothing);
 * each row read by `readRow` and handed to `handle`, unless it is unreadable, has problems, or
 * names a URN an earlier line named, when it is refused with its line and the reason.
 */
export async function importUrnRows<Field extends string, Row extends { readonly urn: Urn }, Report extends { read: number; refused: RefusedRow[] }>(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  encoding: TextEncodingChoice | undefined,
  readHeader: (header: readonly string[]) => Result<(Field | undefined)[]>,
  readRow: (record: Partial<Record<Field, string>>) => Result<Row>,
  whenEmpty: string,
  report: Report,
  handle: (row: Row, refuse: (reason: string) => void) => Promise<void>,
): Promise<Result<Report>> {
  const firstLineOfUrn = new Map<Urn, number>();
  let headerSeen = false;
  const parser = parse({
    bom: true,
    columns: (header: string[]) => {
      const fields = readHeader(header);
      if (!fields.ok) throw new HeaderRefused(fields.errors);
      headerSeen = true;
      return fields.value.map((field) => field ?? false);
    },
    info: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    relax_column_count: true,
    max_record_size: 10_000,
    on_skip: (error) => {
      report.read++;
      report.refused.push({ line: Number(error?.lines ?? 0), reason: unreadableRow(error) });
      return undefined;
    },
  });
  const handleAll = async (rows: AsyncIterable<{ record: Partial<Record<Field, string>>; info: Info }>) => {
    for await (const { record, info } of rows) {
      report.read++;
      const line = info.lines;
      const urnText = ((record as { urn?: string }).urn ?? '').trim();
      const refuse = (reason: string) => report.refused.push({ line, ...(/^\d{6}$/.test(urnText) ? { urn: urnText } : {}), reason });
      const row = readRow(record);
      if (!row.ok) {
        refuse(row.errors.join('; '));
        continue;
      }
      const firstLine = firstLineOfUrn.get(row.value.urn);
      if (firstLine !== undefined) {
        refuse(`the URN ${row.value.urn} is already on line ${firstLine}`);
        continue;
      }
      firstLineOfUrn.set(row.value.urn, line);
      await handle(row.value, refuse);
    }
  };
  try {
    await pipeline(decodedText(source, encoding ?? 'auto'), parser, handleAll);
  } catch (error) {
    if (error instanceof HeaderRefused) return fail(...error.problems);
    throw error;
  }
  if (!headerSeen) return fail(whenEmpty);
  report.refused.sort((a, b) => a.line - b.line);
  return ok(report);
}

async function* decodedText(source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, encoding: TextEncodingChoice): AsyncGenerator<string> {
  const decoder = new GiasTextDecoder(encoding);
  const encoder = new TextEncoder();
  for await (const chunk of source) {
    const text = decoder.decode(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
    if (text.length > 0) yield text;
  }
  const rest = decoder.end();
  if (rest.length > 0) yield rest;
}

/** csv-parse counts the line a row ends on; a value spanning lines moves its start back. */
function newlinesIn(record: GiasRow): number {
  let count = 0;
  for (const value of Object.values(record)) {
    if (value === undefined) continue;
    for (let index = value.indexOf('\n'); index !== -1; index = value.indexOf('\n', index + 1)) count++;
  }
  return count;
}

function unreadableRow(error: CsvError | undefined): string {
  switch (error?.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
      return 'the row has a different number of values from the header (a comma or a quotation mark out of place?)';
    case 'CSV_QUOTE_NOT_CLOSED':
    case 'CSV_MAX_RECORD_SIZE':
      return 'a quotation mark opened here is never closed, so the rest of the file could not be read';
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'a quotation mark is out of place in the row';
    default:
      return `the row could not be read as CSV (${error?.message ?? 'unknown problem'})`;
  }
}

/** The demo directory: clearly fictional schools in all 18 liaison groups, and a few elsewhere. */
export const DEMO_SCHOOLS_FILE = fileURLToPath(new URL('../data/demo/schools.csv', import.meta.url));

/**
 * Gives a new installation something to work with: the shipped liaison groups (any missing
 * ones), and, when the directory has no schools at all, the demo schools. Returns the demo
 * import's report, or undefined when the directory already had schools.
 */
export async function loadDemoDirectoryIfEmpty(repository: DirectoryRepository): Promise<ImportReport | undefined> {
  await repository.addLiaisonGroupsIfMissing(SHIPPED_LIAISON_GROUPS);
  if (repository.schoolCount > 0) return undefined;
  const imported = await importSchools(createReadStream(DEMO_SCHOOLS_FILE), repository);
  // The demo file ships with the bot: if it does not import, the release is broken.
  if (!imported.ok) throw new Error(`${DEMO_SCHOOLS_FILE} could not be imported: ${imported.errors.join(' ')}`);
  return imported.value;
}
