import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AzureBlobStore } from '../../storage/azureBlobStore.js';
import type { AttendanceRecord } from '../../domain/attendance/record.js';
import type { NominationRecord } from '../../storage/nominationRepository.js';
import { startAzurite, type Azurite } from '../../devtools/azurite.js';
import { startBotProcess, type BotProcess } from '../../devtools/botProcess.js';
import { ConnectorStub } from '../../devtools/connectorStub.js';
import { teamsCardAction, teamsMessage } from '../../devtools/teamsActivities.js';
import { TempDirs } from '../support/tempDir.js';

/**
 * A council runs several bot instances behind a load balancer on Azure Blob Storage. Two bot
 * processes on one Azurite store, driven at once: concurrent edits to one liaison group's
 * nomination and concurrent attendance logs for one session. Nothing lost, nothing duplicated.
 */
const CONTAINER = 'two-instances';
const GROUP_CHAT = '19:liaison-group-one@thread.v2';
const HEADS = ['900001', '900002', '900003', '900004', '900005', '900006'];

describe('two bot instances on one Azure Blob store', () => {
  const dirs = new TempDirs();
  let azurite: Azurite;
  let connector: ConnectorStub;
  let first: BotProcess;
  let second: BotProcess;

  const post = async (bot: BotProcess, activity: Record<string, unknown>) => {
    const response = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const text = await response.text();
    expect(response.status, text).toBe(200);
    return text ? (JSON.parse(text) as { statusCode?: number; type?: string; value?: unknown }) : undefined;
  };
  const say = (bot: BotProcess, userId: string, text: string, kind: 'personal' | 'groupChat' = 'personal') =>
    post(bot, teamsMessage({ serviceUrl: connector.url, userId, text, kind, conversationId: kind === 'personal' ? `a:${userId}` : GROUP_CHAT }));
  const press = (bot: BotProcess, userId: string, verb: string, data: Record<string, unknown>, kind: 'personal' | 'groupChat' = 'personal') =>
    post(bot, teamsCardAction({ serviceUrl: connector.url, userId, verb, data, kind, conversationId: kind === 'personal' ? `a:${userId}` : GROUP_CHAT }));

  beforeAll(async () => {
    azurite = await startAzurite();
    connector = await new ConnectorStub().start();
    const env = {
      BOT_AUTH: 'off',
      STORE: 'azure-blob',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_STORAGE_CONTAINER: CONTAINER,
      SCHEDULER_INTERVAL_SECONDS: '0',
      SIT_ADMIN_AAD_IDS: 'aad-sit',
    };
    first = await startBotProcess({ ...env, DATA_DIR: await dirs.make('first') }, { timeoutMs: 60_000 });
    second = await startBotProcess({ ...env, DATA_DIR: await dirs.make('second') }, { timeoutMs: 60_000 });
    for (const urn of HEADS) {
      await say(first, `aad-head-${urn}`, `I'm the head of ${urn}`);
      await say(second, `aad-head-${urn}`, 'yes');
    }
    // A claim is pending until verified: the SIT approves each head from its profile requests.
    const profiles = new AzureBlobStore(azurite.connectionString, CONTAINER);
    for (const urn of HEADS) {
      const claim = (await profiles.read<{ urn: string; role: string; updatedAt: string }>(`profiles/aad-head-${urn}`))!.value;
      await press(first, 'aad-sit', 'profile.approve', { aadObjectId: `aad-head-${urn}`, urn: claim.urn, role: claim.role, updatedAt: claim.updatedAt });
    }
    await say(first, 'aad-head-900001', 'this chat is liaison group 1', 'groupChat');
    await say(second, 'aad-head-900002', 'nominate', 'groupChat');
  }, 120_000);

  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    await connector?.stop();
    await azurite?.stop();
    await dirs.removeAll();
  });

  it('keeps both members’ edits to one nomination when they save at the same moment on different instances', async () => {
    const blank = { urn: '', championName: '', championRole: '', notInadequate: '', stableSlt: '', gapEvidence: '' };
    const save = (choice: 'first' | 'second', shown: Record<string, string>, inputs: Record<string, string>) => ({
      groupId: 'lg-01',
      choice,
      shown,
      // As the card sends them: the school from its one picker, the other answers from the choice's inputs.
      ...Object.fromEntries(Object.entries({ ...shown, ...inputs }).map(([field, value]) => [field === 'urn' ? 'school_urn' : `${choice}_${field}`, value])),
    });
    // The schools are chosen first (changing a choice's school clears its answers, by design)…
    await press(first, 'aad-head-900001', 'nomination.save', save('first', blank, { urn: '900003' }), 'groupChat');
    await press(second, 'aad-head-900002', 'nomination.save', save('second', blank, { urn: '900004' }), 'groupChat');
    // …then four members fill in different answers at the same moment, from two instances.
    const firstShown = { ...blank, urn: '900003' };
    const secondShown = { ...blank, urn: '900004' };
    const answers = await Promise.all([
      press(first, 'aad-head-900001', 'nomination.save', save('first', firstShown, { championName: 'Priya Shah' }), 'groupChat'),
      press(second, 'aad-head-900002', 'nomination.save', save('first', firstShown, { gapEvidence: 'An 18-point gap in KS2 reading.' }), 'groupChat'),
      press(first, 'aad-head-900003', 'nomination.save', save('second', secondShown, { championName: 'Tom Reed' }), 'groupChat'),
      press(second, 'aad-head-900004', 'nomination.save', save('second', secondShown, { stableSlt: 'yes' }), 'groupChat'),
    ]);
    for (const answer of answers) expect(answer?.type, JSON.stringify(answer)).toBe('application/vnd.microsoft.card.adaptive');

    const store = new AzureBlobStore(azurite.connectionString, CONTAINER);
    const record = (await store.read<NominationRecord>('nominations/lg-01'))?.value;
    const nomination = record?.nomination as unknown as { first: Record<string, unknown>; second: Record<string, unknown> };
    expect(nomination.first).toMatchObject({ urn: '900003', champion: { name: 'Priya Shah' }, criteria: { gapEvidence: 'An 18-point gap in KS2 reading.' } });
    expect(nomination.second).toMatchObject({ urn: '900004', champion: { name: 'Tom Reed' }, criteria: { stableSlt: true } });
  });

  it('logs every school’s attendance at one session once, however the logs are spread and repeated', async () => {
    const logs = HEADS.flatMap((urn, index) =>
      [first, second].map((bot, copy) =>
        press(index % 2 === copy ? bot : bot === first ? second : first, `aad-head-${urn}`, 'attendance.log', {
          sessionId: 'T1',
          attendeeName: `Head of ${urn}`,
          attendeeRole: 'Headteacher',
          status: copy === 0 ? 'present' : 'apologies',
        }),
      ),
    );
    await Promise.all(logs);
    const store = new AzureBlobStore(azurite.connectionString, CONTAINER);
    const records = (await store.list<AttendanceRecord>('attendance/records/')).map((record) => record.value).filter((record) => record.sessionId === 'T1');
    expect(records.map((record) => record.urn).sort()).toEqual([...HEADS].sort());
    for (const record of records) expect(['present', 'apologies']).toContain(record.status);
  });
});
