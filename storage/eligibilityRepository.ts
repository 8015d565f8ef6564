import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { UrnSchema } from '../domain/directory/types.js';
import { CRITERIA, ELIGIBILITY_STATUSES, EligibilityInputSchema } from '../domain/tsi/eligibility.js';
import type { Store } from './store.js';
import { PersonIndex } from './personIndex.js';

/** Who a check was about, as the user named them (the rule itself needs only the region). */
const EligibilitySubjectSchema = z.object({
  name: z.string().min(1),
  urn: UrnSchema.optional(),
  trust: z.string().min(1).optional(),
});
export type EligibilitySubject = z.infer<typeof EligibilitySubjectSchema>;

const EligibilityCheckSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+$/),
  aadObjectId: z.string().min(1),
  checkedAt: z.iso.datetime(),
  via: z.enum(['form', 'questions']),
  subject: EligibilitySubjectSchema,
  input: EligibilityInputSchema,
  offerYear: z.string(),
  outcome: z.object({
    status: z.enum(ELIGIBILITY_STATUSES),
    criteria: z.array(z.enum(CRITERIA)),
    reasons: z.array(z.string()),
    rdp: z.object({ name: z.string(), email: z.string() }),
  }),
});

/** One eligibility assessment: what was asked, and what the rule answered. */
export type EligibilityCheck = z.infer<typeof EligibilityCheckSchema>;
export type NewEligibilityCheck = Omit<EligibilityCheck, 'id'>;

const ID_SHAPE = /^[a-z0-9]{1,40}$/;

/** '2024-03-01T10:00:00.000Z' → '20240301T100000000Z': sorts as the time does, and needs no escaping in a key. */
function sortableStamp(isoInstant: string): string {
  return new Date(isoInstant).toISOString().replace(/[-:.]/g, '');
}

/**
 * Each user's eligibility checks, under `eligibility/<aadObjectId>/<sortable timestamp>-<id>`.
 * A check is written once and never changed, so no read-modify-write is needed.
 */
export class EligibilityRepository {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  #prefix(aadObjectId: string): string {
    // An AAD object id is a GUID; the emulator's stand-in user id may hold any character, '/' included.
    return `eligibility/${encodeURIComponent(aadObjectId)}/`;
  }

  async save(check: NewEligibilityCheck): Promise<EligibilityCheck> {
    const saved: EligibilityCheck = { ...check, id: randomUUID().replace(/-/g, '').slice(0, 12) };
    const key = `${this.#prefix(check.aadObjectId)}${sortableStamp(check.checkedAt)}-${saved.id}`;
    await this.#store.write(key, saved, null);
    await new PersonIndex(this.#store).note(check.aadObjectId, [key]);
    return saved;
  }

  /** Erases every check the user made (their own request to delete their data). Returns how many. */
  async deleteAllFor(aadObjectId: string): Promise<number> {
    const records = await this.#store.list<unknown>(this.#prefix(aadObjectId));
    await Promise.all(records.map((record) => this.#store.delete(record.key)));
    return records.length;
  }

  /** The user's checks, newest first. */
  async recentFor(aadObjectId: string, limit: number): Promise<EligibilityCheck[]> {
    const records = await this.#store.list<unknown>(this.#prefix(aadObjectId));
    const newestFirst = records.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
    // Only as many as are shown are read through the schema, not every check the user ever made.
    const checks: EligibilityCheck[] = [];
    for (const record of newestFirst) {
      if (checks.length >= limit) break;
      const parsed = EligibilityCheckSchema.safeParse(record.value);
      if (parsed.success) checks.push(parsed.data);
    }
    return checks;
  }

  async get(aadObjectId: string, id: string): Promise<EligibilityCheck | undefined> {
    if (!ID_SHAPE.test(id)) return undefined;
    const records = await this.#store.list<unknown>(this.#prefix(aadObjectId));
    const record = records.find((candidate) => candidate.key.endsWith(`-${id}`));
    const parsed = EligibilityCheckSchema.safeParse(record?.value);
    return parsed.success ? parsed.data : undefined;
  }
}
