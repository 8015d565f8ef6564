import { z } from 'zod';
import { DeploymentDraftSchema, isSectionNumber, type SectionNumber } from '../domain/deployment/form.js';
import type { ReminderKind } from '../domain/deployment/timeline.js';
import { PersonIndex } from './personIndex.js';
import { updateRecord, writeIfAbsent, type Store } from './store.js';

const PositionSchema = z.object({
  section: z.custom<SectionNumber>(isSectionNumber),
  field: z.string().min(1).optional(),
  revisiting: z.boolean().optional(),
});

/** The form went to the supported school or trust to confirm section 7: to whom, and when. */
const SchoolRequestSchema = z.object({
  confirmerAadObjectIds: z.array(z.string().min(1)).min(1),
  /** For a trust, its CEO: the policy lets them confirm by who they are, as they have no school profile. */
  trustCeoAadObjectId: z.string().min(1).optional(),
  sentAt: z.iso.datetime({ offset: true }),
});
export type SchoolRequest = z.infer<typeof SchoolRequestSchema>;

/** A deployment form as kept: the draft, where the conversation about it stands, and the school's copy. */
export const DeploymentFormRecordSchema = z.object({
  draft: DeploymentDraftSchema,
  /** The section and question being asked, so the conversation carries on there after a restart or on another device. */
  position: PositionSchema,
  schoolRequest: SchoolRequestSchema.optional(),
});
export type DeploymentFormRecord = z.infer<typeof DeploymentFormRecordSchema>;

const PREFIX = 'deployment/drafts/';
// An AAD object id is a GUID; the Agents Playground's stand-in ids may hold any character.
const ownerPrefix = (ownerAadObjectId: string) => `${PREFIX}${encodeURIComponent(ownerAadObjectId)}/`;
const formKey = (ownerAadObjectId: string, draftId: string) => `${ownerPrefix(ownerAadObjectId)}${encodeURIComponent(draftId)}`;
const reminderKey = (draftId: string, kind: ReminderKind) => `reminders/deployment/${encodeURIComponent(draftId)}/${kind}`;

const parsed = (value: unknown): DeploymentFormRecord | undefined => {
  const record = DeploymentFormRecordSchema.safeParse(value);
  return record.success ? record.data : undefined;
};

const newestFirst = (a: DeploymentFormRecord, b: DeploymentFormRecord) => b.draft.updatedAt.localeCompare(a.draft.updatedAt);

/**
 * Each system leader's deployment forms, under `deployment/drafts/<owner>/<draftId>`. A form is
 * changed by its system leader in chat and on cards, and by the school confirming section 7, so
 * every change is a read-modify-write under its eTag.
 */
export class DeploymentRepository {
  constructor(private readonly store: Store) {}

  async create(record: DeploymentFormRecord): Promise<void> {
    const key = formKey(record.draft.ownerAadObjectId, record.draft.id);
    await this.store.write(key, DeploymentFormRecordSchema.parse(record), null);
    await new PersonIndex(this.store).noteRecord(key, record);
  }

  async get(ownerAadObjectId: string, draftId: string): Promise<DeploymentFormRecord | undefined> {
    if (ownerAadObjectId.length === 0 || draftId.length === 0) return undefined;
    return parsed((await this.store.read(formKey(ownerAadObjectId, draftId)))?.value);
  }

  /** The owner's forms, the most recently changed first. */
  async listFor(ownerAadObjectId: string): Promise<DeploymentFormRecord[]> {
    if (ownerAadObjectId.length === 0) return [];
    const records = await this.store.list(ownerPrefix(ownerAadObjectId));
    return records.flatMap((record) => parsed(record.value) ?? []).sort(newestFirst);
  }

  /** Erases every form the owner drafted (their own request to delete their data). Returns how many. */
  async deleteAllFor(ownerAadObjectId: string): Promise<number> {
    if (ownerAadObjectId.length === 0) return 0;
    const records = await this.store.list(ownerPrefix(ownerAadObjectId));
    await Promise.all(records.map((record) => this.store.delete(record.key)));
    return records.length;
  }

  async listAll(): Promise<DeploymentFormRecord[]> {
    const records = await this.store.list(PREFIX);
    return records.flatMap((record) => parsed(record.value) ?? []);
  }

  /**
   * Applies `change` to the current record and stamps the draft with `now`; `change` may run
   * more than once (when someone else saved first), so it must depend only on what it is given.
   * Returning undefined changes nothing. Resolves with the record as stored, or undefined when
   * there is no such form.
   */
  async update(
    ownerAadObjectId: string,
    draftId: string,
    now: Date,
    change: (current: DeploymentFormRecord) => DeploymentFormRecord | undefined,
  ): Promise<DeploymentFormRecord | undefined> {
    const stored = await updateRecord<unknown>(this.store, formKey(ownerAadObjectId, draftId), (value) => {
      const current = parsed(value);
      if (current === undefined) return undefined;
      const next = change(current);
      if (next === undefined) return undefined;
      return DeploymentFormRecordSchema.parse({ ...next, draft: { ...next.draft, updatedAt: now.toISOString() } });
    });
    if (stored === undefined) return undefined;
    // Those the form was sent to, and whoever answered section 7, are named on it now.
    await new PersonIndex(this.store).noteRecord(stored.key, stored.value);
    return parsed(stored.value);
  }

  /** Notes that a reminder went out; false when it already had, so each reminder is sent once, whichever instance gets there first. */
  markReminderSent(draftId: string, kind: ReminderKind, at: Date): Promise<boolean> {
    return writeIfAbsent(this.store, reminderKey(draftId, kind), { sentAt: at.toISOString() });
  }
}
