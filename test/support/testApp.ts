import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, type App, type AppOptions } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { createLogger } from '../../bot/logger.js';
import { ConnectorStub } from '../../devtools/connectorStub.js';

/** The real bot over HTTP on an ephemeral loopback port, with a connector stub for its replies. */
export interface RunningApp {
  readonly app: App;
  readonly base: string;
  readonly connector: ConnectorStub;
  readonly dataDir: string;
  /** POSTs a body (an activity, or raw text) to /api/messages. */
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
}

export interface TestAppOptions extends Omit<AppOptions, 'logger'> {
  readonly env?: Record<string, string>;
  /** Reuse a data directory (to test a restart); a fresh temporary one otherwise. */
  readonly dataDir?: string;
}

/** Starts apps for a test file and stops every one of them, removing their data, in `closeAll`. */
export class TestApps {
  readonly #running: RunningApp[] = [];
  readonly #dataDirs = new Set<string>();

  async start(options: TestAppOptions = {}): Promise<RunningApp> {
    const connector = await new ConnectorStub().start();
    const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'sib-app-')));
    this.#dataDirs.add(dataDir);
    const { env, dataDir: _dataDir, ...appOptions } = options;
    // No "typing…" unless a test asks for it: on a loaded machine a slow turn would otherwise end with one, after the reply a test reads.
    const config = loadConfig({ NODE_ENV: 'test', BOT_AUTH: 'off', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', TYPING_DELAY_MS: '60000', ...env });
    const app = await createApp(config, { logger: createLogger('silent'), ...appOptions });
    const base = `http://127.0.0.1:${await app.listen()}`;
    const running: RunningApp = {
      app,
      base,
      connector,
      dataDir,
      post: (body, headers = {}) =>
        fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
    };
    this.#running.push(running);
    return running;
  }

  /** Stops one app and its connector, keeping its data (for a restart on the same folder). */
  async stop(running: RunningApp): Promise<void> {
    this.#running.splice(this.#running.indexOf(running), 1);
    await running.app.close();
    await running.connector.stop();
  }

  async closeAll(): Promise<void> {
    for (const running of this.#running.splice(0)) {
      await running.app.close();
      await running.connector.stop();
    }
    for (const dir of this.#dataDirs) await rm(dir, { recursive: true, force: true });
    this.#dataDirs.clear();
  }
}
