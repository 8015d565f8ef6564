import type { Dialog } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import type { z } from 'zod';
import type { AdaptiveCard } from '../cards/render.js';
import type { ConversationKind, JourneySummary } from '../cards/conversationCards.js';
import type { Actor } from './actor.js';

/** Words a user types, or a card button sends, that start a dialog. */
export interface Command {
  /** Shown on the help and welcome cards; commands without one work but are not advertised. */
  readonly summary?: JourneySummary;
  /** Offered on the help card only to School Improvement Team administrators (others are refused by the policy anyway). */
  readonly forSitAdmins?: boolean;
  /** Where the command is offered and accepted. */
  readonly scopes: readonly ConversationKind[];
  /** Returns the dialog's options when the text starts this command, or undefined. */
  readonly match: (text: string) => object | undefined;
  readonly dialogId: string;
}

/** What a card button (Action.Execute, or Action.Submit as fallback) gets back. */
export type CardVerbResult =
  | { readonly kind: 'card'; readonly card: AdaptiveCard }
  | { readonly kind: 'message'; readonly text: string }
  | { readonly kind: 'refused'; readonly text: string };

export interface CardVerb<Schema extends z.ZodType = z.ZodType> {
  readonly verb: string;
  /** Parses the button's data; anything that does not parse is refused with a clear message. */
  readonly data: Schema;
  readonly handle: (context: TurnContext, data: z.infer<Schema>, actor: Actor) => Promise<CardVerbResult>;
}

/** One journey's parts: the dialogs it runs, the commands that start them, the card verbs it answers. */
export interface Journey {
  readonly id: string;
  readonly dialogs: readonly Dialog[];
  readonly commands: readonly Command[];
  readonly verbs: readonly CardVerb[];
  /**
   * Work the journey does on its own (reminders), run by the bot's scheduler every minute and
   * at start. It must be safe to run twice and from several instances: a repository records
   * what was sent with a create-only write before sending (`AttendanceReminderRepository`), so it goes once.
   */
  readonly scheduled?: (now: Date) => Promise<void>;
}

/** Lower case, single spaces, no surrounding punctuation: what command words are matched against. */
export function normaliseCommandText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/^[\s.,!?;:]+|[\s.,!?;:]+$/g, '')
    .trim();
}

/** A matcher for commands given as exact phrases (after normalising). */
export function phrases(...accepted: string[]): (text: string) => object | undefined {
  const set = new Set(accepted.map(normaliseCommandText));
  return (text) => (set.has(normaliseCommandText(text)) ? {} : undefined);
}
