import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');

export interface BotProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly url: string;
  /** Every JSON log line the process has written so far. */
  readonly logs: Record<string, unknown>[];
  /** Every line it has written to stdout, JSON or not, and everything written to stderr. */
  readonly stdoutLines: string[];
  readonly stderr: () => string;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface BotProcessOptions {
  /** The entry point, relative to `cwd`: TypeScript runs through tsx, JavaScript (a build) on plain node. `bot/main.ts` by default. */
  readonly script?: string;
  /** Run a TypeScript entry on Node's own type stripping instead of tsx, so that no tsx is in the process. */
  readonly plainNode?: boolean;
  /** Where the process runs; the project by default. */
  readonly cwd?: string;
  readonly timeoutMs?: number;
}

/**
 * The Node flags `npm start` gives the production build (package.json's `start`, in `cwd`), so
 * that a build run here runs as it does in production: `node <flags> dist/bot/start.js`.
 */
export function productionNodeFlags(cwd: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(cwd, 'package.json'), 'utf8')) as { scripts?: { start?: string } };
  const words = (manifest.scripts?.start ?? '').split(/\s+/).filter((word) => word.length > 0);
  if (words[0] !== 'node') throw new Error(`package.json's start script should run node, not: ${manifest.scripts?.start}`);
  return words.slice(1).filter((word) => word.startsWith('--'));
}

/**
 * Runs the bot as its own process on the project's Node, on a free port, and resolves once it
 * logs that it is listening.
 */
export function startBotProcess(env: Record<string, string>, { script = 'bot/main.ts', cwd = PROJECT_ROOT, plainNode = false, timeoutMs = 60_000 }: BotProcessOptions = {}): Promise<BotProcess> {
  const args = script.endsWith('.ts') ? (plainNode ? [script] : ['--import', 'tsx', script]) : [...productionNodeFlags(cwd), script];
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  const stdoutLines: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('The bot process did not start listening in time'));
    }, timeoutMs);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The bot process exited with ${code} before listening: ${stderr}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      stdoutLines.push(line);
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      logs.push(entry);
      if (entry.msg === 'listening' && typeof entry.port === 'number') {
        clearTimeout(timer);
        const port = entry.port;
        resolve({
          child,
          port,
          url: `http://127.0.0.1:${port}`,
          logs,
          stdoutLines,
          stderr: () => stderr,
          stop: async (signal = 'SIGTERM') => {
            if (child.exitCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    });
  });
}
