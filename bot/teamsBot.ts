import { TeamsActivityHandler, TurnContext, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type ConversationState, type SearchInvokeResponse, type SearchInvokeValue } from 'botbuilder';
import { welcomeCard } from '../cards/conversationCards.js';
import { verbRegistry, type CardVerb, type CardVerbResult } from '../dialogs/journey.js';
import type { ConversationRouter } from '../dialogs/router.js';
import { KeyedLock } from '../lib/keyedLock.js';
import { conversationKeyOf, conversationKindOf, resolveActor, setActor, type ActorSources } from '../dialogs/actor.js';
import type { ConversationReferences } from './conversationReferences.js';
import type { SearchDataset } from './journeys.js';
import type { Logger } from './logger.js';
import { cardActivity } from '../dialogs/cardActivity.js';
import { isConflict } from '../storage/store.js';

export interface TeamsBotParts {
  readonly conversationState: ConversationState;
  readonly router: ConversationRouter;
  readonly verbs: readonly CardVerb[];
  readonly search: Readonly<Record<string, SearchDataset>>;
  readonly actorSources: ActorSources;
  readonly sitAdminIds: readonly string[];
  readonly references: ConversationReferences;
  readonly logger: Logger;
  readonly now: () => Date;
}

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';
const ERROR = 'application/vnd.microsoft.error';

/**
 * The longest message the bot reads, in UTF-16 code units (JavaScript string length). Teams
 * itself stops a message at about 28 KB of text, and no answer the bot asks for comes near it;
 * a longer one did not come from the Teams client, and is answered without being read.
 */
export const MAX_MESSAGE_LENGTH = 28_000;

export const MESSAGE_TOO_LONG = `Sorry, that message is too long for me to read (over ${MAX_MESSAGE_LENGTH.toLocaleString('en-GB')} characters). Please send something shorter.`;

/** Said when another instance took a turn of this conversation while this one ran. */
export const TURN_TAKEN_ELSEWHERE =
  'That arrived at the same moment as another message in this chat, which I answered first, so I have not saved where that one left us. Please look at my latest question and answer it again.';

export const UNKNOWN_BUTTON = 'That button is no longer recognised: the card may be out of date. Say "help" to start again.';

function isMentioned(context: TurnContext): boolean {
  const recipientId = context.activity.recipient?.id;
  return (context.activity.entities ?? []).some(
    (entity) => entity.type === 'mention' && (entity as { mentioned?: { id?: string } }).mentioned?.id === recipientId,
  );
}

/** The Teams-facing shell: hands messages to the router and card buttons to their verbs. */
export class SchoolImprovementBot extends TeamsActivityHandler {
  readonly #parts: TeamsBotParts;
  readonly #verbs: ReadonlyMap<string, CardVerb>;
  /** A Map, not the plain object: a dataset named `__proto__` or `toString` must find nothing. */
  readonly #search: Map<string, SearchDataset>;
  readonly #turns = new KeyedLock();

