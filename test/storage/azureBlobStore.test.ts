import { randomUUID } from 'node:crypto';
import { BlobServiceClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AzureBlobStore } from '../../storage/azureBlobStore.js';
import { createStore } from '../../storage/createStore.js';
import { InvalidKeyError } from '../../storage/store.js';
import { startAzurite, type Azurite } from '../../devtools/azurite.js';
import { describeStoreContract } from './storeContract.js';

let azurite: Azurite | undefined;

beforeAll(async () => {
  azurite = await startAzurite();
});

afterAll(async () => {
  await azurite?.stop();
});

function connectionString(): string {
  if (azurite === undefined) throw new Error('Azurite did not start');
  return azurite.connectionString;
}

/** A container no other test uses, so every test starts from an empty store. */
function freshContainerName(): string {
  return `test-${randomUUID()}`;
}

describeStoreContract('AzureBlobStore', async () => {
  const store = new AzureBlobStore(connectionString(), freshContainerName());
  await store.open();
  return store;
});

describe('AzureBlobStore', () => {
  it('creates its container on first use when nobody opened it', async () => {
    const container = freshContainerName();
    const store = new AzureBlobStore(connectionString(), container);
    await store.write('schools/100001', { name: 'Hill Primary' }, null);
    const exists = await BlobServiceClient.fromConnectionString(connectionString()).getContainerClient(container).exists();
    expect(exists).toBe(true);
    expect((await store.read('schools/100001'))?.value).toEqual({ name: 'Hill Primary' });
    await store.close();
  });

  it('two instances sharing a container see each other and conflict like one store', async () => {
    const container = freshContainerName();
    const first = new AzureBlobStore(connectionString(), container);
    const second = new AzureBlobStore(connectionString(), container);
    const eTag = await first.write('nominations/LG1', { school: 'A' }, null);
    expect(await second.read('nominations/LG1')).toEqual({ key: 'nominations/LG1', value: { school: 'A' }, eTag });
    await second.write('nominations/LG1', { school: 'B' }, eTag);
    await expect(first.write('nominations/LG1', { school: 'C' }, eTag)).rejects.toMatchObject({ name: 'ConflictError' });
    await Promise.all([first.close(), second.close()]);
  });

  it('keeps every record as one JSON blob of its key and value, named after the key', async () => {
    const container = freshContainerName();
    const store = new AzureBlobStore(connectionString(), container);
    await store.write('attendance/T1/100001/jane-doe', { present: true }, null);
    await store.write('odd/../secret', 1, null);
    const client = BlobServiceClient.fromConnectionString(connectionString()).getContainerClient(container);
    const names: string[] = [];
    for await (const blob of client.listBlobsFlat()) names.push(blob.name);
    expect(names.sort()).toEqual(['attendance/T1/100001/jane-doe', 'odd/%2E%2E/secret']);
    const body = await client.getBlockBlobClient('attendance/T1/100001/jane-doe').downloadToBuffer();
    expect(JSON.parse(body.toString('utf8'))).toEqual({ key: 'attendance/T1/100001/jane-doe', value: { present: true } });
    await store.close();
  });

  it("refuses a key whose blob name would pass Azure's 1,024-character limit", async () => {
    const store = new AzureBlobStore(connectionString(), freshContainerName());
    const key = Array.from({ length: 8 }, (_, index) => `${index}${'x'.repeat(300)}`).join('/');
    await expect(store.write(key, 1, null)).rejects.toBeInstanceOf(InvalidKeyError);
    await store.close();
  });

  it('lists small records from the listing itself, and downloads large ones and ones written before records were listed so', async () => {
    const container = freshContainerName();
    const store = new AzureBlobStore(connectionString(), container);
    const keys = Array.from({ length: 60 }, (_, index) => `register/S1/${String(index).padStart(2, '0')}`);
    // Every third record is too big for blob metadata (more than 8 KB), so it must be downloaded.
    const valueOf = (index: number) => (index % 3 === 0 ? `${index}:${'é'.repeat(6_000)}` : `${index}`);
    await Promise.all(keys.map((key, index) => store.write(key, valueOf(index), null)));
    // A record as an earlier version of the store wrote it: the body only, no metadata.
    const legacy = JSON.stringify({ key: 'register/S1/legacy', value: 'from before' });
    await BlobServiceClient.fromConnectionString(connectionString()).getContainerClient(container).getBlockBlobClient('register/S1/legacy').upload(legacy, Buffer.byteLength(legacy));
    const listed = await store.list<string>('register/S1/');
    expect(listed.map((record) => record.key)).toEqual([...keys, 'register/S1/legacy']);
    expect(listed.map((record) => record.value)).toEqual([...keys.map((_, index) => valueOf(index)), 'from before']);
    // The eTags listed are the records' own: a write on one succeeds, and a second write on the same eTag conflicts.
    const [first] = listed;
    await store.write(first!.key, 'changed', first!.eTag);
    await expect(store.write(first!.key, 'again', first!.eTag)).rejects.toThrow(/changed by someone else/);
    await store.close();
  });
});

describe('createStore', () => {
  it('opens the blob store when STORE is azure-blob, creating the container', async () => {
    const container = freshContainerName();
    const store = await createStore({
      STORE: 'azure-blob',
      DATA_DIR: '/nonexistent',
      AZURE_STORAGE_CONNECTION_STRING: connectionString(),
      AZURE_STORAGE_CONTAINER: container,
    });
    expect(store).toBeInstanceOf(AzureBlobStore);
    expect(await BlobServiceClient.fromConnectionString(connectionString()).getContainerClient(container).exists()).toBe(true);
    await store.close();
  });
});
