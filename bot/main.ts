import { createApp, type App } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger, routeConsoleTo } from './logger.js';
import { guardProcess } from './processGuard.js';
import { DataDirLockedError, lockDataDir } from '../storage/dataDirLock.js';

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\nSee .env.example for every setting.\n`);
    process.exit(1);
  }
  throw error;
}

if (config.STORE === 'lowdb') {
  try {
    lockDataDir(config.DATA_DIR);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

const logger = createLogger(config.LOG_LEVEL);
routeConsoleTo(logger);
if (config.BOT_AUTH === 'off') {
  logger.warn('Bot Framework authentication is OFF (BOT_AUTH=off): anyone who can reach this server can talk to the bot. Local development only.');
}
// An error that escapes while the bot starts has no app to stop yet; after that it stops the app.
let running: App | undefined;
guardProcess(logger, async () => running?.close(), config.SHUTDOWN_GRACE_MS);
const app = await createApp(config, { logger });
running = app;
const port = await app.listen();
logger.info({ port, store: config.STORE, auth: config.BOT_AUTH }, 'listening');

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    app.close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: Error) => {
        logger.error({ err: error.message }, 'stopping failed');
        process.exit(1);
      },
    );
  });
}
