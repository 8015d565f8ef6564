import { type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogContext, type DialogState, type DialogStateManagerConfiguration } from 'botbuilder-dialogs';
import { helpCard, type JourneySummary } from '../cards/conversationCards.js';
import type { ConversationKind } from '../domain/access/policy.js';
import { actorOf, conversationKindOf } from './actor.js';
import { checkRegistration, type Command, type Journey } from './journey.js';
import { cardActivity } from './cardActivity.js';
import { DIALOG_STATE_CONFIGURATION } from './botbuilderInternals.js';
import { ANSWER_KEY, suggestionCard } from '../cards/choiceCard.js';
import { Understanding, type SmallTalk } from './understanding.js';
import { askWithChoices } from './tapPrompts.js';
import { normaliseCommandText } from '../domain/text.js';

const HELP = new Set(['help', 'menu', 'what can you do', '?']);
const CANCEL = new Set(['cancel', 'stop', 'quit', 'exit', 'never mind', 'nevermind']);
const START_OVER = new Set(['start over', 'restart', 'start again']);
const SMALL_TALK_ANSWER: Record<SmallTalk, string> = {
  greeting: 'Hello! Here is what I can do: tap one, or just tell me.',
  thanks: 'You are welcome. Anything else? Tap one, or just tell me.',
};
const LEAVE_QUESTION = 'Leave this question';
const KEEP_ANSWER = 'That is my answer';
const LEAVE = new Set([normaliseCommandText(LEAVE_QUESTION), 'leave', 'leave it', 'yes', 'yes leave']);
const KEEP = new Set([normaliseCommandText(KEEP_ANSWER), 'my answer', 'answer', 'it is my answer', 'no', 'keep']);

/** A command typed while a question was open, held while the user says whether they meant it. */
interface Interruption {
  readonly text: string;
}

/** What a tap on a choice card sent (its Action.Submit data), read as if typed; undefined for a typed message. */
function tappedAnswer(context: TurnContext): string | undefined {
  const value = context.activity.value as Record<string, unknown> | undefined;
  const answer = value?.[ANSWER_KEY];
  return typeof answer === 'string' ? answer : undefined;
}

interface JourneyStart {
  readonly dialogId: string;
  readonly options: object;
}

/**
 * The main dialog: routes a message by its command words (or a card button's command) to a
 * journey, and keeps `help`, `cancel` and `start over` available inside every journey.
 */
export class ConversationRouter {
  readonly #dialogs: DialogSet;
  readonly #journeyStart: StatePropertyAccessor<JourneyStart | undefined>;
  readonly #interruption: StatePropertyAccessor<Interruption | undefined>;
  readonly #commands: readonly Command[];
  readonly #understanding: Understanding;
  /** Which journey started each dialog, to tell another journey's command from the current one's. */
  readonly #journeyOfDialog = new Map<string, string>();
  readonly #ownWords = new Map<string, (text: string) => boolean>();
  readonly #journeyOfCommand = new Map<Command, string>();
  #stateConfiguration: DialogStateManagerConfiguration | undefined;

  constructor(conversationState: ConversationState, journeys: readonly Journey[]) {
    checkRegistration(journeys);
    this.#dialogs = new DialogSet(conversationState.createProperty<DialogState>('dialogState'));
    this.#journeyStart = conversationState.createProperty<JourneyStart | undefined>('journeyStart');
    this.#interruption = conversationState.createProperty<Interruption | undefined>('interruption');
    for (const journey of journeys) {
      for (const dialog of journey.dialogs) this.#dialogs.add(dialog);
      for (const command of journey.commands) {
        this.#journeyOfDialog.set(command.dialogId, journey.id);
        this.#journeyOfCommand.set(command, journey.id);
      }
    }
    this.#commands = journeys.flatMap((journey) => journey.commands);
    for (const journey of journeys) if (journey.understandsWhileAsking) this.#ownWords.set(journey.id, journey.understandsWhileAsking);
    this.#understanding = new Understanding(journeys);
  }

  /** What the help card lists in this kind of conversation, to this person: only journeys that exist and they may use. */
  summariesFor(kind: ConversationKind, isSitAdmin = false): JourneySummary[] {
    return this.#commands
      .filter((command) => command.summary && command.scopes.includes(kind) && (isSitAdmin || !command.forSitAdmins))
      .map((command) => command.summary as JourneySummary);
  }

  async sendHelp(context: TurnContext, notice = ''): Promise<void> {
    const kind = conversationKindOf(context);
    const summaries = this.summariesFor(kind, actorOf(context).isSitAdmin);
    await context.sendActivity(cardActivity(helpCard(summaries, kind, notice)));
  }

