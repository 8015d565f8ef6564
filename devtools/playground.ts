import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { z } from 'zod';

/**
 * Microsoft 365 Agents Playground as a Teams client for the bot, offline and on loopback.
 * What its undocumented API does is written up in docs/agents-playground.md.
 */

const PLAYGROUND_CLI = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');

/**
 * The playground's telemetry library starts even with --disable-telemetry: it would ask the
 * Azure instance-metadata address (169.254.169.254) where it runs and post heartbeats to Azure.
 * These settings keep it from dialling anything.
 */
const TELEMETRY_OFF = {
  APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
  APPLICATIONINSIGHTS_CONFIGURATION_CONTENT: JSON.stringify({
    disableAppInsights: true,
    disableStatsbeat: true,
    enableAutoCollectHeartbeat: false,
    enableAutoCollectPreAggregatedMetrics: false,
    enableAutoCollectPerformance: false,
    enableAutoCollectDependencies: false,
    enableAutoCollectRequests: false,
  }),
};

/**
 * Loaded into a child before its own code: when our end of its stdin closes (we stopped, or died
 * without cleaning up) the child exits, so no playground or bot outlives the process that started it.
 */
export const EXIT_WITH_PARENT = '--import=data:text/javascript,process.stdin.on("end",()=>process.exit(0)).resume()';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface PlaygroundLaunchOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages; loopback only. */
  readonly botEndpoint: string;
  /** The port to ask for; 0 (the default) takes any free one. A busy port makes the playground pick another. */
  readonly port?: number;
  readonly startTimeoutMs?: number;
}

export interface PlaygroundProcess {
  readonly port: number;
  /** The page to open in a browser. */
  readonly url: string;
  /** The playground's own log (it writes nothing else once it is running). */
  readonly logFile: string;
  /** Resolves with the exit code when the process ends, whoever ended it. */
  readonly exited: Promise<number | null>;
  /** Stops the process and everything it started; resolves once it is gone. */
  stop(): Promise<void>;
}

