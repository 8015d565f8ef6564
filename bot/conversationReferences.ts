import { TurnContext, type ConversationReference } from 'botbuilder';
import { ConversationRepository, type SavedConversation as StoredConversation } from '../storage/conversationRepository.js';
import type { Store } from '../storage/store.js';
import { conversationKeyOf, conversationKindOf } from '../dialogs/actor.js';
import type { ConversationReferences as ConversationReferencesPort } from '../dialogs/ports.js';

export type SavedConversation = StoredConversation<Partial<ConversationReference>>;

/**
 * The conversation references proactive messages need, saved when the bot is installed or first
 * hears from a conversation. Saved once per conversation per process, not on every turn, and not
 * at all when the stored one is the same.
 */
export class ConversationReferences implements ConversationReferencesPort {
  readonly #saved = new Set<string>();
  readonly #conversations: ConversationRepository<Partial<ConversationReference>>;

  constructor(store: Store) {
    this.#conversations = new ConversationRepository(store);
  }

  async remember(context: TurnContext, now: Date): Promise<void> {
    const threadId = context.activity.conversation?.id;
    if (!threadId) return;
    const conversationId = conversationKeyOf(threadId);
    if (this.#saved.has(conversationId)) return;
    const kind = conversationKindOf(context);
    const userAadObjectId = kind === 'personal' ? (context.activity.from?.aadObjectId ?? context.activity.from?.id) : undefined;
    const saved: SavedConversation = {
      // Without the activity id, a proactive message starts a new message instead of replying to an old one.
      reference: { ...TurnContext.getConversationReference(context.activity), activityId: undefined },
      kind,
      userAadObjectId,
      savedAt: now.toISOString(),
    };
    if (!(await this.#alreadySaved(saved))) {
      // The reference names whoever spoke (reference.user), in a group chat too.
      const user = saved.reference.user;
      const speaker = user?.aadObjectId ?? userAadObjectId;
      await this.#conversations.save(conversationId, saved, speaker === undefined ? undefined : { aadObjectId: speaker, name: user?.name, alias: user?.id });
    }
    this.#saved.add(conversationId);
  }

  /** Whether the store already holds this reference as it is (as after a restart): then it is not written again. */
  async #alreadySaved(saved: SavedConversation): Promise<boolean> {
    const same = (stored: SavedConversation | undefined) =>
      stored !== undefined && stored.kind === saved.kind && stored.userAadObjectId === saved.userAadObjectId && JSON.stringify(stored.reference) === JSON.stringify(saved.reference);
    if (!same(await this.ofConversation(conversationKeyOf(saved.reference.conversation?.id ?? '')))) return false;
    return saved.userAadObjectId === undefined || same(await this.ofPerson(saved.userAadObjectId));
  }

  /** After the bot was blocked or removed: nothing more is sent to this conversation until it is heard from again. */
  async forget(threadId: string): Promise<void> {
    const conversationId = conversationKeyOf(threadId);
    this.#saved.delete(conversationId);
    const saved = await this.ofConversation(conversationId);
    if (saved?.userAadObjectId) {
      const personal = await this.ofPerson(saved.userAadObjectId);
      if (personal && conversationKeyOf(personal.reference.conversation?.id ?? '') === conversationId) await this.#conversations.forgetPersonalChat(saved.userAadObjectId);
    }
    await this.#conversations.forgetConversation(conversationId);
  }

  async ofConversation(conversationId: string): Promise<SavedConversation | undefined> {
    return this.#conversations.ofConversation(conversationKeyOf(conversationId));
  }

  /** The personal chat with a user, if they have the bot installed. */
  async ofPerson(aadObjectId: string): Promise<SavedConversation | undefined> {
    return this.#conversations.ofPerson(aadObjectId);
  }
}
