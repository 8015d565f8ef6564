import { mkdirSync, openSync, readFileSync, rmSync, statSync, utimesSync, writeSync, closeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/** The file in DATA_DIR that says which process has the embedded store open. */
export const LOCK_FILE = 'bot.lock';
/** How often the holder touches the lock, so that a process on another host can tell it is alive. */
const HEARTBEAT_MS = 10_000;
/** A lock from another host untouched this long is left over from a process that died there. */
const FOREIGN_STALE_MS = 6 * HEARTBEAT_MS;

interface Holder {
  readonly pid: number;
  readonly host: string;
}

export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';
}

export interface DataDirLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): { holder: Holder | undefined; touchedAt: number } | undefined {
  try {
    const touchedAt = statSync(file).mtimeMs;
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Holder>;
    const holder = typeof parsed.pid === 'number' && typeof parsed.host === 'string' ? { pid: parsed.pid, host: parsed.host } : undefined;
    return { holder, touchedAt };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    // Half-written by a process killed as it took the lock: nobody holds it.
    if (error instanceof SyntaxError) return { holder: undefined, touchedAt: 0 };
    throw error;
  }
}

/** Whether the recorded holder may still be running, judged as well as this host can. */
function heldByAnother(holder: Holder | undefined, touchedAt: number, now: number): boolean {
  if (!holder) return false;
  if (holder.host !== hostname()) return now - touchedAt < FOREIGN_STALE_MS;
  // In a container the bot is often pid 1 again after a restart: its own pid in the file is its past life.
  return holder.pid !== process.pid && isAlive(holder.pid);
}

/**
 * Claims DATA_DIR for this process, or throws a {@link DataDirLockedError} saying who has it.
 * The embedded store keeps what it wrote last in memory and replaces files without asking the
 * disk what changed, so a second process on the same directory would silently undo the first
 * one's writes. The lock is a file created with O_EXCL holding this process's pid and host; one
 * left by a process that died is taken over (on this host when its pid is gone, from another host
 * when it has not been touched for a minute).
 */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const me: Holder = { pid: process.pid, host: hostname() };
  for (let attempt = 0; attempt < 3; attempt++) {
    let descriptor: number;
    try {
      descriptor = openSync(file, 'wx', 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const found = readHolder(file);
      if (found && heldByAnother(found.holder, found.touchedAt, Date.now())) {
        const { pid, host } = found.holder as Holder;
        throw new DataDirLockedError(
          `DATA_DIR ${path.resolve(dataDir)} is in use by another bot process (pid ${pid} on ${host}). ` +
            'The embedded store allows one process per directory: stop the other process, give this one its own DATA_DIR, ' +
            `or use STORE=azure-blob to run several instances. If no such process runs, delete ${file}.`,
        );
      }
      rmSync(file, { force: true });
      continue;
    }
    writeSync(descriptor, JSON.stringify(me));
    closeSync(descriptor);
    const heartbeat = setInterval(() => {
      const at = new Date();
      try {
        utimesSync(file, at, at);
      } catch {
        // A missing lock is noticed by whoever takes it next; the bot itself goes on serving.
      }
    }, HEARTBEAT_MS);
    heartbeat.unref();
    const release = () => {
      clearInterval(heartbeat);
      process.off('exit', release);
      const found = readHolder(file);
      if (found?.holder?.pid === me.pid && found.holder.host === me.host) rmSync(file, { force: true });
    };
    process.on('exit', release);
    return { release };
  }
  throw new DataDirLockedError(`DATA_DIR ${path.resolve(dataDir)}: could not take ${LOCK_FILE} (other processes keep taking it).`);
}
