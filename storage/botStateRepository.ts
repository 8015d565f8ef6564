import type { StoredRecord, Store, WriteCondition } from './store.js';

const PREFIX = 'botstate/';

/**
 * The records behind botbuilder's conversation and user state, each under the key botbuilder
 * names it by (`msteams/conversations/<id>/`), escaped into one key segment.
 */
export class BotStateRepository {
  constructor(private readonly store: Store) {}

  static keyOf(botKey: string): string {
    return `${PREFIX}${encodeURIComponent(botKey)}`;
  }

  read(botKey: string): Promise<StoredRecord<Record<string, unknown>> | undefined> {
    return this.store.read<Record<string, unknown>>(BotStateRepository.keyOf(botKey));
  }

  /** Returns the new eTag; throws a ConflictError when the condition fails. */
  write(botKey: string, value: Record<string, unknown>, condition: WriteCondition): Promise<string> {
    return this.store.write(BotStateRepository.keyOf(botKey), value, condition);
  }

  delete(botKey: string): Promise<void> {
    return this.store.delete(BotStateRepository.keyOf(botKey));
  }
}
