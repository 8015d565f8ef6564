import { text } from 'node:stream/consumers';
import type { TokenCredential } from '@azure/identity';
import { BlobServiceClient, RestError, type BlobRequestConditions, type ContainerClient } from '@azure/storage-blob';
import {
  ConflictError,
  InvalidKeyError,
  assertValidKey,
  assertValidPrefix,
  type Store,
  type StoredRecord,
  type WriteCondition,
} from './store.js';
import { encodeKeySegment } from './keySegment.js';
import { mapAtMost } from '../lib/mapAtMost.js';

interface RecordBlob<T> {
  key: string;
  value: T;
}

/** Azure's limit on a blob name, in characters. */
const LONGEST_BLOB_NAME = 1024;
/** How many blobs a listing downloads at once: enough to hide latency, few enough not to be throttled. */
const DOWNLOADS_AT_ONCE = 16;
/**
 * A record whose body is this long or shorter (base64) is also kept in the blob's metadata, so a
 * listing (which returns metadata, up to 5,000 blobs a page) carries it and needs no download.
 * Azure allows 8 KB of metadata a blob, names included.
 */
const LONGEST_LISTED_BODY = 7_000;
const LISTED_BODY = 'record';

function blobPath(keyOrPrefix: string): string {
  return keyOrPrefix
    .split('/')
    .map((segment) => (segment.length === 0 ? segment : encodeKeySegment(segment)))
    .join('/');
}

function statusOf(error: unknown): number | undefined {
  return error instanceof RestError ? error.statusCode : undefined;
}

function codeOf(error: unknown): string | undefined {
  return error instanceof RestError ? error.code : undefined;
}

/** A listing gives an ETag without the quotes a read or write gives it with: one record, one eTag. */
function quoted(eTag: string): string {
  return eTag.startsWith('"') ? eTag : `"${eTag}"`;
}

function conditionsFor(condition: WriteCondition): BlobRequestConditions | undefined {
  if (condition === '*') return undefined;
  if (condition === null) return { ifNoneMatch: '*' };
  return { ifMatch: condition };
}

/** Whether a failed upload means the condition did not hold, rather than that the service failed. */
function isFailedCondition(error: unknown, condition: WriteCondition): boolean {
  const status = statusOf(error);
  if (status === 412) return true;
  if (status === 409) return codeOf(error) === 'BlobAlreadyExists';
  // Azurite and the service answer 412 to an If-Match on a missing blob; a 404 there means the same thing.
  return status === 404 && typeof condition === 'string' && codeOf(error) === 'BlobNotFound';
}

/**
 * The scale-out store: one block blob per record in one container, the body `{ key, value }`.
 * The blob's own ETag is the record's eTag, so the service itself enforces every condition and
 * any number of bot instances can share the container. A small record's body is repeated in
 * the blob's metadata, so listing a prefix is one request per 5,000 records rather than one
 * download per record.
 */
export class AzureBlobStore implements Store {
  readonly #container: ContainerClient;
  readonly #underWay = new Set<Promise<unknown>>();
  #opened: Promise<void> | undefined;

  /**
   * `account` is a connection string, or the account's blob endpoint and a credential (in Azure,
   * the bot's managed identity: no secret to keep or rotate).
   */
  constructor(account: string | { readonly url: string; readonly credential: TokenCredential }, containerName: string) {
    const service = typeof account === 'string' ? BlobServiceClient.fromConnectionString(account) : new BlobServiceClient(account.url, account.credential);
    this.#container = service.getContainerClient(containerName);
  }

