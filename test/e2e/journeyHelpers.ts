import { expect } from 'vitest';
import WebSocket from 'ws';
import { z } from 'zod';
import { startBotProcess, type BotProcess } from '../../devtools/botProcess.js';
import { startPlayground, type BotMessage, type InvokeResult, type Playground } from '../../devtools/playground.js';
import { approved } from '../../domain/directory/verification.js';
import { LowdbStore } from '../../storage/lowdbStore.js';
import { ProfileRepository } from '../../storage/profileRepository.js';
import { TempDirs } from '../support/tempDir.js';

/**
 * Reading the bot's side of a conversation in the Agents Playground, and pressing its cards'
 * buttons the way Teams does, for the end-to-end journey tests.
 */

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

type CardNode = Record<string, unknown>;

const isNode = (value: unknown): value is CardNode => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every text a card shows (text, titles, labels, fact values), one per line. */
export function cardText(card: unknown): string {
  const texts: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isNode(node)) {
      for (const [key, value] of Object.entries(node)) {
        if (['text', 'title', 'value', 'label', 'placeholder'].includes(key) && typeof value === 'string') texts.push(value);
        else visit(value);
      }
    }
  };
  visit(card);
  return texts.join('\n');
}

/** What a user reads in one message: its text and the text of every card in it. */
export function wordsOf(message: BotMessage): string {
  return [message.text ?? '', ...message.attachments.map((attachment) => cardText(attachment.content))].filter(Boolean).join('\n');
}

/** The adaptive card a message carries; fails when it has none. */
export function adaptiveCardOf(message: BotMessage): CardNode {
  const card = message.attachments.find((attachment) => attachment.contentType === ADAPTIVE_CARD)?.content;
  if (!isNode(card)) throw new Error(`The bot's message has no adaptive card: ${wordsOf(message)}`);
  return card;
}

/** The card an Action.Execute was answered with (it replaces the pressed card); fails on any other answer. */
export function answeredCard(answer: InvokeResult): CardNode {
  if (answer.statusCode !== 200 || answer.type !== ADAPTIVE_CARD || !isNode(answer.value)) {
    throw new Error(`Expected the bot to answer with a card, got ${answer.statusCode} ${answer.type}: ${JSON.stringify(answer.value)}`);
  }
  return answer.value;
}

/**
 * Reads the bot's messages in one conversation, in the order it sent them, until one says
 * `expected`; returns all it read. Fails after `timeoutMs`, listing what the bot did say.
 */
async function readUntil(playground: Playground, conversationId: string, expected: string, { timeoutMs = 10_000 } = {}): Promise<BotMessage[]> {
  const deadline = Date.now() + timeoutMs;
  const read: BotMessage[] = [];
  for (;;) {
    const left = deadline - Date.now();
    let message: BotMessage;
    try {
      if (left <= 0) throw new Error(`Out of time after ${timeoutMs} ms.`);
      message = await playground.nextBotMessage((candidate) => candidate.conversationId === conversationId, { timeoutMs: left });
    } catch (error) {
      const transcript = read.map((earlier) => `  > ${wordsOf(earlier).replace(/\n/g, ' | ')}`).join('\n') || '  (nothing)';
      throw new Error(`The bot did not say "${expected}". It said:\n${transcript}\n${(error as Error).message}`, { cause: error });
    }
    read.push(message);
    if (wordsOf(message).includes(expected)) return read;
  }
}

/** The one message among those read that says `words`; fails when none does. */
export function messageSaying(messages: readonly BotMessage[], words: string): BotMessage {
  const found = messages.find((message) => wordsOf(message).includes(words));
  if (!found) throw new Error(`None of the bot's messages says "${words}". They say:\n${messages.map(wordsOf).join('\n---\n')}`);
  return found;
}

/** The words of several messages, as one text. */
export const said = (messages: readonly BotMessage[]): string => messages.map(wordsOf).join('\n');

const FinishedExchangeSchema = z.object({
  log: z.object({
    conversationId: z.string(),
    activityName: z.string(),
    from: z.string(),
    to: z.string(),
    response: z.object({ statusCode: z.number() }),
  }),
});

interface Waiter {
  readonly conversationId: string;
  readonly resolve: (statusCode: number) => void;
}

/**
 * When the bot has finished each turn. The bot sends its replies before it saves the
 * conversation's state, so a message typed as soon as the reply shows can be read against the
 * state before it; the playground logs the bot's HTTP answer, which comes once the turn is over.
 */
