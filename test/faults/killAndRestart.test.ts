import { afterAll, describe, expect, it } from 'vitest';
import { ProfileRepository } from '../../storage/profileRepository.js';
import { LowdbStore } from '../../storage/lowdbStore.js';
import { startBotProcess, type BotProcess } from '../../devtools/botProcess.js';
import { ConnectorStub } from '../../devtools/connectorStub.js';
import { teamsMessage } from '../../devtools/teamsActivities.js';
import { TempDirs } from '../support/tempDir.js';

/**
 * The embedded store under write load, the bot process killed with SIGKILL at random moments
 * and restarted, twenty times: every profile the bot told a user it had saved is there, and
 * the store reads.
 */
const CYCLES = 20;
const WRITERS = 4;

describe('killed mid-write and restarted', () => {
  const dirs = new TempDirs();
  let connector: ConnectorStub | undefined;
  let bot: BotProcess | undefined;

  afterAll(async () => {
    await bot?.stop('SIGKILL');
    await connector?.stop();
    await dirs.removeAll();
  });

  it(`keeps every acknowledged write across ${CYCLES} kills`, async () => {
    connector = await new ConnectorStub().start();
    const dataDir = await dirs.make('kill-restart');
    const acknowledged: string[] = [];
    let next = 0;

    for (let cycle = 0; cycle < CYCLES; cycle++) {
      bot = await startBotProcess({ BOT_AUTH: 'off', DATA_DIR: dataDir, SCHEDULER_INTERVAL_SECONDS: '0', LOG_LEVEL: 'info' });
      const url = `${bot.url}/api/messages`;
      let killed = false;
      const say = async (userId: string, text: string) => {
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(teamsMessage({ serviceUrl: connector!.url, userId, text, conversationId: `a:${userId}` })) });
        return response.status;
      };
      const writer = async () => {
        while (!killed) {
          const userId = `aad-writer-${next++}`;
          try {
            if ((await say(userId, "I'm the head of 900001")) !== 200) continue;
            if ((await say(userId, 'yes')) === 200) acknowledged.push(userId);
          } catch {
            return; // the process was killed under this request: not acknowledged
          }
        }
      };
      const writers = Array.from({ length: WRITERS }, writer);
      await new Promise((resolve) => setTimeout(resolve, 150 + Math.random() * 600));
      killed = true;
      await bot.stop('SIGKILL');
      await Promise.all(writers);
    }

    const store = new LowdbStore(dataDir);
    const profiles = new ProfileRepository(store);
    const missing = [];
    for (const userId of acknowledged) if (!(await profiles.get(userId))) missing.push(userId);
    expect(acknowledged.length).toBeGreaterThan(CYCLES);
    expect(missing).toEqual([]);
    expect((await store.list('profiles/')).length).toBeGreaterThanOrEqual(acknowledged.length);
  }, 600_000);
});
