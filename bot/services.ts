import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { Store } from '../storage/store.js';
import type { ProactiveMessenger } from './proactive.js';
import type { ConversationReferences } from './conversationReferences.js';
import type { ExportLinks } from './exportLinks.js';

/** What journeys are built from: one set per running bot, created in app.ts. */
export interface BotServices {
  readonly config: Config;
  readonly logger: Logger;
  readonly store: Store;
  readonly now: () => Date;
  readonly references: ConversationReferences;
  readonly proactive: ProactiveMessenger;
  /** Signed, expiring download links that open only for their owner. */
  readonly exports: ExportLinks;
}
