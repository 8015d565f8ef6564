import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBotProcess, type BotProcess } from '../../devtools/botProcess.js';
import { ConnectorStub } from '../../devtools/connectorStub.js';
import { OpenIdIssuer } from '../support/openIdIssuer.js';
import { teamsMessage } from '../../devtools/teamsActivities.js';

/**
 * The bot as `npm start` runs it, against a Bot Framework connector that is slow and failing:
 * whatever the network does to the bot's own calls, the process stays up and keeps answering.
 */

const APP_ID = '11111111-2222-3333-4444-555555555555';
/** Starting takes a few seconds, and much longer on a busy shared machine. */
const START_MS = 60_000;
const TEST_MS = 120_000;

let bot: BotProcess | undefined;
let connector: ConnectorStub | undefined;
let issuer: OpenIdIssuer | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await bot?.stop('SIGKILL');
  await connector?.stop();
  await issuer?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  bot = connector = issuer = dataDir = undefined;
});

/** Asks /healthz every 200 ms until stopped, keeping every answer (0 when there was none). */
function watchHealth(url: string): { stop(): Promise<number[]> } {
  const statuses: number[] = [];
  let watching = true;
  const loop = (async () => {
    while (watching) {
      statuses.push(await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) }).then((response) => response.status, () => 0));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  return {
    async stop() {
      watching = false;
      await loop;
      return statuses;
    },
  };
}

async function waitForLog(process: BotProcess, predicate: (line: Record<string, unknown>) => boolean, timeoutMs = 20_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = process.logs.find(predicate);
    if (found) return found;
    if (process.child.exitCode !== null) throw new Error(`the bot exited with ${process.child.exitCode}`);
    if (Date.now() > deadline) throw new Error('the bot logged no such line in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const post = (url: string, activity: unknown, token?: string) =>
  fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(activity),
  });

describe('the bot process when its calls to the connector fail', () => {
  it('stays up, and /healthz answers 200 throughout, when a typing indicator fails after its turn has ended', async () => {
    connector = await new ConnectorStub().start();
    // The reply takes 1.5 s, so the turn ends then; the typing indicator sent at its start is refused after that.
    connector.answer('message', { delayMs: 1_500 });
    connector.answer('typing', { delayMs: 2_500, status: 400 });
    dataDir = await mkdtemp(path.join(tmpdir(), 'sib-faults-'));
    bot = await startBotProcess({ BOT_AUTH: 'off', DATA_DIR: dataDir, TYPING_DELAY_MS: '0', SCHEDULER_INTERVAL_SECONDS: '0' }, { timeoutMs: START_MS });
    const health = watchHealth(bot.url);

    expect((await post(bot.url, teamsMessage({ serviceUrl: connector.url, text: 'help', userId: 'aad-typing' }))).status).toBe(200);
    await waitForLog(bot, (line) => line.msg === 'a typing indicator could not be sent');
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(bot.child.exitCode).toBeNull();
    connector.answer('message', {});
    expect((await post(bot.url, teamsMessage({ serviceUrl: connector.url, text: 'help', userId: 'aad-typing' }))).status).toBe(200);
    const statuses = await health.stop();
    expect(statuses.length).toBeGreaterThan(5);
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(bot.logs.some((line) => line.msg === 'a turn failed')).toBe(false);
  }, TEST_MS);

  it('stays up, and /healthz answers 200 throughout, when no outbound token can be had and every send fails', async () => {
    connector = await new ConnectorStub().start();
    issuer = await new OpenIdIssuer().start();
    dataDir = await mkdtemp(path.join(tmpdir(), 'sib-faults-'));
    // An app password Azure AD will not take (and, on this machine, an Azure AD it cannot reach): no outbound token.
    bot = await startBotProcess({
      DATA_DIR: dataDir,
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'an-expired-password',
      MicrosoftAppType: 'MultiTenant',
      BotOpenIdMetadata: issuer.metadataUrl,
      TYPING_DELAY_MS: '0',
      SCHEDULER_INTERVAL_SECONDS: '0',
    }, { timeoutMs: START_MS });
    const health = watchHealth(bot.url);

    for (const text of ['help', 'check eligibility', 'help']) {
      const token = await issuer.token({ audience: APP_ID, serviceUrl: connector.url });
      expect((await post(bot.url, teamsMessage({ serviceUrl: connector.url, text, userId: 'aad-no-token' }), token)).status).toBeLessThan(500);
    }
    await waitForLog(bot, (line) => line.msg === 'a turn failed');
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    expect(bot.child.exitCode).toBeNull();
    const statuses = await health.stop();
    expect(statuses.length).toBeGreaterThan(5);
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(connector.calls.filter((call) => call.method === 'POST')).toHaveLength(0);
  }, TEST_MS);

  it('keeps its log JSON, one event per line and with no keys in it, while refusing forged and expired tokens', async () => {
    connector = await new ConnectorStub().start();
    issuer = await new OpenIdIssuer().start();
    dataDir = await mkdtemp(path.join(tmpdir(), 'sib-faults-'));
    bot = await startBotProcess(
      { DATA_DIR: dataDir, MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'unused', MicrosoftAppType: 'MultiTenant', BotOpenIdMetadata: issuer.metadataUrl, SCHEDULER_INTERVAL_SECONDS: '0' },
      { timeoutMs: START_MS },
    );
    const tokens = [
      await issuer.token({ audience: APP_ID, serviceUrl: connector.url, foreignKey: true }),
      await issuer.token({ audience: APP_ID, serviceUrl: connector.url, expiresInSeconds: -3600 }),
      'not-a-jwt',
    ];
    for (const token of tokens) {
      expect((await post(bot.url, teamsMessage({ serviceUrl: connector.url, text: 'help' }), token)).status).toBe(401);
    }
    const refusals = () => bot!.logs.filter((line) => line.msg === 'a request was refused: its token is missing or not valid');
    await waitForLog(bot, () => refusals().length === tokens.length);
    await waitForLog(bot, (line) => line.source === 'console' && String(line.msg).includes('[key removed]'));

    const output = [...bot.stdoutLines, ...bot.stderr().split('\n').filter((line) => line.trim())];
    for (const line of output) expect(() => JSON.parse(line), line.slice(0, 80)).not.toThrow();
    expect(output.join('\n')).not.toContain('BEGIN RSA PUBLIC KEY');
  }, TEST_MS);
});