  constructor(parts: TeamsBotParts) {
    super();
    this.#parts = parts;
    this.#verbs = verbRegistry(parts.verbs);
    this.#search = new Map(Object.entries(parts.search));

    this.onMessage(async (context, next) => {
      await this.#onMessage(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botWasAdded = (context.activity.membersAdded ?? []).some((member) => member.id === context.activity.recipient?.id);
      if (botWasAdded) {
        await this.#parts.references.remember(context, this.#parts.now());
        const kind = conversationKindOf(context);
        await context.sendActivity(cardActivity(welcomeCard(this.#parts.router.summariesFor(kind), kind)));
      }
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      await this.#parts.references.remember(context, this.#parts.now());
      await next();
    });
  }

  /**
   * Turns in one conversation run one after another in this process: botbuilder sends a turn's
   * replies before it saves the conversation's state, so an answer typed the moment a question
   * shows could otherwise be read against the state before that question. Across instances the
   * state is saved only if no other instance saved it since this turn read it; when one did,
   * its turn stands, this turn's place in the conversation is not saved, and the person is told.
   * (Running the turn again would send its replies twice.)
   */
  override async run(context: TurnContext): Promise<void> {
    await this.#turns.run(conversationKeyOf(context.activity.conversation?.id ?? ''), async () => {
      await super.run(context);
      try {
        await this.#parts.conversationState.saveChanges(context, false);
      } catch (error) {
        if (!isConflict(error)) throw error;
        this.#parts.logger.info({ activityId: context.activity.id }, 'another instance took a turn of this conversation at the same moment');
        await context.sendActivity(TURN_TAKEN_ELSEWHERE);
      }
    });
  }

  async #onMessage(context: TurnContext): Promise<void> {
    const value = context.activity.value as Record<string, unknown> | undefined;
    const kind = conversationKindOf(context);
    // A card button pressed in a group chat carries no mention; typed words must mention the bot.
    if (kind !== 'personal' && !value && !isMentioned(context)) return;
    const typed = typeof value?.command === 'string' ? value.command : (context.activity.text ?? '');
    // Before anything reads the words (commands, answers), so no work grows with a message's length.
    if (typed.length > MAX_MESSAGE_LENGTH) {
      this.#parts.logger.info({ length: typed.length }, 'answered a message too long to read');
      await context.sendActivity(MESSAGE_TOO_LONG);
      return;
    }
    if (kind !== 'personal') TurnContext.removeRecipientMention(context.activity);
    const actor = await resolveActor(context, this.#parts.actorSources, this.#parts.sitAdminIds);
    setActor(context, actor);
    await this.#parts.references.remember(context, this.#parts.now());

    if (value && typeof value.verb === 'string') {
      await this.#replyToSubmittedVerb(context, value.verb, value);
      return;
    }
    const command = value && typeof value.command === 'string' ? value.command : undefined;
    await this.#parts.router.route(context, command ?? context.activity.text ?? '');
  }

  /** Action.Submit, the fallback for clients without Action.Execute: the same verbs, answered by a message. */
  async #replyToSubmittedVerb(context: TurnContext, verbName: string, value: Record<string, unknown>): Promise<void> {
    const result = await this.#runVerb(context, verbName, value);
    if (result.kind === 'card') {
      await context.sendActivity(cardActivity(result.card));
    } else {
      await context.sendActivity(result.text);
    }
  }

  async #runVerb(context: TurnContext, verbName: string, data: unknown): Promise<CardVerbResult> {
    const verb = this.#verbs.get(verbName);
    if (!verb) return { kind: 'refused', text: UNKNOWN_BUTTON };
    const parsed = verb.data.safeParse(data);
    if (!parsed.success) {
      this.#parts.logger.info({ verb: verbName, issues: parsed.error.issues.length }, 'refused card data that does not parse');
      return { kind: 'refused', text: 'Some of what the card sent is not valid. Please open the card again and retry.' };
    }
    const actor = await resolveActor(context, this.#parts.actorSources, this.#parts.sitAdminIds);
    setActor(context, actor);
    const result = await verb.handle(context, parsed.data, actor);
    // A section saved on its card answers the question the chat had open on it: leaving it open would take the next message as that answer.
    if (result.kind === 'card' && result.answers !== undefined) await this.#parts.router.closeQuestionOf(context, result.answers);
    return result;
  }

  /** Teams' type-ahead in a card's choice set: the dataset names what to search. */
  protected override async onSearchInvoke(context: TurnContext, invokeValue: SearchInvokeValue): Promise<SearchInvokeResponse> {
    const dataset = typeof invokeValue?.dataset === 'string' ? this.#search.get(invokeValue.dataset) : undefined;
    const query = typeof invokeValue?.queryText === 'string' ? invokeValue.queryText.slice(0, 200) : '';
    if (!dataset) return { statusCode: 400, type: ERROR, value: { code: 'BadRequest', message: 'There is nothing to search here.' } as never };
    const actor = await resolveActor(context, this.#parts.actorSources, this.#parts.sitAdminIds);
    const top = Math.min(Math.max(Number(invokeValue.queryOptions?.top) || 15, 1), 50);
    const results = query.trim().length === 0 ? [] : await dataset(query, top, actor);
    return { statusCode: 200, type: 'application/vnd.microsoft.search.searchResponse', value: { results } as never };
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    await this.#parts.references.remember(context, this.#parts.now());
    const action = invokeValue?.action;
    if (!action || action.type !== 'Action.Execute' || typeof action.verb !== 'string') {
      return { statusCode: 400, type: ERROR, value: { code: 'BadRequest', message: UNKNOWN_BUTTON } as never };
    }
    const result = await this.#runVerb(context, action.verb, action.data ?? {});
    switch (result.kind) {
      case 'card':
        return { statusCode: 200, type: CARD, value: result.card };
      case 'message':
        return { statusCode: 200, type: MESSAGE, value: result.text as never };
      case 'refused':
        return { statusCode: 400, type: ERROR, value: { code: 'BadRequest', message: result.text } as never };
    }
  }
}
