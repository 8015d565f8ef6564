/**
 * Local development: the bot (authentication off) and the Microsoft 365 Agents Playground pointed
 * at it, both on this machine only. Run with `npx tsx scripts/dev.ts`; Ctrl-C stops both.
 *
 * The bot listens on PORT (3978 by default, as Microsoft's templates use, so the address stays the
 * same between runs); when that port is taken it says so and takes a free one. Its JSON log lines
 * are shown pretty-printed (pino-pretty, a development dependency the bot itself never loads).
 *
 * BOT_COMMAND runs another bot instead of bot/start.ts (a shell command line; it must log a JSON
 * line with "msg":"listening" and its "port"). PLAYGROUND_PORT asks for the playground's port
 * (56150, its own default, so that an open browser tab keeps working across restarts); if it is
 * taken the playground picks another and the line printed says which.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { prettyFactory } from 'pino-pretty';
import { EXIT_WITH_PARENT, launchPlayground, stopProcessGroup, type PlaygroundProcess } from '../devtools/playground.js';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');
const BOT_START_TIMEOUT_MS = 60_000;
/** The bot waits up to SHUTDOWN_GRACE_MS (10 s by default) for turns under way. */
const BOT_STOP_GRACE_MS = 15_000;

const DEFAULT_BOT_PORT = 3978;
const pretty = prettyFactory({ colorize: process.stdout.isTTY, ignore: 'pid,hostname,service', translateTime: 'HH:MM:ss' });

/** Whether a port on loopback can be listened on now. */
function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

async function botPortToAsk(): Promise<number> {
  const wanted = Number(process.env.PORT ?? DEFAULT_BOT_PORT);
  if (wanted === 0 || (await isFree(wanted))) return wanted;
  process.stderr.write(`Port ${wanted} is taken (another bot still running?); using a free port instead. Set PORT to choose one.\n`);
  return 0;
}

function startBot(port: number): ChildProcess {
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', BOT_AUTH: 'off', NODE_ENV: 'development' };
  const options = { cwd: PROJECT_ROOT, env, stdio: ['pipe', 'pipe', 'inherit'] as ('pipe' | 'inherit')[], detached: true };
  const command = process.env.BOT_COMMAND;
  return command ? spawn(command, { ...options, shell: true }) : spawn(process.execPath, [EXIT_WITH_PARENT, '--import', 'tsx', 'bot/start.ts'], options);
}

/** Passes the bot's log lines through and resolves with the port from its `listening` line. */
function botPort(bot: ChildProcess, exited: Promise<number | null>): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The bot did not log "listening" within ${BOT_START_TIMEOUT_MS / 1000} s`)), BOT_START_TIMEOUT_MS);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The bot exited with ${code} before it was listening`));
    });
    createInterface({ input: bot.stdout! }).on('line', (line) => {
      let entry: { msg?: unknown; port?: unknown };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        process.stdout.write(`${line}\n`);
        return;
      }
      process.stdout.write(pretty(entry));
      if (entry.msg === 'listening' && typeof entry.port === 'number') {
        clearTimeout(timer);
        resolve(entry.port);
      }
    });
  });
}

const bot = startBot(await botPortToAsk());
const botExited = new Promise<number | null>((resolve) => bot.once('exit', (code) => resolve(code)));
let playground: PlaygroundProcess | undefined;
let shuttingDown = false;

async function shutDown(exitCode: number): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  await Promise.all([playground?.stop(), stopProcessGroup(bot, botExited, BOT_STOP_GRACE_MS)]);
  process.exit(exitCode);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  // tsx passes Ctrl-C on to this process as well as the terminal sending it, so a repeat is expected
  // and ignored; stopping is bounded in any case.
  process.on(signal, () => void shutDown(signal === 'SIGINT' ? 130 : 143));
}

try {
  const port = await botPort(bot, botExited);
  const botEndpoint = `http://127.0.0.1:${port}/api/messages`;
  playground = await launchPlayground({ botEndpoint, port: Number(process.env.PLAYGROUND_PORT ?? 56150) });
  const { logFile } = playground;
  void botExited.then((code) => {
    if (shuttingDown) return;
    process.stderr.write(`The bot stopped (exit code ${code}); stopping the playground.\n`);
    void shutDown(code ?? 1);
  });
  void playground.exited.then(async (code) => {
    if (shuttingDown) return;
    const log = await readFile(logFile, 'utf8').catch(() => '');
    process.stderr.write(`The playground stopped (exit code ${code}); stopping the bot. The end of its log:\n${log.trimEnd().split('\n').slice(-20).join('\n')}\n`);
    void shutDown(1);
  });
  process.stdout.write(`\nOpen the Agents Playground in a browser: ${playground.url}   (bot at ${botEndpoint}; Ctrl-C stops both)\n\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  await shutDown(1);
}
