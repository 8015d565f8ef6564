import { fail, ok, type Result } from '../domain/result.js';
import { DeploymentLifecycleSchema, type DeploymentLifecycle } from '../domain/deploymentLifecycle/record.js';
import type { DueKind } from '../domain/deploymentLifecycle/due.js';
import { PersonIndex } from './personIndex.js';
import { isConflict, updateRecord, writeIfAbsent, type Store } from './store.js';

const PREFIX = 'deploymentLifecycles/';
const ownerPrefix = (ownerAadObjectId: string) => `${PREFIX}${encodeURIComponent(ownerAadObjectId)}/`;
const key = (ownerAadObjectId: string, id: string) => `${ownerPrefix(ownerAadObjectId)}${encodeURIComponent(id)}`;
/** One mark per deployment, step and due date: a changed due date (a new window) is reminded again. */
const reminderKey = (id: string, kind: DueKind, dueOn: string) => `reminders/deploymentLifecycle/${encodeURIComponent(id)}/${kind}/${dueOn}`;

const TOO_BUSY = 'Someone else changed this deployment at the same moment and your step could not be saved. Nothing was lost: please say it again.';

const parsed = (value: unknown): DeploymentLifecycle | undefined => {
  const record = DeploymentLifecycleSchema.safeParse(value);
  return record.success ? record.data : undefined;
};

/**
 * Each system leader's deployments, under `deploymentLifecycles/<owner>/<id>`. Every change is a
 * read-modify-write under the record's eTag (the scheduler reads while the system leader writes),
 * re-applied to a fresh read when someone else wrote first; a refused change saves nothing.
 */
export class DeploymentLifecycleRepository {
  constructor(private readonly store: Store) {}

  async create(record: DeploymentLifecycle): Promise<void> {
    const recordKey = key(record.ownerAadObjectId, record.id);
    await this.store.write(recordKey, DeploymentLifecycleSchema.parse(record), null);
    await new PersonIndex(this.store).note(record.ownerAadObjectId, [recordKey], { name: record.ownerName });
  }

  async get(ownerAadObjectId: string, id: string): Promise<DeploymentLifecycle | undefined> {
    if (ownerAadObjectId.length === 0 || id.length === 0) return undefined;
    return parsed((await this.store.read(key(ownerAadObjectId, id)))?.value);
  }

  /** The system leader's deployments, the oldest first. */
  async listFor(ownerAadObjectId: string): Promise<DeploymentLifecycle[]> {
    if (ownerAadObjectId.length === 0) return [];
    return (await this.store.list(ownerPrefix(ownerAadObjectId))).flatMap((record) => parsed(record.value) ?? []).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Every deployment in the council. */
  async all(): Promise<DeploymentLifecycle[]> {
    return (await this.store.list(PREFIX)).flatMap((record) => parsed(record.value) ?? []);
  }

  /** Applies `change` (a pure function of the record it is given) and saves the result, stamped with `now`. */
  async change(ownerAadObjectId: string, id: string, now: Date, change: (record: DeploymentLifecycle) => Result<DeploymentLifecycle>): Promise<Result<DeploymentLifecycle>> {
    let refusal: string[] | undefined;
    try {
      const saved = await updateRecord<unknown>(this.store, key(ownerAadObjectId, id), (value) => {
        refusal = undefined;
        const current = parsed(value);
        if (current === undefined) {
          refusal = ['There is no such deployment.'];
          return undefined;
        }
        const result = change(current);
        if (!result.ok) {
          refusal = result.errors;
          return undefined;
        }
        return DeploymentLifecycleSchema.parse({ ...result.value, updatedAt: now.toISOString() });
      });
      if (refusal) return fail(...refusal);
      const value = parsed(saved?.value);
      return value ? ok(value) : fail('Nothing was saved.');
    } catch (error) {
      if (isConflict(error)) return fail(TOO_BUSY);
      throw error;
    }
  }

  /** Erases every deployment the system leader recorded (their own request to delete their data). Returns how many. */
  async deleteAllFor(ownerAadObjectId: string): Promise<number> {
    if (ownerAadObjectId.length === 0) return 0;
    const records = await this.store.list(ownerPrefix(ownerAadObjectId));
    await Promise.all(records.map((record) => this.store.delete(record.key)));
    return records.length;
  }

  /** Claims the sending of a reminder for a step due on a date: false when it was claimed already, by this instance or another. */
  claimReminder(id: string, kind: DueKind, dueOn: string, now: Date): Promise<boolean> {
    return writeIfAbsent(this.store, reminderKey(id, kind, dueOn), { sentAt: now.toISOString() });
  }

  /** Gives the claim back after the message failed for a passing reason, so the next run tries again. */
  async releaseReminder(id: string, kind: DueKind, dueOn: string): Promise<void> {
    await this.store.delete(reminderKey(id, kind, dueOn));
  }
}
