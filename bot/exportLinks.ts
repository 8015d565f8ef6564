import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { fail, ok, type Result } from '../domain/result.js';
import { ExportFileRepository, type StoredExport } from '../storage/exportFileRepository.js';
import type { Store } from '../storage/store.js';
import type { ExportFile, ExportLinks as ExportLinksPort } from '../dialogs/ports.js';

/** Stands for the requester when the bot runs with its authentication off and nobody said who they are. */
export const SIGN_IN_OFF = Symbol('sign-in off');
/** The requester's Azure AD object id, or SIGN_IN_OFF. */
export type LinkRequester = string | typeof SIGN_IN_OFF;

/**
 * Download links for exports: each file is kept for a short time, and its link is signed,
 * expires, and opens only for the person who asked for it (the server checks who is asking
 * before it hands the file over).
 */
export class ExportLinks implements ExportLinksPort {
  readonly #secret: Buffer;
  readonly #fileKey: Buffer;
  readonly #files: ExportFileRepository;

  constructor(
    store: Store,
    secret: string | undefined,
    /** Read at each link, as the listening port is known only once the server listens. */
    private readonly baseUrl: () => string,
    private readonly ttlMinutes: number,
    private readonly now: () => Date,
  ) {
    this.#secret = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
    this.#fileKey = createHmac('sha256', this.#secret).update('export file encryption').digest();
    this.#files = new ExportFileRepository(store);
  }

  /** AES-256-GCM: iv, tag and bytes, base64. */
  #seal(bytes: Buffer): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#fileKey, iv);
    const encrypted = Buffer.concat([cipher.update(bytes), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), encrypted]).toString('base64');
  }

  #open(sealed: string): Buffer {
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.#fileKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
  }

  /** Removes expired files: run by the scheduler, so a file never outlives its link by long. */
  async purgeExpired(now: Date): Promise<number> {
    return this.#files.removeExpired(now);
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
      sealed: this.#seal(file.bytes),
      expiresAt: expiresAt.toISOString(),
    };
    await this.#files.add(id, stored);
    const signature = this.#signature(id, ownerAadObjectId, stored.expiresAt);
    const url = new URL(`/exports/${id}`, this.baseUrl());
    url.searchParams.set('sig', signature);
    return { url: url.toString(), expiresAt };
  }

  /**
   * The file, if the link is genuine, unexpired, and the requester is its owner. With the bot's
   * authentication off (local development, refused in production) a browser outside Teams cannot
   * say who it is: the signed link, while unexpired, alone then opens the file.
   */
  async open(id: string, signature: string, requester: LinkRequester): Promise<Result<ExportFile>> {
    if (!/^[0-9a-f-]{36}$/.test(id)) return fail('This download link is not valid.');
    const stored = await this.#files.get(id);
    if (!stored) return fail('This download link is not valid, or it has expired.');
    const expected = Buffer.from(this.#signature(id, stored.ownerAadObjectId, stored.expiresAt));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return fail('This download link is not valid.');
    if (this.now().getTime() >= Date.parse(stored.expiresAt)) {
      await this.#files.remove(id);
      return fail('This download link has expired. Ask me for the export again.');
    }
    if (requester !== SIGN_IN_OFF && requester !== stored.ownerAadObjectId) return fail('This download link belongs to someone else.');
    let bytes: Buffer;
    try {
      bytes = this.#open(stored.sealed);
    } catch {
      // Sealed under another secret (EXPORT_LINK_SECRET changed, or none was set and the bot restarted).
      return fail('This download link has expired. Ask me for the export again.');
    }
    return ok({ filename: stored.filename, contentType: stored.contentType, bytes });
  }
}
