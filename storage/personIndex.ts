import type { AttendanceRecord } from '../domain/attendance/record.js';
import { mentionsPerson, peopleIn, withoutPerson, type ErasedPerson } from '../domain/personalData/person.js';
import { mapAtMost } from '../lib/mapAtMost.js';
import { AT_ONCE, AttendanceIndex } from './attendanceIndex.js';
import { ATTENDANCE_RECORDS, archivedKey, lineKey, linesHolding, urnOfAttendanceIndexKey, urnOfLine, urnOfTask } from './attendanceKeys.js';
import { updateRecord, writeIfAbsent, type Store } from './store.js';

const PEOPLE = 'people/';
const personKey = (aadObjectId: string) => `${PEOPLE}${encodeURIComponent(aadObjectId)}`;

/** Where one person appears: the keys of every record that names them, and what they are known by. */
export interface PersonEntry {
  readonly aadObjectId: string;
  /** Names records give them (their Teams display name, their profile's name, a name they typed for themselves). */
  readonly names: readonly string[];
  /** Other ids they are known by: their Teams user id (29:…), which a card's refresh list holds. */
  readonly aliases: readonly string[];
  readonly keys: readonly string[];
}

const added = <T>(list: readonly T[], item: T | undefined): readonly T[] => (item === undefined || list.includes(item) ? list : [...list, item]);

/** The list with the items it lacks added (the same list when it lacks none): one pass, however long the list (an SIT administrator's entry lists thousands of schools). */
function addedAll(list: readonly string[], items: readonly string[]): readonly string[] {
  const have = new Set(list);
  const fresh = [...new Set(items)].filter((item) => !have.has(item));
  return fresh.length === 0 ? list : [...list, ...fresh];
}

/** The school whose attendance a listed key leads to: a school's attendance index entry, or (in entries written before those) one of its lines. */
const schoolOf = (key: string): string | undefined => urnOfAttendanceIndexKey(key) ?? urnOfLine(key);

/** Who erasure takes out of records, and counting looks for: the person's ids and every name recorded for them. */
const personOf = (entry: PersonEntry): ErasedPerson => ({ ids: [entry.aadObjectId, ...entry.aliases], names: entry.names });

/** A record a person's entry leads to, with the kind it is counted as (none for an index entry); `listed` when a listing found it, so it is known to be there. */
interface Held {
  readonly kind: RecordKind | undefined;
  readonly listed?: true;
}

