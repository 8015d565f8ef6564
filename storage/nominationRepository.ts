import type { CommitmentsConfirmation } from '../domain/nomination/commitmentsConfirmation.js';
import { newNomination, type Nomination } from '../domain/nomination/nomination.js';
import { fail, ok, type Result } from '../domain/result.js';
import { PersonIndex } from './personIndex.js';
import { ANY_ETAG, isConflict, updateRecord, type Store, type UpdateOptions } from './store.js';

const NOMINATIONS = 'nominations/';
const COMMITMENTS = `${NOMINATIONS}commitments/`;

const nominationKey = (groupId: string) => `${NOMINATIONS}${groupId}`;
const commitmentsKey = (urn: string) => `${COMMITMENTS}${urn}`;

/** The most people remembered as having acted on a group's card: far more than the 60 a card refreshes for. */
const ACTORS_KEPT = 200;

/** A liaison group's nomination, with what the bot needs to keep the group's shared card up to date. */
export interface NominationRecord {
  readonly nomination: Nomination;
  /**
   * The group's chat, where the card was last posted: the SIT's decision is announced there.
   * The directory links chats to groups but cannot look a group's chat up, so it is kept here.
   */
  readonly conversationId?: string;
  /** Teams user ids of the people who have acted on the card, least recent first: its refresh list. */
  readonly actedBy: readonly string[];
}

export type NominationSave = { readonly record: NominationRecord; readonly changed: boolean; readonly retried: boolean };

/** What a member is told when the group has no nomination to act on. */
export const NO_NOMINATION = 'There is no nomination for this liaison group yet. Mention me with "nominate" in the group’s chat to start one.';
const TOO_BUSY = 'Several people were saving at the same moment and your change could not be saved. Nothing was lost: please press the button again.';

function withActor(actedBy: readonly string[], userId: string | undefined): readonly string[] {
  if (userId === undefined || actedBy.at(-1) === userId) return actedBy;
  return [...actedBy.filter((id) => id !== userId), userId].slice(-ACTORS_KEPT);
}

/**
 * One record per liaison group (`nominations/<groupId>`), changed by several members at once:
 * every change is a read-modify-write with the record's eTag, re-applied to a fresh read when
 * someone else wrote first. A change that cannot be saved is reported, never dropped quietly.
 */
export class NominationRepository {
  constructor(
    private readonly store: Store,
    private readonly options: UpdateOptions = {},
  ) {}

  async get(groupId: string): Promise<NominationRecord | undefined> {
    return (await this.store.read<NominationRecord>(nominationKey(groupId)))?.value;
  }

  /** Every group's nomination record: a group's own record (two key segments), not what is filed beneath `nominations/`. */
  async all(): Promise<NominationRecord[]> {
    const records = await this.store.list<NominationRecord>(NOMINATIONS);
    return records.filter((record) => record.key.split('/').length === 2).map((record) => record.value);
  }

  /**
   * The group's nomination as the card is posted in its chat: created when the group has
   * none, and remembering the chat (for the SIT's decision) and who asked (for the refresh).
   */
  async openInChat(
    groupId: string,
    conversationId: string,
    userId: string | undefined,
    options: { readonly moveNotices: boolean; readonly aadObjectId: string },
  ): Promise<{ record: NominationRecord; created: boolean; noticesElsewhere: boolean }> {
    let created = false;
    let noticesElsewhere = false;
    const saved = await this.#update(groupId, (current) => {
      created = current === undefined;
      const record = current ?? { nomination: newNomination(groupId), actedBy: [] };
      const actedBy = withActor(record.actedBy, userId);
      // A chat other than the one the notices go to does not take them over unless the SIT moves them.
      noticesElsewhere = record.conversationId !== undefined && record.conversationId !== conversationId && !options.moveNotices;
      const noticesTo = noticesElsewhere ? record.conversationId : conversationId;
      if (!created && record.conversationId === noticesTo && actedBy === record.actedBy) return undefined;
      return { ...record, conversationId: noticesTo, actedBy };
    });
    if (!saved.ok) throw new Error(saved.errors.join(' '));
    // The refresh list holds their Teams user id, not their AAD object id.
    await new PersonIndex(this.store).note(options.aadObjectId, [nominationKey(groupId)], { alias: userId });
    return { record: saved.value, created, noticesElsewhere };
  }

  /**
   * Applies `change` to the group's nomination and saves it with the eTag it was read with;
   * on a conflict, reads again and re-applies `change` (so it must depend only on the
   * nomination it is given). A refused change saves nothing and returns its reasons.
   */
  async change(groupId: string, change: (nomination: Nomination) => Result<Nomination>, actedBy?: string): Promise<Result<NominationSave>> {
    let attempts = 0;
    let changed = false;
    let refusal: string[] | undefined;
    const saved = await this.#update(groupId, (current) => {
      attempts++;
      refusal = undefined;
      if (!current) {
        refusal = [NO_NOMINATION];
        return undefined;
      }
      const result = change(current.nomination);
      if (!result.ok) {
        refusal = result.errors;
        return undefined;
      }
      changed = result.value !== current.nomination;
      const actors = withActor(current.actedBy, actedBy);
      if (!changed && actors === current.actedBy) return undefined;
      return { ...current, nomination: result.value, actedBy: actors };
    });
    if (!saved.ok) return saved;
    if (refusal) return fail(...refusal);
    return ok({ record: saved.value, changed, retried: attempts > 1 });
  }

  async #update(groupId: string, change: (current: NominationRecord | undefined) => NominationRecord | undefined): Promise<Result<NominationRecord>> {
    try {
      const stored = await updateRecord<NominationRecord>(this.store, nominationKey(groupId), change, this.options);
      if (!stored) return fail(NO_NOMINATION);
      await new PersonIndex(this.store).noteRecord(stored.key, stored.value);
      return ok(stored.value);
    } catch (error) {
      if (isConflict(error)) return fail(TOO_BUSY);
      throw error;
    }
  }

  async commitmentsOf(urn: string): Promise<CommitmentsConfirmation | undefined> {
    return (await this.store.read<CommitmentsConfirmation>(commitmentsKey(urn)))?.value;
  }

  async allCommitments(): Promise<CommitmentsConfirmation[]> {
    return (await this.store.list<CommitmentsConfirmation>(COMMITMENTS)).map((record) => record.value);
  }

  /** The headteacher's own confirmation for their school: confirming again records the latest. */
  async saveCommitments(confirmation: CommitmentsConfirmation): Promise<void> {
    await this.store.write(commitmentsKey(confirmation.urn), confirmation, ANY_ETAG);
    await new PersonIndex(this.store).noteRecord(commitmentsKey(confirmation.urn), confirmation);
  }
}
