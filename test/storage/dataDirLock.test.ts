import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../storage/dataDirLock.js';
import { PROJECT_ROOT, startBotProcess, type BotProcess } from '../../devtools/botProcess.js';
import { TempDirs } from '../support/tempDir.js';

const dirs = new TempDirs();
let running: BotProcess | undefined;
afterEach(async () => {
  await running?.stop('SIGKILL');
  running = undefined;
  await dirs.removeAll();
});

const ENV = { BOT_AUTH: 'off', SCHEDULER_INTERVAL_SECONDS: '0' };

function startSecond(dataDir: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'test', ...ENV, DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('one bot process per DATA_DIR', () => {
  it('refuses a second process on the same directory with a clear message, and the first goes on serving', { timeout: 180_000 }, async () => {
    const dataDir = await dirs.make('sib-lock');
    running = await startBotProcess({ ...ENV, DATA_DIR: dataDir }, { timeoutMs: 60_000 });
    const second = startSecond(dataDir);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`is in use by another bot process (pid ${running.child.pid}`);
    expect(second.stderr).toContain('STORE=azure-blob');
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  });

  it('gives the directory up on a clean stop, and takes it over from a process that was killed', { timeout: 240_000 }, async () => {
    const dataDir = await dirs.make('sib-lock');
    const first = await startBotProcess({ ...ENV, DATA_DIR: dataDir }, { timeoutMs: 60_000 });
    expect(await first.stop('SIGTERM')).toBe(0);
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);

    const killed = await startBotProcess({ ...ENV, DATA_DIR: dataDir }, { timeoutMs: 60_000 });
    await killed.stop('SIGKILL');
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(true);
    running = await startBotProcess({ ...ENV, DATA_DIR: dataDir }, { timeoutMs: 60_000 });
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  });
});