export class BotTurns {
  readonly #finished: { conversationId: string; statusCode: number }[] = [];
  readonly #waiters = new Set<Waiter>();
  readonly #socket: WebSocket;

  private constructor(socket: WebSocket) {
    this.#socket = socket;
    socket.on('message', (raw) => {
      let data: unknown;
      try {
        data = JSON.parse(String(raw));
      } catch {
        return;
      }
      const log = FinishedExchangeSchema.safeParse(data).data?.log;
      if (!log || log.activityName !== 'message' || log.to !== 'User Application') return;
      const waiter = [...this.#waiters].find((candidate) => candidate.conversationId === log.conversationId);
      if (!waiter) {
        this.#finished.push({ conversationId: log.conversationId, statusCode: log.response.statusCode });
        return;
      }
      this.#waiters.delete(waiter);
      waiter.resolve(log.response.statusCode);
    });
  }

  /** Listens to the playground's log of exchanges with the bot. */
  static open(playground: Playground): Promise<BotTurns> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`ws://127.0.0.1:${playground.port}/_ws/log/stream`);
      const timer = setTimeout(() => {
        socket.terminate();
        reject(new Error("Could not open the playground's log stream in time"));
      }, 10_000);
      socket.once('open', () => {
        clearTimeout(timer);
        resolve(new BotTurns(socket));
      });
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  /** The HTTP status the bot answered the next message in the conversation with, once it has. */
  nextFinished(conversationId: string, timeoutMs = 10_000): Promise<number> {
    const index = this.#finished.findIndex((turn) => turn.conversationId === conversationId);
    if (index >= 0) return Promise.resolve(this.#finished.splice(index, 1)[0]!.statusCode);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(new Error(`The bot did not finish its turn in ${conversationId} within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = {
        conversationId,
        resolve: (statusCode) => {
          clearTimeout(timer);
          resolve(statusCode);
        },
      };
      this.#waiters.add(waiter);
    });
  }

  close(): void {
    this.#socket.terminate();
  }
}

/**
 * Types a message as the playground's user, reads the bot's answer up to the words expected,
 * and waits for the bot to finish the turn; returns the messages read.
 */
export async function sayAndRead(
  playground: Playground,
  turns: BotTurns,
  conversationId: string,
  text: string,
  expected: string,
  { mentionBot = false, timeoutMs = 10_000 }: { readonly mentionBot?: boolean; readonly timeoutMs?: number } = {},
): Promise<BotMessage[]> {
  const finished = turns.nextFinished(conversationId, timeoutMs);
  // Awaited below; this only keeps a send that throws from leaving it unhandled.
  finished.catch(() => undefined);
  await playground.send(conversationId, text, { mentionBot });
  const [read, statusCode] = await Promise.all([readUntil(playground, conversationId, expected, { timeoutMs }), finished]);
  if (statusCode >= 300) throw new Error(`The bot answered "${text}" with HTTP ${statusCode}`);
  return read;
}

interface Found {
  readonly action: CardNode;
  /** The cards from the outermost to the one holding the action (a ShowCard's card is nested). */
  readonly cards: readonly CardNode[];
}

function findAction(card: CardNode, title: string, parents: readonly CardNode[] = []): Found | undefined {
  const cards = [...parents, card];
  // The card's own buttons, then those of ActionSets in its body (a ShowCard's card is searched by recursion).
  const inBody: CardNode[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isNode(node)) {
      if (node.type === 'ActionSet' && Array.isArray(node.actions)) inBody.push(...(node.actions as unknown[]).filter(isNode));
      for (const [key, value] of Object.entries(node)) if (key !== 'fallback' && key !== 'actions') visit(value);
    }
  };
  visit(card.body);
  const actions = [...(Array.isArray(card.actions) ? (card.actions as unknown[]).filter(isNode) : []), ...inBody];
  for (const action of actions) {
    if (action.type === 'Action.Execute' && action.title === title) return { action, cards };
    if (action.type === 'Action.ShowCard' && isNode(action.card)) {
      const inner = findAction(action.card, title, cards);
      if (inner) return inner;
    }
  }
  return undefined;
}

/**
 * The inputs in a card's body with the values they show; an element's fallback is not shown, so
 * skipped, and so are the inputs inside a ShowCard's card, which a button outside it does not send
 * (the official renderer gathers `getAllInputs(false)` up the chain of parents).
 */