/** Starts the playground pointed at a bot, without a browser, and resolves once it answers. */
export async function launchPlayground({ botEndpoint, port = 0, startTimeoutMs = 30_000 }: PlaygroundLaunchOptions): Promise<PlaygroundProcess> {
  const endpoint = new URL(botEndpoint);
  if (!LOOPBACK_HOSTS.has(endpoint.hostname) && !endpoint.hostname.startsWith('127.')) {
    throw new Error(`The playground is only pointed at a bot on this machine; ${botEndpoint} is not a loopback address`);
  }
  const workDir = await mkdtemp(path.join(tmpdir(), 'agents-playground-'));
  const logFile = path.join(workDir, 'playground.log');
  const child = spawn(
    process.execPath,
    [EXIT_WITH_PARENT, PLAYGROUND_CLI, 'start', '--app-endpoint', botEndpoint, '--port', String(port), '--channel-id', 'msteams', '--disable-telemetry'],
    {
      // The playground reads .m365agentsplayground.yml from, and writes devTools/ into, its working folder.
      cwd: workDir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        ...(process.env.TZ ? { TZ: process.env.TZ } : {}),
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
        ...TELEMETRY_OFF,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= stopProcessGroup(child, exited).finally(() => rm(workDir, { recursive: true, force: true }));
    return stopping;
  };

  try {
    const actualPort = await waitForListeningLine(child, exited, logFile, startTimeoutMs);
    await waitForPing(`http://127.0.0.1:${actualPort}`, startTimeoutMs);
    return { port: actualPort, url: `http://localhost:${actualPort}`, logFile, exited, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** SIGTERM to the whole process group, SIGKILL if it has not gone within a few seconds. */
export async function stopProcessGroup(child: ChildProcess, exited: Promise<number | null>, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // The group has already gone.
    }
  };
  signalGroup('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const gone = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)))]);
  clearTimeout(timer);
  if (!gone) {
    signalGroup('SIGKILL');
    await exited;
  }
}

/** When stdout is not a terminal the playground writes exactly one line there: `Listening on <port>`. */
function waitForListeningLine(child: ChildProcess, exited: Promise<number | null>, logFile: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
    const timer = setTimeout(() => reject(new Error(`The playground did not report its port within ${timeoutMs} ms`)), timeoutMs);
    void exited.then(async (code) => {
      clearTimeout(timer);
      reject(new Error(`The playground exited with ${code} before listening.\n${stderr}${await tail(logFile)}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^Listening on (\d+)$/.exec(line.trim());
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
  });
}

async function waitForPing(baseUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${baseUrl}/_debug/ping`, { signal: AbortSignal.timeout(2_000) }).catch(() => undefined);
    if (response?.ok) return;
    if (Date.now() > deadline) throw new Error(`The playground at ${baseUrl} did not answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function tail(file: string, lines = 30): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text ? `Last lines of ${file}:\n${text.trimEnd().split('\n').slice(-lines).join('\n')}` : '';
}

const UserSchema = z.object({ id: z.string(), name: z.string(), aadObjectId: z.string(), email: z.string().optional() });

const ConfigResponseSchema = z.object({
  config: z.object({
    tenantId: z.string(),
    bot: z.object({ id: z.string(), name: z.string() }),
    currentUser: UserSchema,
    users: z.array(UserSchema),
    personalChat: z.object({ id: z.string() }),
    groupChats: z.array(z.object({ id: z.string(), name: z.string(), members: z.array(z.string()) })).min(1),
    teams: z.array(z.object({ id: z.string(), name: z.string(), aadGroupId: z.string(), channels: z.array(z.object({ id: z.string(), name: z.string() })) })).min(1),
  }),
});

export type PlaygroundUser = z.infer<typeof UserSchema>;

export interface PlaygroundConfig {
  readonly tenantId: string;
  readonly bot: { readonly id: string; readonly name: string };
  /** Who the playground's user is: every message typed in the playground comes from this user. */
  readonly currentUser: PlaygroundUser;
  /** The other people in the group chat and the team. */
  readonly users: readonly PlaygroundUser[];
  /** The conversation between the current user and the bot. */
  readonly personalChatId: string;
  readonly groupChat: { readonly id: string; readonly name: string; readonly memberIds: readonly string[] };
  /** The team's channels; the General channel's id is the team's id. */
  readonly team: { readonly id: string; readonly name: string; readonly aadGroupId: string; readonly channels: readonly { readonly id: string; readonly name: string }[] };
}

export interface SendOptions {
  /** Someone other than the current user: only in the group chat, where it is sent as a mocked activity. */
  readonly fromUserId?: string;
  /** Starts the text with an @mention of the bot, as Teams needs in a group chat or channel. */
  readonly mentionBot?: boolean;
}

export interface SentMessage {
  readonly messageId: string;
  /** Where the bot's replies go: for a channel post, the thread it started (`<channel>;messageid=<id>`). */
  readonly conversationId: string;
}

export interface CardAction {
  /** The id of the bot's message that holds the card (a {@link BotMessage}'s messageId). */
  readonly cardMessageId: string;
  readonly verb: string;
  readonly data?: Record<string, unknown>;
  readonly title?: string;
}

/** What the bot answered to Action.Execute, as Teams would read it. */
export interface InvokeResult {
  /** The HTTP status the bot answered with (botbuilder makes it the body's statusCode). */
  readonly statusCode: number;
  readonly type: string;
  readonly value: unknown;
}

export interface BotMessage {
  /** `updated` when the bot edited a message it had sent. */
  readonly kind: 'created' | 'updated';
  /** The conversation the message is in; in a channel, the thread's id. */
  readonly conversationId: string;
  readonly messageId: string;
  readonly text?: string;
  readonly attachments: readonly { readonly contentType: string; readonly content: unknown }[];
}

export interface Playground extends PlaygroundProcess {
  config(): PlaygroundConfig;
  send(conversationId: string, text: string, options?: SendOptions): Promise<SentMessage>;
  /** Presses an Action.Execute button on a card the bot sent, as the given user (the current user by default). */
  invoke(conversationId: string, action: CardAction, options?: { readonly fromUserId?: string }): Promise<InvokeResult>;
  /**
   * Presses an Action.Submit button on a card the bot sent: the playground sends the bot a message
   * carrying `value` (the button's data and the card's inputs) and the card's message id as `replyToId`.
   */
  submit(conversationId: string, submitted: { readonly cardMessageId: string; readonly value: Record<string, unknown> }, options?: { readonly fromUserId?: string }): Promise<void>;
  /** What the playground does when a conversation is first opened: installationUpdate, then conversationUpdate adding the bot. */
  install(conversationId: string): Promise<void>;
  /**
   * The first message from the bot, not yet taken, that matches; waits for one up to timeoutMs
   * (10 s by default). Messages that do not match stay queued for later calls.
   */
  nextBotMessage(predicate?: (message: BotMessage) => boolean, options?: { readonly timeoutMs?: number }): Promise<BotMessage>;
}

const SendResponseSchema = z.object({ messageId: z.string(), postConversationId: z.string().optional() });
const InvokeResponseSchema = z.object({ type: z.string(), value: z.unknown() });
/** How the playground reports a bot that answered an invoke with an HTTP error status. */
const InvokeRefusalSchema = z.object({
  code: z.literal('UserBotError'),
  innerHttpError: z.object({ statusCode: z.number(), body: InvokeResponseSchema }),
});

const StreamEventSchema = z.object({
  action: z.string(),
  actionConversationId: z.string(),
  message: z
    .object({
      messageId: z.string(),
      text: z.string().optional(),
      attachments: z.array(z.object({ contentType: z.string(), content: z.unknown() })).default([]),
      postConversationId: z.string().optional(),
    })
    .optional(),
});

const LogEventSchema = z.object({
  log: z
    .object({
      from: z.string().optional(),
      to: z.string().optional(),
      activityName: z.string().optional(),
      displayText: z.string().optional(),
      response: z.object({ statusCode: z.number().optional() }).optional(),
    })
    .optional(),
});

const REQUEST_TIMEOUT_MS = 15_000;
const RECENT_LOG_LINES = 40;

/**
 * Starts the playground against the bot and connects to its streams. Bot messages are queued
 * from the moment it starts, so none is missed between a send and the wait for the reply.
 */
export async function startPlayground(options: PlaygroundLaunchOptions): Promise<Playground> {
  const launched = await launchPlayground(options);
  const base = `http://127.0.0.1:${launched.port}`;
  const queue = new BotMessageQueue();
  const recentLog: string[] = [];
  const sockets: WebSocket[] = [];
  try {
    sockets.push(
      await openStream(`ws://127.0.0.1:${launched.port}/_ws_conversation/v1/conversations/stream`, (data) => {
        const event = StreamEventSchema.safeParse(data);
        if (!event.success || !event.data.message) return;
        const { action, actionConversationId, message } = event.data;
        if (action !== 'createMessage' && action !== 'updateMessage') return;
        queue.push({
          kind: action === 'createMessage' ? 'created' : 'updated',
          conversationId: message.postConversationId ?? actionConversationId,
          messageId: message.messageId,
          ...(message.text === undefined ? {} : { text: message.text }),
          attachments: message.attachments,
        });
      }),
      await openStream(`ws://127.0.0.1:${launched.port}/_ws/log/stream`, (data) => {
        const log = LogEventSchema.safeParse(data).data?.log;
        if (!log) return;
        const route = log.from && log.to ? `${log.from} -> ${log.to} ` : '';
        const status = log.response?.statusCode === undefined ? '' : ` [${log.response.statusCode}]`;
        recentLog.push(`${route}${log.activityName ?? ''}${status} ${log.displayText ?? ''}`.trim());
        recentLog.splice(0, recentLog.length - RECENT_LOG_LINES);
      }),
    );
    const config = await loadConfig(base);
    queue.diagnostics = () => (recentLog.length > 0 ? `Recent playground log:\n  ${recentLog.join('\n  ')}` : 'The playground logged nothing.');
    void launched.exited.then((code) => queue.close(`The playground exited (code ${code})`));

    const stop = async () => {
      queue.close('The playground was stopped');
      for (const socket of sockets) socket.terminate();
      await launched.stop();
    };

    return {
      ...launched,
      stop,
      config: () => config,
      send: (conversationId, text, sendOptions = {}) => sendMessage(base, config, conversationId, text, sendOptions),
      invoke: (conversationId, action, { fromUserId = config.currentUser.id } = {}) =>
        invokeAction(base, {
          name: 'adaptiveCard/action',
          // Teams adds trigger: manual to a button press; the playground's own page leaves it out.
          value: { action: { type: 'Action.Execute', title: action.title ?? action.verb, verb: action.verb, data: action.data ?? {} }, trigger: 'manual' },
          from: { id: fromUserId },
          conversation: { id: conversationId },
          replyToId: action.cardMessageId,
        }),
      submit: async (conversationId, submitted, { fromUserId = config.currentUser.id } = {}) => {
        await postJson(base, '/_conversation/v1/submit', {
          conversation: { id: conversationId },
          from: { id: fromUserId },
          replyToId: submitted.cardMessageId,
          value: submitted.value,
        });
      },
      install: async (conversationId) => {
        await postJson(base, `/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {});
      },
      nextBotMessage: (predicate = () => true, { timeoutMs = 10_000 } = {}) => queue.take(predicate, timeoutMs),
    };
  } catch (error) {
    for (const socket of sockets) socket.terminate();
    await launched.stop();
    throw error;
  }
}

async function loadConfig(base: string): Promise<PlaygroundConfig> {
  // testConfig, unlike config, answers at once instead of first waiting up to 15 s for the bot.
  const response = await fetch(`${base}/_internal/v1/testConfig`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const { config } = ConfigResponseSchema.parse(await response.json());
  const groupChat = config.groupChats[0]!;
  const team = config.teams[0]!;
  return {
    tenantId: config.tenantId,
    bot: config.bot,
    currentUser: config.currentUser,
    users: config.users,
    personalChatId: config.personalChat.id,
    groupChat: { id: groupChat.id, name: groupChat.name, memberIds: [config.currentUser.id, ...groupChat.members] },
    team: { id: team.id, name: team.name, aadGroupId: team.aadGroupId, channels: team.channels },
  };
}

async function sendMessage(base: string, config: PlaygroundConfig, conversationId: string, text: string, { fromUserId, mentionBot = false }: SendOptions): Promise<SentMessage> {
  const at = `<at>${config.bot.name}</at>`;
  const fullText = mentionBot ? `${at} ${text}` : text;
  if (fromUserId === undefined || fromUserId === config.currentUser.id) {
    const body = await postJson(base, `/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, {
      type: 'text',
      text: fullText,
      textFormat: 'plain',
      from: { id: config.currentUser.id },
      ...(mentionBot ? { mentions: [{ mentioned: { id: config.bot.id }, text: at }] } : {}),
    });
    const sent = SendResponseSchema.parse(body);
    return { messageId: sent.messageId, conversationId: sent.postConversationId ?? conversationId };
  }

  // The playground sends every typed message as its current user, whatever `from` says; another
  // member's words can only reach the bot as a mocked activity.
  if (conversationId !== config.groupChat.id) {
    throw new Error(`Only the group chat has other members to speak as; ${conversationId} is not it`);
  }
  const user = config.users.find((candidate) => candidate.id === fromUserId);
  if (!user || !config.groupChat.memberIds.includes(user.id)) throw new Error(`${fromUserId} is not a member of the group chat`);
  const template = z
    .record(z.string(), z.unknown())
    .parse(await getJson(base, `/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(conversationId)}`));
  const messageId = randomUUID();
  await postJson(base, '/_internal/v1/customActivities', {
    ...template,
    type: 'message',
    id: messageId,
    text: fullText,
    textFormat: 'plain',
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    entities: mentionBot ? [{ type: 'mention', mentioned: { id: config.bot.id, name: config.bot.name }, text: at }] : [],
    channelData: { tenant: { id: config.tenantId } },
    locale: 'en-US',
  });
  return { messageId, conversationId };
}

/**
 * The playground relays a 2xx answer as `{type, value}` and turns any other status into a 502
 * that carries the bot's answer; Teams shows the user the bot's answer either way (an error
 * card's message, say), so both come back as the bot's answer.
 */
async function invokeAction(base: string, invoke: unknown): Promise<InvokeResult> {
  const response = await fetch(`${base}/_conversation/v1/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(invoke),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  const body = JSON.parse(text || 'null') as unknown;
  if (response.ok) return { statusCode: 200, ...InvokeResponseSchema.parse(body) };
  const refusal = InvokeRefusalSchema.safeParse(body);
  if (response.status === 502 && refusal.success) return { statusCode: refusal.data.innerHttpError.statusCode, ...refusal.data.innerHttpError.body };
  throw new Error(`The playground answered POST /_conversation/v1/invoke with ${response.status}: ${text}`);
}

async function getJson(base: string, route: string): Promise<unknown> {
  const response = await fetch(`${base}${route}`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  return readJson(response, `GET ${route}`);
}

async function postJson(base: string, route: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${base}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return readJson(response, `POST ${route}`);
}

async function readJson(response: Response, request: string): Promise<unknown> {
  const text = await response.text();
  if (!response.ok) throw new Error(`The playground answered ${request} with ${response.status}: ${text}`);
  return text ? (JSON.parse(text) as unknown) : undefined;
}

function openStream(url: string, onEvent: (data: unknown) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error(`Could not open ${url} in time`));
    }, 10_000);
    socket.once('open', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('message', (raw) => {
      let data: unknown;
      try {
        data = JSON.parse(String(raw));
      } catch {
        return;
      }
      onEvent(data);
    });
  });
}

interface Waiter {
  readonly predicate: (message: BotMessage) => boolean;
  readonly resolve: (message: BotMessage) => void;
  readonly reject: (error: Error) => void;
}

class BotMessageQueue {
  readonly #unclaimed: BotMessage[] = [];
  readonly #waiters = new Set<Waiter>();
  #closedBecause: string | undefined;
  diagnostics: () => string = () => '';

  push(message: BotMessage): void {
    for (const waiter of this.#waiters) {
      if (waiter.predicate(message)) {
        this.#waiters.delete(waiter);
        waiter.resolve(message);
        return;
      }
    }
    this.#unclaimed.push(message);
  }

  take(predicate: (message: BotMessage) => boolean, timeoutMs: number): Promise<BotMessage> {
    const index = this.#unclaimed.findIndex(predicate);
    if (index >= 0) return Promise.resolve(this.#unclaimed.splice(index, 1)[0]!);
    if (this.#closedBecause) return Promise.reject(new Error(this.#closedBecause));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        const unclaimed = this.#unclaimed.map((message) => `  ${message.conversationId} ${message.text ?? message.attachments.map((a) => a.contentType).join(', ')}`);
        reject(new Error(`No bot message matched within ${timeoutMs} ms.\nUnclaimed bot messages:\n${unclaimed.join('\n') || '  (none)'}\n${this.diagnostics()}`));
      }, timeoutMs);
      const waiter: Waiter = {
        predicate,
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.#waiters.add(waiter);
    });
  }

  close(reason: string): void {
    this.#closedBecause ??= reason;
    for (const waiter of this.#waiters) waiter.reject(new Error(`${reason}.\n${this.diagnostics()}`));
    this.#waiters.clear();
  }
}
