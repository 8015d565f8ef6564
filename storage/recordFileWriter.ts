import { Worker } from 'node:worker_threads';

/**
 * Writes and removes record files on threads of their own. Creating a file and renaming it over
 * the old one is the costly part of a write (the kernel's work, which can also wait on the disk);
 * done here with lowdb's synchronous adapter, it keeps the bot's thread free for other
 * conversations at the price of one message each way, where an asynchronous write from the bot's
 * thread pays for four trips through libuv's thread pool. Requests for one file always go to the
 * same thread and are carried out in the order they were made.
 *
 * Waking a sleeping thread is the dear part of a message (measured here: some 30 µs of the bot's
 * thread for each, against a few µs for a message to a thread already awake), so the requests
 * made while the bot works through one round of its event loop go to each thread as one message,
 * and come back answered as one.
 *
 * A thread with nothing to do for IDLE_MS stops and is started again by the next request: each
 * is a V8 instance of its own (measured: some 10 MB of resident memory each), which a bot that
 * mostly waits for people should not keep. It only stops with no request unanswered and none
 * gathered, so every write made so far has landed, and a file's later writes (on a new thread
 * of the same lane) land after them.
 *
 * The thread's program is recordFileWriterThread.js, beside this file.
 */
const THREAD = new URL('./recordFileWriterThread.js', import.meta.url);

/** How long a writer thread waits for work before it stops. */
const IDLE_MS = 2_000;

interface Request {
  readonly id: number;
  readonly file: string;
  readonly text: string | null;
}

interface Reply {
  readonly id: number;
  readonly error?: { readonly message: string; readonly code?: string };
}

type Waiting = Map<number, { resolve: () => void; reject: (error: Error) => void }>;

/** One writer thread, the requests gathered for its next message, and those it has not answered yet. */
class Lane {
  #worker: Worker | undefined;
  readonly #waiting: Waiting = new Map();
  #outbox: Request[] = [];
  #idle: NodeJS.Timeout | undefined;

  constructor(private readonly idleMs: number) {}

  post(id: number, file: string, text: string | null): Promise<void> {
    clearTimeout(this.#idle);
    const worker = this.#thread();
    return new Promise<void>((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      if (this.#waiting.size === 1) worker.ref();
      this.#outbox.push({ id, file, text });
      if (this.#outbox.length === 1) setImmediate(() => this.#send());
    });
  }

  async stop(): Promise<void> {
    clearTimeout(this.#idle);
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.terminate();
  }

  #send(): void {
    const requests = this.#outbox;
    this.#outbox = [];
    if (requests.length === 0) return;
    // The thread may have stopped since these were gathered: its failure has already answered them.
    if (this.#worker) this.#worker.postMessage(requests);
  }

  #thread(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(THREAD);
    worker.unref();
    worker.on('message', (replies: Reply[]) => {
      for (const reply of replies) {
        const entry = this.#waiting.get(reply.id);
        if (!entry) continue;
        this.#waiting.delete(reply.id);
        if (reply.error) entry.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
        else entry.resolve();
      }
      if (this.#waiting.size === 0) {
        worker.unref();
        this.#idle = setTimeout(() => this.#retire(worker), this.idleMs).unref();
      }
    });
    const fail = (error: Error) => {
      // A thread stopped on purpose (idle, or closed) answers nothing: a newer one may be at work.
      if (this.#worker !== worker) return;
      this.#worker = undefined;
      this.#outbox = [];
      for (const [id, entry] of this.#waiting) {
        this.#waiting.delete(id);
        entry.reject(error);
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`A record writer thread stopped (exit code ${code})`)));
    this.#worker = worker;
    return worker;
  }

  /** Stops an idle thread: nothing is waiting on it or gathered for it, so nothing is lost. */
  #retire(worker: Worker): void {
    if (this.#worker !== worker || this.#waiting.size > 0 || this.#outbox.length > 0) return;
    this.#worker = undefined;
    void worker.terminate();
  }
}

/** Which lane a file's writes go to: always the same one, so that they land in order. */
function laneOf(file: string, lanes: number): number {
  let hash = 0;
  for (let index = 0; index < file.length; index++) hash = (hash * 31 + file.charCodeAt(index)) | 0;
  return Math.abs(hash) % lanes;
}

export class RecordFileWriter {
  readonly #lanes: Lane[];
  #nextId = 0;
  readonly #underWay = new Set<Promise<void>>();

  /** `threads` writer threads: while one waits on the disk, another can create its file. Each stops after `idleMs` without work. */
  constructor(threads = 2, idleMs = IDLE_MS) {
    this.#lanes = Array.from({ length: threads }, () => new Lane(idleMs));
  }

  /** Replaces `file` with `text` (a temporary file renamed over it), or removes it when `text` is null. */
  put(file: string, text: string | null): Promise<void> {
    const done = (this.#lanes[laneOf(file, this.#lanes.length)] as Lane).post(this.#nextId++, file, text);
    const settled = done.catch(() => undefined);
    this.#underWay.add(settled);
    void settled.then(() => this.#underWay.delete(settled));
    return done;
  }

  /** Resolves once every request made so far is done, then lets the threads go. */
  async close(): Promise<void> {
    while (this.#underWay.size > 0) await Promise.all(this.#underWay);
    await Promise.all(this.#lanes.map((lane) => lane.stop()));
  }
}