  async route(context: TurnContext, typedText: string): Promise<void> {
    if (this.#stateConfiguration) context.turnState.set(DIALOG_STATE_CONFIGURATION, this.#stateConfiguration);
    const dialogContext = await this.#dialogs.createContext(context);
    this.#stateConfiguration ??= dialogContext.state.configuration;
    // A tapped choice is the typed answer: the prompts read activity.text, so it goes there.
    const tapped = tappedAnswer(context);
    if (tapped !== undefined) context.activity.text = tapped;
    const text = tapped ?? typedText;
    const words = normaliseCommandText(text);
    const inJourney = dialogContext.activeDialog !== undefined;

    const interruption = await this.#interruption.get(context);
    if (interruption) {
      await this.#interruption.delete(context);
      if (inJourney && LEAVE.has(words)) {
        await dialogContext.cancelAllDialogs();
        await this.#journeyStart.delete(context);
        await this.#startCommand(context, dialogContext, interruption.text);
        return;
      }
      if (inJourney && KEEP.has(words)) {
        context.activity.text = interruption.text;
        await this.#continue(context, dialogContext);
        return;
      }
      // Anything else is a message of its own, most likely the answer itself.
    }

    if (HELP.has(words)) {
      await this.sendHelp(context, inJourney ? 'We are still in the middle of something: answer the last question to carry on, or say "cancel".' : '');
      return;
    }
    if (CANCEL.has(words)) {
      if (inJourney) {
        await dialogContext.cancelAllDialogs();
        await this.#journeyStart.delete(context);
        await context.sendActivity('Cancelled. Anything you had already saved is kept. Say "help" to see what I can do.');
      } else {
        await context.sendActivity('There is nothing to cancel. Say "help" to see what I can do.');
      }
      return;
    }
    if (START_OVER.has(words)) {
      const start = await this.#journeyStart.get(context);
      await dialogContext.cancelAllDialogs();
      if (inJourney && start) {
        await context.sendActivity('Starting again from the beginning.');
        await dialogContext.beginDialog(start.dialogId, start.options);
      } else {
        await this.sendHelp(context);
      }
      return;
    }

    if (inJourney) {
      const other = tapped === undefined ? await this.#otherJourneysCommand(context, text) : undefined;
      if (other) {
        await this.#interruption.set(context, { text });
        const what = other.summary ? `go to “${other.summary.title}”` : `do “${text.trim()}”`;
        await askWithChoices(context, `Do you want to leave this question and ${what}, or is that your answer?`, [LEAVE_QUESTION, KEEP_ANSWER]);
        return;
      }
      await this.#continue(context, dialogContext);
      return;
    }

    if (await this.#startCommand(context, dialogContext, text)) return;

    await this.#answerUnmatched(context, text);
  }

  /** Words that start no command: small talk is answered, near misses get "did you mean", the rest the help card. */
  async #answerUnmatched(context: TurnContext, text: string): Promise<void> {
    const understood = this.#understanding.understand(text);
    if (understood.kind === 'smallTalk') {
      await this.sendHelp(context, SMALL_TALK_ANSWER[understood.smallTalk]);
      return;
    }
    if (understood.kind === 'suggestions') {
      const titles = understood.suggestions.map((suggestion) => `“${suggestion.title}”`).join(' or ');
      const card = suggestionCard(`Did you mean ${titles}?`, understood.suggestions.map((suggestion) => ({ title: suggestion.title, command: suggestion.phrase })));
      await context.sendActivity(cardActivity(card));
      return;
    }
    await this.sendHelp(context, normaliseCommandText(text).length > 0 ? 'Sorry, I did not understand that. Here is what I can do:' : '');
  }

  /** Ends the open chat question when it is the given journey's (a card saved its answer); another journey's question stays. */
  async closeQuestionOf(context: TurnContext, journeyId: string): Promise<void> {
    const start = await this.#journeyStart.get(context);
    if (!start || this.#journeyOfDialog.get(start.dialogId) !== journeyId) return;
    const dialogContext = await this.#dialogs.createContext(context);
    await dialogContext.cancelAllDialogs();
    await this.#journeyStart.delete(context);
    await this.#interruption.delete(context);
  }

  async #continue(context: TurnContext, dialogContext: DialogContext): Promise<void> {
    const result = await dialogContext.continueDialog();
    if (result.status === DialogTurnStatus.complete || result.status === DialogTurnStatus.cancelled) {
      await this.#journeyStart.delete(context);
    }
  }

  /** A command of a journey other than the one whose question is open, that this text starts. */
  async #otherJourneysCommand(context: TurnContext, text: string): Promise<Command | undefined> {
    const start = await this.#journeyStart.get(context);
    const current = start ? this.#journeyOfDialog.get(start.dialogId) : undefined;
    if (current !== undefined && this.#ownWords.get(current)?.(text)) return undefined;
    const kind = conversationKindOf(context);
    return this.#commands.find((command) => this.#journeyOfCommand.get(command) !== current && command.scopes.includes(kind) && command.match(text) !== undefined);
  }

  /** Starts the journey whose command the text is; false when it is no command. */
  async #startCommand(context: TurnContext, dialogContext: DialogContext, text: string): Promise<boolean> {
    const kind = conversationKindOf(context);
    for (const command of this.#commands) {
      const options = command.match(text);
      if (!options) continue;
      if (!command.scopes.includes(kind)) {
        await context.sendActivity(command.scopes.includes('personal') ? 'That is something to do in a personal chat with me: open a chat with me and ask there.' : 'That is something to do in your liaison group\'s chat: mention me there.');
        return true;
      }
      await this.#journeyStart.set(context, { dialogId: command.dialogId, options });
      const result = await dialogContext.beginDialog(command.dialogId, options);
      if (result.status === DialogTurnStatus.complete) await this.#journeyStart.delete(context);
      return true;
    }
    return false;
  }
}