function inputValues(card: CardNode): Record<string, string> {
  const values: Record<string, string> = {};
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isNode(node)) {
      if (typeof node.type === 'string' && node.type.startsWith('Input.') && typeof node.id === 'string') values[node.id] = String(node.value ?? '');
      for (const [key, value] of Object.entries(node)) if (key !== 'fallback' && !(node.type === 'Action.ShowCard' && key === 'card')) visit(value);
    }
  };
  visit(card.body);
  return values;
}

/**
 * What Teams sends when the user presses the Action.Execute titled `title` after typing `typed`
 * into the card: the action's verb, its data, and the values of the inputs the button can see
 * (those of its own card and of the cards around it).
 */
export function press(card: CardNode, title: string, typed: Readonly<Record<string, string>> = {}): { verb: string; data: Record<string, unknown> } {
  const found = findAction(card, title);
  if (!found || typeof found.action.verb !== 'string') throw new Error(`The card has no "${title}" button. It says:\n${cardText(card)}`);
  const inputs = Object.assign({}, ...found.cards.map(inputValues)) as Record<string, string>;
  const unknown = Object.keys(typed).filter((id) => !(id in inputs));
  if (unknown.length > 0) throw new Error(`The "${title}" button cannot see inputs ${unknown.join(', ')}; it sees ${Object.keys(inputs).join(', ')}`);
  return { verb: found.action.verb, data: { ...(isNode(found.action.data) ? found.action.data : {}), ...inputs, ...typed } };
}

/** Presses a button on a card the bot sent (or answered an earlier press with), as the playground's user. */
export function pressOn(playground: Playground, conversationId: string, cardMessageId: string, card: CardNode, title: string, typed: Readonly<Record<string, string>> = {}): Promise<InvokeResult> {
  const { verb, data } = press(card, title, typed);
  return playground.invoke(conversationId, { cardMessageId, verb, data, title });
}

/**
 * The real bot process (authentication off, the demo directory, a data folder of its own) and the
 * Agents Playground pointed at it, for one test file's journeys; the bot can be restarted on the
 * same port, as after a crash or a release.
 */
export class PlaygroundSession {
  readonly #dirs = new TempDirs();
  #dataDir = '';
  bot!: BotProcess;
  playground!: Playground;
  turns!: BotTurns;

  async start(label: string): Promise<void> {
    this.#dataDir = await this.#dirs.make(label);
    this.bot = await this.#startBot();
    this.playground = await startPlayground({ botEndpoint: `${this.bot.url}/api/messages` });
    this.turns = await BotTurns.open(this.playground);
  }

  #startBot(port = 0): Promise<BotProcess> {
    return startBotProcess({ BOT_AUTH: 'off', DATA_DIR: this.#dataDir, SCHEDULER_INTERVAL_SECONDS: '0', PORT: String(port) });
  }

  /** Stops the bot (it must exit cleanly) and starts it again on the same port over the same data. */
  async restartBot(between?: (dataDir: string) => Promise<void>): Promise<void> {
    const { port } = this.bot;
    expect(await this.bot.stop('SIGTERM')).toBe(0);
    await between?.(this.#dataDir);
    this.bot = await this.#startBot(port);
    expect(this.bot.port).toBe(port);
  }

  /**
   * The School Improvement Team approves the playground user's claim to a school role. The
   * Playground speaks as its one user only, so the approval (tested as a conversation in
   * test/dialogs/directory/roles.test.ts) is written as the SIT's button would write it, with the
   * bot stopped (it holds its data folder).
   */
  approveClaimAsTheSit(): Promise<void> {
    const userId = this.playground.config().currentUser.aadObjectId;
    return this.restartBot(async (dataDir) => {
      const store = new LowdbStore(dataDir);
      try {
        const profiles = new ProfileRepository(store);
        await profiles.update(userId, (current) => (current?.kind === 'school' ? approved(current, 'aad-sit-e2e', new Date()) : undefined));
        expect(await profiles.get(userId)).toMatchObject({ verification: { status: 'verified' } });
      } finally {
        await store.close();
      }
    });
  }

  /** Says something in the personal chat and reads the answer up to the words expected. */
  personal(text: string, expected: string): Promise<BotMessage[]> {
    return sayAndRead(this.playground, this.turns, this.playground.config().personalChatId, text, expected);
  }

  /** What the bot logged at error level or worse: a journey that works logs none. */
  loggedErrors(): Record<string, unknown>[] {
    return this.bot.logs.filter((entry) => typeof entry.level === 'number' && entry.level >= 50);
  }

  async stop(): Promise<void> {
    this.turns?.close();
    await this.playground?.stop();
    await this.bot?.stop();
    await this.#dirs.removeAll();
  }
}
