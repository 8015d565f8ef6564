import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotStateStorage } from '../../bot/botStateStorage.js';
import { ExportLinks } from '../../bot/exportLinks.js';
import { createLogger } from '../../bot/logger.js';
import { Scheduler, schedulerLease } from '../../bot/scheduler.js';
import { DirectoryRepository, importSchools } from '../../storage/directoryRepository.js';
import { LeaseRepository } from '../../storage/leaseRepository.js';
import { createTsiJourney } from '../../dialogs/tsi/index.js';
import { ConnectorStub } from '../../devtools/connectorStub.js';
import { teamsMessage } from '../../devtools/teamsActivities.js';
import { AzureBlobStore } from '../../storage/azureBlobStore.js';
import { isConflict } from '../../storage/store.js';
import { startAzurite, type Azurite } from '../../devtools/azurite.js';
import { TestApps, type RunningApp } from '../support/testApp.js';
import { fakeDirectory } from '../dialogs/tsi/fakeDirectory.js';

/**
 * Three bot instances on one Azurite store, as a council runs them behind a load balancer:
 * each has its own process memory (its own store client, duplicate guard, turn lock), and
 * only the store is shared.
 */
const CONTAINER = 'three-instances';
const NOW = () => new Date('2025-06-02T09:00:00Z');

