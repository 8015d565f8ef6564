import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, startBotProcess, type BotProcess } from '../../devtools/botProcess.js';

let bot: BotProcess | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await bot?.stop('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  bot = dataDir = undefined;
});

describe('the bot as a process', () => {
  it('refuses to start on bad configuration, naming the variable, and exits non-zero', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', BOT_AUTH: 'off' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('BOT_AUTH cannot be off when NODE_ENV=production');
  });

  it('says at start that authentication is off, and stops cleanly on SIGTERM', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'sib-process-'));
    bot = await startBotProcess({ BOT_AUTH: 'off', DATA_DIR: dataDir });
    expect(bot.logs.some((line) => String(line.msg).includes('authentication is OFF'))).toBe(true);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    expect(await bot.stop('SIGTERM')).toBe(0);
    expect(bot.logs.map((line) => line.msg)).toContain('stopped');
  });
});

describe('errors nothing caught', () => {
  const runGuarded = (what: 'rejection' | 'exception') => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'test/support/guardedProcess.ts', what], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 60_000 });
    const lines = result.stdout.split('\n').filter((line) => line.trim());
    return { status: result.status, lines, logs: lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
  };

  it('a promise rejected with nobody waiting is logged as one JSON event, with the error, and the process carries on', () => {
    const { status, logs } = runGuarded('rejection');
    const failure = logs.find((line) => line.msg === 'a promise failed with nothing to handle it; carrying on');
    expect(failure?.err).toMatchObject({ name: 'Error', message: 'a lost promise' });
    expect(logs.filter((line) => line.msg === 'alive').length).toBeGreaterThan(10);
    expect(status).toBe(0);
  }, 60_000);

  it('an exception thrown past every handler is logged as fatal, the bot stops cleanly, and the process exits 1 for the host to restart it', () => {
    const { status, logs } = runGuarded('exception');
    const fatal = logs.find((line) => line.level === 60);
    expect(fatal?.err).toMatchObject({ name: 'Error', message: 'a thrown error' });
    expect(fatal?.origin).toBe('uncaughtException');
    expect(logs.map((line) => line.msg)).toContain('stopped');
    expect(status).toBe(1);
  }, 60_000);
});
