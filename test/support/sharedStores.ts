import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { startAzurite, type Azurite } from '../../devtools/azurite.js';
import { AzureBlobStore } from '../../storage/azureBlobStore.js';
import { LowdbStore } from '../../storage/lowdbStore.js';
import type { Store } from '../../storage/store.js';
import { TempDirs } from './tempDir.js';

/** One store as several instances of the bot see it. */
export interface SharedStore {
  /** The store as one more instance sees it. */
  instance(): Store;
  close(): Promise<void>;
}

export interface SharedStoreBackend {
  readonly name: string;
  open(): Promise<SharedStore>;
}

/**
 * The two real stores for tests of several instances on one store: on blob (Azurite, started
 * for the test file), a client per instance, as machines have; the embedded store is one
 * process's (its folder is locked), so there every instance shares its one client. Call once at
 * the top of a test file, for `describe.each`.
 */
export function sharedStoreBackends(label: string): readonly SharedStoreBackend[] {
  const dirs = new TempDirs();
  let azurite: Azurite | undefined;
  beforeAll(async () => {
    azurite = await startAzurite();
  });
  afterAll(async () => {
    await Promise.all([azurite?.stop(), dirs.removeAll()]);
  });
  return [
    {
      name: 'the embedded store (lowdb, files)',
      open: async () => {
        const store = new LowdbStore(await dirs.make(label));
        return { instance: () => store, close: () => store.close() };
      },
    },
    {
      name: 'Azure Blob Storage (Azurite), a client per instance',
      open: async () => {
        if (!azurite) throw new Error('Azurite did not start');
        const { connectionString } = azurite;
        const container = `${label}-${randomUUID()}`;
        const clients: AzureBlobStore[] = [];
        return {
          instance: () => {
            const client = new AzureBlobStore(connectionString, container);
            clients.push(client);
            return client;
          },
          close: async () => void (await Promise.all(clients.map((client) => client.close()))),
        };
      },
    },
  ];
}