describe('three bot instances on one Azure Blob store', () => {
  const apps = new TestApps();
  let azurite: Azurite;
  let connector: ConnectorStub;
  const instances: RunningApp[] = [];
  const stores: AzureBlobStore[] = [];

  beforeAll(async () => {
    azurite = await startAzurite();
    connector = await new ConnectorStub().start();
    for (let index = 0; index < 3; index++) {
      const store = new AzureBlobStore(azurite.connectionString, CONTAINER);
      await store.open();
      stores.push(store);
      instances.push(
        await apps.start({
          store,
          now: NOW,
          env: { SCHEDULER_INTERVAL_SECONDS: '0' },
          journeys: async (services) => ({
            journeys: [createTsiJourney({ store: services.store, now: services.now, directory: fakeDirectory(), deploymentFormAvailable: () => false })],
            actorSources: { profileOf: async () => undefined, liaisonGroupOfConversation: async () => undefined },
          }),
        }),
      );
    }
  }, 60_000);

  afterAll(async () => {
    await apps.closeAll();
    await connector?.stop();
    await azurite?.stop();
  });

  const message = (userId: string, text: string, id?: string) =>
    teamsMessage({ serviceUrl: connector.url, userId, text, conversationId: `a:${userId}`, ...(id ? { id } : {}) });
  const repliesTo = (userId: string) => connector.sentActivities(`a:${userId}`);

  it('acts once on an activity delivered to each instance in turn', async () => {
    const activity = message('aad-redelivered', 'check eligibility', 'redelivered-activity-1');
    for (const instance of instances) expect((await instance.post(activity)).status).toBe(200);
    expect(repliesTo('aad-redelivered')).toHaveLength(1);
    // A different activity in the same conversation is still answered.
    expect((await instances[1]!.post(message('aad-redelivered', 'help'))).status).toBe(200);
    expect(repliesTo('aad-redelivered')).toHaveLength(2);
  });

  it('keeps a question-by-question eligibility check exact when every answer reaches a different instance', async () => {
    const answers = [
      'check eligibility', 'questions', 'a trust', 'Northern Lights Trust', 'Yorkshire', 'Northern Lights Primary',
      '1 March 2025', 'good', '15 November 2023', 'requires improvement', '10 May 2021', 'RI', 'no', 'no', 'no',
    ];
    for (const [index, text] of answers.entries()) {
      expect((await instances[index % instances.length]!.post(message('aad-alternating', text))).status).toBe(200);
    }
    const replies = repliesTo('aad-alternating');
    expect(replies).toHaveLength(answers.length);
    expect(JSON.stringify(replies.at(-1))).toContain('eligible for TSI in 2023/24: it meets the offer’s criterion C1');
  });

  it('refuses to save a conversation’s state over a turn another instance saved since it was read', async () => {
    const [first, second] = [new BotStateStorage(stores[0]!), new BotStateStorage(stores[1]!)];
    await first.write({ 'conversation/a': { step: 1, eTag: '*' } });
    const [readByFirst, readBySecond] = [await first.read(['conversation/a']), await second.read(['conversation/a'])];
    // botbuilder's BotState marks what it saves with '*': the storage must not take that as leave to overwrite.
    await second.write({ 'conversation/a': Object.assign(readBySecond['conversation/a']!, { step: 2, eTag: '*' }) });
    const lost = await first.write({ 'conversation/a': Object.assign(readByFirst['conversation/a']!, { step: 3, eTag: '*' }) }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isConflict(lost)).toBe(true);
    expect((await first.read(['conversation/a']))['conversation/a']).toMatchObject({ step: 2 });
    // A conversation nobody has saved yet is created once, not twice.
    const [fresh1, fresh2] = [await first.read(['conversation/b']), await second.read(['conversation/b'])];
    await first.write({ 'conversation/b': Object.assign(fresh1['conversation/b'] ?? {}, { step: 1, eTag: '*' }) });
    await expect(second.write({ 'conversation/b': Object.assign(fresh2['conversation/b'] ?? {}, { step: 9, eTag: '*' }) })).rejects.toThrow(/changed by someone else/);
  });

  it('runs scheduled work on one instance per pass, and another takes over when that one stops', async () => {
    let at = NOW();
    const ran: number[] = [];
    const schedulers = stores.map(
      (store, index) =>
        new Scheduler([{ name: 'count', run: async () => void ran.push(index) }], 60_000, () => at, createLogger('silent'), schedulerLease(new LeaseRepository(store), 60_000)),
    );
    for (let pass = 0; pass < 3; pass++) {
      await Promise.all(schedulers.map((scheduler) => scheduler.runOnce()));
      at = new Date(at.getTime() + 60_000);
    }
    expect(ran).toHaveLength(3);
    const holder = ran[0]!;
    expect(new Set(ran)).toEqual(new Set([holder]));
    // The holder stops; once its lease has run out, one of the others runs the work.
    ran.length = 0;
    at = new Date(at.getTime() + 4 * 60_000);
    await Promise.all(schedulers.filter((_, index) => index !== holder).map((scheduler) => scheduler.runOnce()));
    expect(ran).toHaveLength(1);
    expect(ran[0]).not.toBe(holder);
  });

  it('opens an export link made on one instance from another that shares the link secret', async () => {
    const secret = 'a-shared-export-link-secret-of-32-characters';
    const [maker, opener] = [0, 2].map((index) => new ExportLinks(stores[index]!, secret, () => 'https://bot.example.org', 15, NOW));
    const { url } = await maker!.create('aad-owner', { filename: 'export.csv', contentType: 'text/csv', bytes: Buffer.from('urn,name\n100001,Oakfield') });
    const link = new URL(url);
    const id = link.pathname.split('/').at(-1)!;
    const opened = await opener!.open(id, link.searchParams.get('sig')!, 'aad-owner');
    expect(opened.ok && opened.value.bytes.toString()).toBe('urn,name\n100001,Oakfield');
    // Another person is still refused on the other instance.
    expect((await opener!.open(id, link.searchParams.get('sig')!, 'aad-someone-else')).ok).toBe(false);
  });

  it('shows a directory import made on one instance on every other at its next check, within a minute', async () => {
    const container = 'three-instances-directory';
    const directories = await Promise.all(
      [0, 1, 2].map(async () => DirectoryRepository.open(new AzureBlobStore(azurite.connectionString, container), { refreshEveryMs: 60_000 })),
    );
    const result = await importSchools(['URN,EstablishmentName\n', '110123,Fictional Beech Primary School (demo)\n'], directories[0]!);
    expect(result.ok).toBe(true);
    const aMinuteOn = Date.now() + 60_000;
    for (const directory of directories.slice(1)) {
      await directory.refreshIfStale(aMinuteOn);
      expect(directory.findSchools('Beech')[0]?.school.urn).toBe('110123');
    }
  });
});
