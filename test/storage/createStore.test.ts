import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../storage/createStore.js';
import { LowdbStore } from '../../storage/lowdbStore.js';
import { TempDirs } from '../support/tempDir.js';

const dirs = new TempDirs();
afterAll(() => dirs.removeAll());

describe('createStore', () => {
  it.each([
    ['lowdb when STORE is not set', undefined],
    ['lowdb when STORE is lowdb', 'lowdb' as const],
  ])('opens %s, keeping records under DATA_DIR', async (_rule, kind) => {
    const dataDir = await dirs.make('create-store');
    const store = await createStore({ STORE: kind, DATA_DIR: dataDir });
    expect(store).toBeInstanceOf(LowdbStore);
    await store.write('schools/100001', 1, null);
    expect((await new LowdbStore(dataDir).read('schools/100001'))?.value).toBe(1);
    await store.close();
  });

  it('refuses azure-blob without a connection string', async () => {
    await expect(createStore({ STORE: 'azure-blob', DATA_DIR: './data', AZURE_STORAGE_CONTAINER: 'bot' })).rejects.toThrow(
      /AZURE_STORAGE_CONNECTION_STRING/,
    );
  });
});
