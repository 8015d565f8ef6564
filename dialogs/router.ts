import { type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState, type DialogStateManagerConfiguration } from 'botbuilder-dialogs';
import { helpCard, type JourneySummary } from '../cards/conversationCards.js';
import type { ConversationKind } from '../domain/access/policy.js';
import { actorOf, conversationKindOf } from './actor.js';
import { checkRegistration, normaliseCommandText, type Command, type Journey } from './journey.js';
import { cardActivity } from './cardActivity.js';
import { DIALOG_STATE_CONFIGURATION } from './botbuilderInternals.js';

const HELP = new Set(['help', 'menu', 'what can you do', '?']);
const CANCEL = new Set(['cancel', 'stop', 'quit', 'exit', 'never mind', 'nevermind']);
const START_OVER = new Set(['start over', 'restart', 'start again']);

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
  readonly #commands: readonly Command[];
  #stateConfiguration: DialogStateManagerConfiguration | undefined;

  constructor(conversationState: ConversationState, journeys: readonly Journey[]) {
    checkRegistration(journeys);
    this.#dialogs = new DialogSet(conversationState.createProperty<DialogState>('dialogState'));
    this.#journeyStart = conversationState.createProperty<JourneyStart | undefined>('journeyStart');
    for (const journey of journeys) for (const dialog of journey.dialogs) this.#dialogs.add(dialog);
    this.#commands = journeys.flatMap((journey) => journey.commands);
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

  async route(context: TurnContext, text: string): Promise<void> {
    if (this.#stateConfiguration) context.turnState.set(DIALOG_STATE_CONFIGURATION, this.#stateConfiguration);
    const dialogContext = await this.#dialogs.createContext(context);
    this.#stateConfiguration ??= dialogContext.state.configuration;
    const words = normaliseCommandText(text);
    const inJourney = dialogContext.activeDialog !== undefined;

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
      const result = await dialogContext.continueDialog();
      if (result.status === DialogTurnStatus.complete || result.status === DialogTurnStatus.cancelled) {
        await this.#journeyStart.delete(context);
      }
      return;
    }

    const kind = conversationKindOf(context);
    for (const command of this.#commands) {
      const options = command.match(text);
      if (!options) continue;
      if (!command.scopes.includes(kind)) {
        await context.sendActivity(command.scopes.includes('personal') ? 'That is something to do in a personal chat with me: open a chat with me and ask there.' : 'That is something to do in your liaison group\'s chat: mention me there.');
        return;
      }
      await this.#journeyStart.set(context, { dialogId: command.dialogId, options });
      const result = await dialogContext.beginDialog(command.dialogId, options);
      if (result.status === DialogTurnStatus.complete) await this.#journeyStart.delete(context);
      return;
    }

    await this.sendHelp(context, words.length > 0 ? 'Sorry, I did not understand that. Here is what I can do:' : '');
  }
}
