import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { fail, ok, type Result } from '../domain/result.js';
import type { Store } from '../storage/store.js';

/** A file a user asked for: a CSV or a workbook. */
export interface ExportFile {
  readonly filename: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

interface StoredExport {
  readonly ownerAadObjectId: string;
  readonly filename: string;
  readonly contentType: string;
  readonly base64: string;
  readonly expiresAt: string;
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV = 'text/csv; charset=utf-8';

const keyOf = (id: string) => `exports/${id}`;

/**
 * Download links for exports: each file is kept for a short time, and its link is signed,
 * expires, and opens only for the person who asked for it (the server checks who is asking
 * before it hands the file over).
 */
export class ExportLinks {
  readonly #secret: Buffer;

  constructor(
    private readonly store: Store,
    secret: string | undefined,
    private readonly baseUrl: string,
    private readonly ttlMinutes: number,
    private readonly now: () => Date,
  ) {
    this.#secret = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  }

  #signature(id: string, owner: string, expiresAt: string): string {
    return createHmac('sha256', this.#secret).update(`${id}\u0000${owner}\u0000${expiresAt}`).digest('base64url');
  }

  async create(ownerAadObjectId: string, file: ExportFile): Promise<{ url: string; expiresAt: Date }> {
    const id = randomUUID();
    const expiresAt = new Date(this.now().getTime() + this.ttlMinutes * 60_000);
    const stored: StoredExport = {
      ownerAadObjectId,
      filename: file.filename,
      contentType: file.contentType,
      base64: file.bytes.toString('base64'),
      expiresAt: expiresAt.toISOString(),
    };
    await this.store.write(keyOf(id), stored, null);
    const signature = this.#signature(id, ownerAadObjectId, stored.expiresAt);
    const url = new URL(`/exports/${id}`, this.baseUrl);
    url.searchParams.set('sig', signature);
    return { url: url.toString(), expiresAt };
  }

  /** The file, if the link is genuine, unexpired, and the requester is its owner. */
  async open(id: string, signature: string, requesterAadObjectId: string): Promise<Result<ExportFile>> {
    if (!/^[0-9a-f-]{36}$/.test(id)) return fail('This download link is not valid.');
    const record = await this.store.read<StoredExport>(keyOf(id));
    if (!record) return fail('This download link is not valid, or it has expired.');
    const stored = record.value;
    const expected = Buffer.from(this.#signature(id, stored.ownerAadObjectId, stored.expiresAt));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return fail('This download link is not valid.');
    if (this.now().getTime() >= Date.parse(stored.expiresAt)) {
      await this.store.delete(keyOf(id));
      return fail('This download link has expired. Ask me for the export again.');
    }
    if (requesterAadObjectId !== stored.ownerAadObjectId) return fail('This download link belongs to someone else.');
    return ok({ filename: stored.filename, contentType: stored.contentType, bytes: Buffer.from(stored.base64, 'base64') });
  }
}
