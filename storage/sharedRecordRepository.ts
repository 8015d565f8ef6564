import { mentionsPerson, withoutPerson } from '../domain/personalData/person.js';
import { updateRecord, type Store } from './store.js';

/** Records that belong to a school or a liaison group, which may name the person who acted. */
const SHARED = { attendance: 'attendance/', nominations: 'nominations/' } as const;
type SharedKind = keyof typeof SHARED;

export interface SharedRecordsNaming {
  readonly attendance: number;
  readonly nominations: number;
}

/**
 * The shared records that name a person, for their request to see or erase their data: the
 * records stay (they are the school's or the group's), the person's name leaves them.
 */
export class SharedRecordRepository {
  constructor(private readonly store: Store) {}

  async #naming(aadObjectId: string): Promise<{ kind: SharedKind; key: string }[]> {
    const kinds = Object.keys(SHARED) as SharedKind[];
    const found = await Promise.all(kinds.map(async (kind) => (await this.store.list<unknown>(SHARED[kind])).map((record) => ({ kind, record }))));
    return found.flat().filter(({ record }) => mentionsPerson(record.value, aadObjectId)).map(({ kind, record }) => ({ kind, key: record.key }));
  }

  /** How many shared records of each kind name the person. */
  async countNaming(aadObjectId: string): Promise<SharedRecordsNaming> {
    const naming = await this.#naming(aadObjectId);
    return { attendance: naming.filter(({ kind }) => kind === 'attendance').length, nominations: naming.filter(({ kind }) => kind === 'nominations').length };
  }

  /** Takes the person out of every shared record that names them; returns how many records that was. */
  async removePerson(aadObjectId: string): Promise<number> {
    const naming = await this.#naming(aadObjectId);
    for (const { key } of naming) {
      await updateRecord<unknown>(this.store, key, (current) => (current !== undefined && mentionsPerson(current, aadObjectId) ? withoutPerson(current, aadObjectId) : undefined));
    }
    return naming.length;
  }
}