/** What kind of record a listed key is, for "what do you hold about me". */
export const RECORD_KINDS = ['profile', 'eligibilityCheck', 'deploymentForm', 'attendance', 'nomination', 'chatLink', 'conversation', 'signUp', 'selfEvaluation', 'selfEvaluationLook', 'deploymentLifecycle'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

const KIND_OF_PREFIX: readonly (readonly [string, RecordKind])[] = [
  ['profiles/', 'profile'],
  ['eligibility/', 'eligibilityCheck'],
  ['deployment/', 'deploymentForm'],
  ['attendance/', 'attendance'],
  ['nominations/', 'nomination'],
  ['directory/links/', 'chatLink'],
  ['signups/schools/', 'signUp'],
  ['selfEvaluations/', 'selfEvaluation'],
  ['selfEvaluationLooks', 'selfEvaluationLook'],
  ['deploymentLifecycles/', 'deploymentLifecycle'],
  // A personal chat is saved twice (by its id and by its person): counted once.
  ['conversations/by-id/', 'conversation'],
];

/**
 * One index of where each person appears (`people/<aadObjectId>`), kept by the repositories as
 * they write a record that names someone, so that "what do you hold about me" and "delete my
 * data" find every record without searching the store. A key stays listed after its record
 * is gone; erasure takes a missing record as already gone.
 *
 * Attendance is listed by school, not by line: a school's attendance index entry key
 * (`indexes/attendance/<urn>`) stands for every line of that school, today's and archived
 * (AttendanceIndex.holdingsOf), and is expanded to the lines that name the person when
 * asked. Listing each line would rewrite a person's entry at every log and grow it without end
 * (an SIT administrator's register lines for every school and session). Entries written before
 * list line keys too; those still work. A task submission is listed by its key, and found under
 * it in each year archived since as well (the school's archives, AttendanceIndex.holdingsOf).
 */
export class PersonIndex {
  readonly #index: AttendanceIndex;

  constructor(private readonly store: Store) {
    this.#index = new AttendanceIndex(store);
  }

  /** Records that `keys` name the person (and, when given, a name or another id they are known by): one write of their entry, however many keys. */
  async note(aadObjectId: string, keys: readonly string[], also: { readonly name?: string | undefined; readonly alias?: string | undefined } = {}): Promise<void> {
    if (aadObjectId.length === 0) return;
    const name = also.name?.trim() || undefined;
    await updateRecord<PersonEntry>(this.store, personKey(aadObjectId), (current) => {
      const entry = current ?? { aadObjectId, names: [], aliases: [], keys: [] };
      const next = { ...entry, names: added(entry.names, name), aliases: added(entry.aliases, also.alias), keys: addedAll(entry.keys, keys) };
      return next.names === entry.names && next.aliases === entry.aliases && next.keys === entry.keys && current !== undefined ? undefined : next;
    });
  }

  /** Records that `key` names everyone its value names (see peopleIn). */
  async noteRecord(key: string, value: unknown): Promise<void> {
    await this.noteRecords([{ key, value }]);
  }

  /**
   * The same for many records at once (a register's lines): one index write per person, not one
   * per record, so a person named by hundreds of records (the SIT administrator who filled in a
   * register) is not a record hundreds of writers race for.
   */
  async noteRecords(records: readonly { readonly key: string; readonly value: unknown }[]): Promise<void> {
    const byPerson = new Map<string, { name?: string; keys: string[] }>();
    for (const { key, value } of records) {
      for (const person of peopleIn(value)) {
        const entry = byPerson.get(person.aadObjectId) ?? { keys: [] };
        entry.keys.push(key);
        if (entry.name === undefined && person.name !== undefined) entry.name = person.name;
        byPerson.set(person.aadObjectId, entry);
      }
    }
    for (const [aadObjectId, { name, keys }] of byPerson) await this.note(aadObjectId, keys, { name });
  }

  /**
   * How many records of each kind name the person (records since removed are not counted; a
   * school's attendance counts its lines that mention them): the records erasure would take them
   * out of, found the same way (#expand).
   */
  async countsOf(aadObjectId: string): Promise<Partial<Record<RecordKind, number>>> {
    const entry = await this.of(aadObjectId);
    if (!entry) return {};
    const held = [...(await this.#expand(entry.keys, personOf(entry)))].filter((found): found is [string, Held & { kind: RecordKind }] => found[1].kind !== undefined);
    const present = await mapAtMost(held, AT_ONCE, async ([key, found]) => found.listed === true || (await this.store.read(key)) !== undefined);
    const counts: Partial<Record<RecordKind, number>> = {};
    held.forEach(([, { kind }], at) => {
      if (present[at]) counts[kind] = (counts[kind] ?? 0) + 1;
    });
    return counts;
  }

  async of(aadObjectId: string): Promise<PersonEntry | undefined> {
    return (await this.store.read<PersonEntry>(personKey(aadObjectId)))?.value;
  }

  /**
   * Takes the person out of every record the index lists that is still there (their own
   * records, deleted first by their repositories, are gone), then drops their index entry.
   * Returns the keys it changed.
   */
  async erase(aadObjectId: string): Promise<string[]> {
    const entry = await this.of(aadObjectId);
    if (!entry) return [];
    const person = personOf(entry);
    const scrubbed: string[] = [];
    for (const key of (await this.#expand(entry.keys, person)).keys()) {
      const moved = linesHolding(key) !== undefined ? await this.#moveAttendanceLine(key, person) : undefined;
      if (moved !== undefined) {
        scrubbed.push(key, moved);
        continue;
      }
      let changed = false;
      await updateRecord<unknown>(this.store, key, (current) => {
        changed = false;
        if (current === undefined) return undefined;
        const cleaned = withoutPerson(current, person);
        changed = JSON.stringify(cleaned) !== JSON.stringify(current);
        return changed ? cleaned : undefined;
      });
      // A line scrubbed in place may be its school's latest, which the index keeps a copy of.
      if (changed && key.startsWith(ATTENDANCE_RECORDS)) await this.#index.syncLine(key);
      if (changed) scrubbed.push(key);
    }
    await this.store.delete(personKey(aadObjectId));
    return scrubbed;
  }

  /**
   * The listed keys with each school's attendance expanded to its lines that mention the person
   * (by id, or by a name recorded for them: a colleague may have typed it), each school's
   * before its index entry, so that the entry is scrubbed after the lines it copies are; and
   * each task with its copies in the years archived since. Schools are listed a few dozen at a
   * time: an SIT administrator's entry lists thousands.
   */
  async #expand(listed: readonly string[], person: ErasedPerson): Promise<Map<string, Held>> {
    const withLines = new Set(listed.flatMap((key) => schoolOf(key) ?? []));
    const schools = [...new Set([...withLines, ...listed.flatMap((key) => urnOfTask(key) ?? [])])];
    const bySchool = new Map(
      await mapAtMost(schools, AT_ONCE, async (urn) => {
        const { lineFolders, archives } = await this.#index.holdingsOf(urn);
        const lines = withLines.has(urn) ? (await Promise.all(lineFolders.map((folder) => this.store.list<AttendanceRecord>(folder)))).flat() : [];
        return [urn, { lines: lines.filter((line) => mentionsPerson(line.value, person)).map((line) => line.key), archives }] as const;
      }),
    );
    const school = (urn: string | undefined) => (urn === undefined ? undefined : bySchool.get(urn));
    const held = new Map<string, Held>();
    const add = (key: string, found: Held) => {
      if (!held.has(key)) held.set(key, found);
    };
    for (const key of listed) {
      for (const line of school(schoolOf(key))?.lines ?? []) add(line, { kind: 'attendance', listed: true });
      const kind = KIND_OF_PREFIX.find(([prefix]) => key.startsWith(prefix))?.[1];
      add(key, { kind });
      for (const archive of school(urnOfTask(key))?.archives ?? []) add(archivedKey(archive, key), { kind });
    }
    return held;
  }

  /**
   * An attendance line's key holds its attendee's name slug, so scrubbing the value alone would
   * leave the name in the key. When the scrubbed line's key (the repository's own rule) differs,
   * the line is written there and the old key deleted, so it is still one line per attendee and
   * still counted. Two erased attendees of one school at one session would share a key, so a
   * taken key is skipped by numbering the scrubbed name. Returns the new key, or undefined when
   * the line is gone or keeps its key (then it is scrubbed in place like any record).
   */
  async #moveAttendanceLine(key: string, person: ErasedPerson): Promise<string | undefined> {
    const current = await this.store.read<AttendanceRecord>(key);
    if (current === undefined) return undefined;
    const cleaned = withoutPerson(current.value, person);
    const lines = linesHolding(key) ?? ATTENDANCE_RECORDS;
    if (lineKey(lines, cleaned) === key) return undefined;
    for (let number = 1; ; number++) {
      const line = number === 1 ? cleaned : { ...cleaned, attendeeName: `${cleaned.attendeeName} (${number})` };
      const target = lineKey(lines, line);
      const there = await this.store.read<AttendanceRecord>(target);
      // A line already there from an earlier, interrupted erasure of this one is reused.
      const free = there === undefined ? await writeIfAbsent(this.store, target, line) : JSON.stringify(there.value) === JSON.stringify(line);
      if (!free) continue;
      await this.store.delete(key, current.eTag);
      await this.#moveKey(line, key, target);
      // An archived line is in no index.
      if (lines === ATTENDANCE_RECORDS) {
        await this.#index.syncLine(key);
        await this.#index.syncLine(target);
      }
      return target;
    }
  }

  /**
   * Everyone else the moved record names finds it under its new key: an entry that lists the old
   * key (written before entries listed schools) lists the new one instead; one that lists the
   * school finds it through the school as before, and is left alone.
   */
  async #moveKey(value: unknown, from: string, to: string): Promise<void> {
    for (const { aadObjectId } of peopleIn(value)) {
      await updateRecord<PersonEntry>(this.store, personKey(aadObjectId), (current) =>
        current?.keys.includes(from) ? { ...current, keys: added(current.keys.filter((key) => key !== from), to) } : undefined,
      );
    }
  }
}
