import { createServer, type IncomingMessage, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the Bot Framework connector. */
export interface ConnectorCall {
  readonly method: string;
  readonly path: string;
  readonly conversationId: string | undefined;
  readonly body: Record<string, unknown> | undefined;
  readonly authorization: string | undefined;
}

/** A scripted answer for the next matching calls (faults: 429 with Retry-After, 503, 403). */
export interface ConnectorFault {
  readonly status: number;
  readonly retryAfterSeconds?: number;
  /** How many calls get this answer before the stub answers normally again. */
  readonly times: number;
}

/** How the stub answers every activity of one type: after a delay, and with a status other than 200. */
export interface ActivityAnswer {
  readonly delayMs?: number;
  readonly status?: number;
}

/**
 * A local stand-in for the Bot Framework connector (the service Teams replies go through),
 * speaking its REST protocol: `POST /v3/conversations/{id}/activities[/{replyToId}]`,
 * `PUT` to update an activity, `POST /v3/conversations` to create one. It records what the bot
 * sent so tests can read the replies.
 */
export class ConnectorStub {
  readonly calls: ConnectorCall[] = [];
  readonly #server: Server;
  readonly #faults: ConnectorFault[] = [];
  readonly #answers = new Map<string, ActivityAnswer>();
  readonly #waiters: Array<{ predicate: (call: ConnectorCall) => boolean; resolve: (call: ConnectorCall) => void }> = [];
  #nextId = 1;
  url = '';

  constructor() {
    this.#server = createServer((req, res) => {
      void this.#handle(req).then(({ status, body, headers }) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      });
    });
  }

  async start(): Promise<this> {
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** The next calls will fail as scripted. */
  failNext(fault: ConnectorFault): void {
    this.#faults.push({ ...fault });
  }

  /** From now on, activities of this type (`typing`, `message`) are answered as given: slowly, or with an error. */
  answer(activityType: string, answer: ActivityAnswer): void {
    this.#answers.set(activityType, answer);
  }

  /** Activities the bot sent (replies and proactive messages), in order. */
  sentActivities(conversationId?: string): Record<string, unknown>[] {
    return this.calls
      .filter((call) => call.method !== 'GET' && call.body && (conversationId === undefined || call.conversationId === conversationId))
      .map((call) => call.body as Record<string, unknown>);
  }

  /** Resolves with the first call (already made or still to come) that matches, or rejects after the timeout. */
  waitFor(predicate: (call: ConnectorCall) => boolean, timeoutMs = 5_000): Promise<ConnectorCall> {
    const found = this.calls.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('The connector stub saw no matching call in time')), timeoutMs);
      this.#waiters.push({
        predicate,
        resolve: (call) => {
          clearTimeout(timer);
          resolve(call);
        },
      });
    });
  }

  async #handle(req: IncomingMessage): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const path = new URL(req.url ?? '/', 'http://stub').pathname;
    const match = /^\/v3\/conversations\/([^/]+)/.exec(path);
    const call: ConnectorCall = {
      method: req.method ?? 'GET',
      path,
      conversationId: match?.[1] ? decodeURIComponent(match[1]) : undefined,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
      authorization: req.headers.authorization,
    };
    const fault = this.#faults[0];
    if (fault) {
      if (--(fault as { times: number }).times <= 0) this.#faults.shift();
      const headers: Record<string, string> = fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {};
      return { status: fault.status, body: { error: { code: 'Fault', message: `scripted ${fault.status}` } }, headers };
    }
    this.calls.push(call);
    for (const waiter of [...this.#waiters]) {
      if (waiter.predicate(call)) {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        waiter.resolve(call);
      }
    }
    const answer = typeof call.body?.type === 'string' ? this.#answers.get(call.body.type) : undefined;
    if (answer?.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    if (answer?.status !== undefined && answer.status !== 200) {
      return { status: answer.status, body: { error: { code: 'Fault', message: `scripted ${answer.status}` } } };
    }
    if (call.method === 'POST' && path === '/v3/conversations') return { status: 200, body: { id: `created-${this.#nextId++}` } };
    if (call.method === 'GET') return { status: 200, body: [] };
    return { status: 200, body: { id: `activity-${this.#nextId++}` } };
  }
}
