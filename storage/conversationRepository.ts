import type { ConversationKind } from '../domain/access/policy.js';
import { PersonIndex } from './personIndex.js';
import { ANY_ETAG, type Store } from './store.js';

/** A conversation as proactive messages need it: the channel's reference, kept as the shell gave it. */
export interface SavedConversation<Reference = Record<string, unknown>> {
  readonly reference: Reference;
  readonly kind: ConversationKind;
  /** For a personal chat, whose chat it is: proactive messages to a person find it by this. */
  readonly userAadObjectId: string | undefined;
  readonly savedAt: string;
}

const keyOfConversation = (conversationKey: string) => `conversations/by-id/${encodeURIComponent(conversationKey)}`;
const keyOfPersonalChat = (aadObjectId: string) => `conversations/personal/${encodeURIComponent(aadObjectId)}`;

/**
 * Saved conversations, each under its conversation's key (a Teams thread id without its
 * `;messageid=…` part, as the shell computes it) and, for a personal chat, under its person too.
 * Whoever spoke is noted in the person index, so erasure finds the records.
 */
export class ConversationRepository<Reference = Record<string, unknown>> {
  readonly #people: PersonIndex;

  constructor(private readonly store: Store) {
    this.#people = new PersonIndex(store);
  }

  /** Saves the conversation (and the personal chat's copy), noting `speaker` as named by both. */
  async save(conversationKey: string, saved: SavedConversation<Reference>, speaker: { readonly aadObjectId: string; readonly name?: string | undefined; readonly alias?: string | undefined } | undefined): Promise<void> {
    const keys = [keyOfConversation(conversationKey), ...(saved.userAadObjectId ? [keyOfPersonalChat(saved.userAadObjectId)] : [])];
    await Promise.all(keys.map((key) => this.store.write(key, saved, ANY_ETAG)));
    if (speaker === undefined) return;
    await this.#people.note(speaker.aadObjectId, keys, { name: speaker.name, alias: speaker.alias });
  }

  async ofConversation(conversationKey: string): Promise<SavedConversation<Reference> | undefined> {
    return (await this.store.read<SavedConversation<Reference>>(keyOfConversation(conversationKey)))?.value;
  }

  /** The personal chat with a user, if they have the bot installed. */
  async ofPerson(aadObjectId: string): Promise<SavedConversation<Reference> | undefined> {
    return (await this.store.read<SavedConversation<Reference>>(keyOfPersonalChat(aadObjectId)))?.value;
  }

  async forgetConversation(conversationKey: string): Promise<void> {
    await this.store.delete(keyOfConversation(conversationKey));
  }

  async forgetPersonalChat(aadObjectId: string): Promise<void> {
    await this.store.delete(keyOfPersonalChat(aadObjectId));
  }
}
