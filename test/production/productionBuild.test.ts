import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, startBotProcess, type BotProcess } from '../../devtools/botProcess.js';
import { ConnectorStub } from '../../devtools/connectorStub.js';
import { teamsMessage } from '../../devtools/teamsActivities.js';
import { TempDirs } from '../support/tempDir.js';

/**
 * The way to production, once: the build, a clean install of production dependencies only
 * beside it (as the container image does), and the built bot on plain Node 24 (the binary the
 * `node` devDependency brings, which is the one running these tests) answering a turn.
 */
describe('the production build', () => {
  const dirs = new TempDirs();
  const connector = new ConnectorStub();
  let bot: BotProcess | undefined;

  afterAll(async () => {
    await bot?.stop('SIGKILL');
    await connector.stop();
    await dirs.removeAll();
  });

  it('installs with production dependencies only, starts on plain node, is healthy and answers a turn', { timeout: 600_000 }, async () => {
    const app = await dirs.make('sib-production');
    const run = (file: string, args: string[], cwd = app) =>
      execFileSync(file, args, {
        cwd,
        stdio: 'pipe',
        // npm on this Node, whatever the system one is.
        env: { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}` },
      });
    for (const file of ['package.json', 'package-lock.json']) cpSync(path.join(PROJECT_ROOT, file), path.join(app, file));
    run(process.execPath, ['--import', 'tsx', 'scripts/build.ts', path.join(app, 'dist')], PROJECT_ROOT);
    run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline']);
    // Nothing only a developer needs came along: no TypeScript runner, no Node of its own.
    expect(['tsx', 'typescript', 'node', 'vitest'].filter((name) => existsSync(path.join(app, 'node_modules', name)))).toEqual([]);

    await connector.start();
    const dataDir = await dirs.make('sib-production-data');
    bot = await startBotProcess({ BOT_AUTH: 'off', DATA_DIR: dataDir, SCHEDULER_INTERVAL_SECONDS: '0' }, { script: 'dist/bot/start.js', cwd: app, timeoutMs: 120_000 });
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);

    const userId = 'aad-production-build';
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(teamsMessage({ serviceUrl: connector.url, userId, text: 'help' })),
    });
    expect(response.status).toBe(200);
    const reply = await connector.waitFor((call) => call.conversationId === `a:personal-${userId}` && call.method === 'POST', 30_000);
    expect(JSON.stringify(reply.body)).toContain('application/vnd.microsoft.card.adaptive');
    expect(await bot.stop('SIGTERM')).toBe(0);
    bot = undefined;

    // The same install with NODE_ENV=production and nothing that keeps it safe: refused, each variable named.
    const refused = spawnSync(process.execPath, ['dist/bot/start.js'], {
      cwd: app,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: 'tenant', DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(refused.status).toBe(1);
    for (const variable of ['ALLOWED_TENANT_IDS', 'EXPORT_LINK_SECRET', 'BANK_DETAILS_KEY']) expect(refused.stderr).toContain(variable);
  });
});
