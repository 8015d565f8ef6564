import type { Dialog } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import type { z } from 'zod';
import type { AdaptiveCard } from '../cards/render.js';
import type { JourneySummary } from '../cards/conversationCards.js';
import type { ConversationKind } from '../domain/access/policy.js';
import type { Actor } from './actor.js';
import type { Store } from '../storage/store.js';
import type { Logger } from './ports.js';
import { normaliseCommandText } from '../domain/text.js';

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
  /**
   * Things a user might type for this command, in their own words (typos and all are fine): the
   * understanding layer learns from them and the command's phrases, to suggest this command for
   * words it does not match exactly.
   */
  readonly examples?: readonly string[];
}

/** What a card button (Action.Execute, or Action.Submit as fallback) gets back. */
export type CardVerbResult =
  | {
      readonly kind: 'card';
      readonly card: AdaptiveCard;
      /** The journey whose open chat question this card answered (a section saved on its card): that question is closed. */
      readonly answers?: string;
    }
  | { readonly kind: 'message'; readonly text: string }
  | { readonly kind: 'refused'; readonly text: string };

export interface CardVerb<Schema extends z.ZodType = z.ZodType> {
  readonly verb: string;
  /** Parses the button's data; anything that does not parse is refused with a clear message. */
  readonly data: Schema;
  readonly handle: (context: TurnContext, data: z.infer<Schema>, actor: Actor) => Promise<CardVerbResult>;
}

/**
 * A card verb typed by its own schema, listed with the journey's others: its handler sees the
 * data as its schema parsed it, and the router parses with that schema before calling it.
 */
export const verb = <Schema extends z.ZodType>(definition: CardVerb<Schema>): CardVerb => definition as unknown as CardVerb;

/** One journey's parts: the dialogs it runs, the commands that start them, the card verbs it answers. */
export interface Journey {
  readonly id: string;
  readonly dialogs: readonly Dialog[];
  readonly commands: readonly Command[];
  readonly verbs: readonly CardVerb[];
  /**
   * Work the journey does on its own (reminders), run by the bot's scheduler at start and every
   * minute, or every `scheduledEveryMinutes`. It must be safe to run twice and from several instances: a repository records
   * what was sent with a create-only write before sending (`AttendanceReminderRepository`), so it goes once.
   */
  readonly scheduled?: (now: Date) => Promise<void>;
  /** How often `scheduled` needs to run, at most, in minutes (the scheduler's every pass when not given). */
  readonly scheduledEveryMinutes?: number;
  /**
   * Words the journey's own open questions understand (the deployment form's "review", "back",
   * "go to section 3"): typed while one of its questions is open, they are its answer, never
   * taken for another journey's command.
   */
  readonly understandsWhileAsking?: (text: string) => boolean;
  /**
   * The journey's own words once its conversation has ended (the deployment form's "review" after
   * a section is done): until another journey starts, a message this matches goes back to the
   * journey's dialog with the options it returns, before any other journey's command is tried.
   */
  readonly afterwards?: { readonly dialogId: string; readonly match: (text: string) => object | undefined };
}

/** A matcher for commands given as exact phrases (after normalising); it carries its phrases for the registration check. */
export function phrases(...accepted: string[]): ((text: string) => object | undefined) & { readonly phrases: readonly string[] } {
  const set = new Set(accepted.map(normaliseCommandText));
  return Object.assign((text: string) => (set.has(normaliseCommandText(text)) ? {} : undefined), { phrases: accepted });
}

type Matcher = ((text: string) => object | undefined) & { readonly phrases?: readonly string[] };

/** A matcher trying each in turn: the first that matches gives the options. It keeps its parts' phrases, for the registration check and the understanding layer. */
export function either(...matchers: Matcher[]): Matcher & { readonly phrases: readonly string[] } {
  return Object.assign((text: string) => matchers.map((match) => match(text)).find((options) => options !== undefined), {
    phrases: matchers.flatMap((match) => match.phrases ?? []),
  });
}

/** The phrases a command is known to answer: its matcher's own (when made by `phrases`) and its help card's. */
export function knownPhrases(command: Command): string[] {
  const own = (command.match as { readonly phrases?: readonly string[] }).phrases ?? [];
  return [...own, ...(command.summary ? [command.summary.command, command.summary.example] : [])];
}

/**
 * Checks, when the bot starts, that the journeys can be told apart: every card verb has one
 * handler (a second with the same name would silently replace the first), and no phrase one
 * journey answers to is also taken by another journey (the first listed would win, quietly).
 * Throws with every clash found.
 */
export function checkRegistration(journeys: readonly Journey[]): void {
  const problems: string[] = [];
  const verbOwners = new Map<string, string>();
  for (const journey of journeys) {
    for (const { verb } of journey.verbs) {
      const owner = verbOwners.get(verb);
      if (owner !== undefined) problems.push(`the card verb "${verb}" is registered by ${owner} and again by ${journey.id}`);
      else verbOwners.set(verb, journey.id);
    }
  }
  const commands = journeys.flatMap((journey) => journey.commands.map((command) => ({ journey: journey.id, command })));
  for (const { journey, command } of commands) {
    for (const phrase of knownPhrases(command)) {
      for (const other of commands) {
        // Within a journey, a help card's phrase may be answered by a sibling command: the journey orders its own.
        if (other.journey === journey || !other.command.match(phrase)) continue;
        problems.push(`"${phrase}" (${journey}, ${command.dialogId}) is also taken by ${other.journey} (${other.command.dialogId})`);
      }
    }
  }
  if (problems.length > 0) throw new Error(`The journeys clash: ${problems.join('; ')}.`);
}

/** The card verbs by name; a second verb of the same name throws rather than replace the first. */
export function verbRegistry(verbs: readonly CardVerb[]): ReadonlyMap<string, CardVerb> {
  const registry = new Map<string, CardVerb>();
  for (const verb of verbs) {
    if (registry.has(verb.verb)) throw new Error(`The card verb "${verb.verb}" is registered twice.`);
    registry.set(verb.verb, verb);
  }
  return registry;
}

/** What every journey is built from; a journey's own deps add what it alone needs. */
export interface JourneyDeps {
  readonly store: Store;
  readonly now: () => Date;
  readonly logger: Logger;
}

/**
 * The one shape of a journey's context, made once by its `create…Context(deps)`: the deps it
 * was built from, plus the repositories and questions its dialogs, verbs and reminders share.
 */
export interface JourneyContext<Deps extends JourneyDeps> {
  readonly deps: Deps;
}