  /** Creates the container when it does not exist yet; every other call waits for this first. */
  open(): Promise<void> {
    this.#opened ??= this.#container.createIfNotExists().then(
      () => undefined,
      (error: unknown) => {
        this.#opened = undefined;
        throw error;
      },
    );
    return this.#opened;
  }

  #blobName(key: string): string {
    const name = blobPath(key);
    if (name.length > LONGEST_BLOB_NAME) {
      throw new InvalidKeyError(`The record key is too long to store: ${JSON.stringify(key.slice(0, 80))}…`);
    }
    return name;
  }

  async read<T>(key: string): Promise<StoredRecord<T> | undefined> {
    assertValidKey(key);
    const name = this.#blobName(key);
    await this.open();
    return this.#download<T>(name);
  }

  async write<T>(key: string, value: T, condition: WriteCondition): Promise<string> {
    assertValidKey(key);
    const name = this.#blobName(key);
    return this.#track(async () => {
      await this.open();
      const body = JSON.stringify({ key, value } satisfies RecordBlob<T>);
      try {
        const listed = Buffer.from(body, 'utf8').toString('base64');
        const response = await this.#container.getBlockBlobClient(name).upload(body, Buffer.byteLength(body), {
          conditions: conditionsFor(condition),
          blobHTTPHeaders: { blobContentType: 'application/json' },
          // Set in the same request as the body, so the two never disagree.
          metadata: listed.length <= LONGEST_LISTED_BODY ? { [LISTED_BODY]: listed } : {},
        });
        if (response.etag === undefined) throw new Error(`The blob service gave no ETag for ${key}`);
        return response.etag;
      } catch (error) {
        if (isFailedCondition(error, condition)) throw new ConflictError(key, condition);
        throw error;
      }
    });
  }

  async delete(key: string, condition?: string): Promise<void> {
    assertValidKey(key);
    const name = this.#blobName(key);
    return this.#track(async () => {
      await this.open();
      const blob = this.#container.getBlockBlobClient(name);
      try {
        await blob.delete({ conditions: condition === undefined || condition === '*' ? undefined : { ifMatch: condition } });
      } catch (error) {
        if (statusOf(error) === 404) return;
        // The service may answer 412 to an If-Match on a blob that is already gone; gone is what was asked for.
        if (statusOf(error) === 412) {
          if (!(await blob.exists())) return;
          throw new ConflictError(key, condition ?? '*');
        }
        throw error;
      }
    });
  }

  async list<T>(prefix: string): Promise<StoredRecord<T>[]> {
    assertValidPrefix(prefix);
    await this.open();
    const listed: StoredRecord<T>[] = [];
    // Records too big for metadata, or written before records were kept there, are downloaded.
    const toDownload: string[] = [];
    for await (const blob of this.#container.listBlobsFlat({ prefix: blobPath(prefix), includeMetadata: true })) {
      const body = blob.metadata?.[LISTED_BODY];
      if (body === undefined || blob.properties.etag === undefined) {
        toDownload.push(blob.name);
        continue;
      }
      const record = JSON.parse(Buffer.from(body, 'base64').toString('utf8')) as RecordBlob<T>;
      listed.push({ key: record.key, value: record.value, eTag: quoted(blob.properties.etag) });
    }
    const downloaded = await mapAtMost(toDownload, DOWNLOADS_AT_ONCE, (name) => this.#download<T>(name));
    return [...listed, ...downloaded.filter((record): record is StoredRecord<T> => record !== undefined)].sort((a, b) =>
      a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
    );
  }

  async close(): Promise<void> {
    while (this.#underWay.size > 0) await Promise.allSettled(this.#underWay);
  }

  async #download<T>(name: string): Promise<StoredRecord<T> | undefined> {
    let response;
    try {
      response = await this.#container.getBlockBlobClient(name).download();
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
    if (response.readableStreamBody === undefined || response.etag === undefined) {
      throw new Error(`The blob service sent no body or ETag for ${name}`);
    }
    const record = JSON.parse(await text(response.readableStreamBody)) as RecordBlob<T>;
    return { key: record.key, value: record.value, eTag: response.etag };
  }

  #track<R>(task: () => Promise<R>): Promise<R> {
    const result = task();
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.#underWay.add(settled);
    void settled.then(() => this.#underWay.delete(settled));
    return result;
  }
}
