/**
 * AES-256-GCM sealing of a small JSON value as `<format>.<iv>.<ciphertext>.<tag>` (base64url),
 * for bank details finished and half-given. The format is also the authenticated data, so a
 * blob cannot be passed off under another format. node:crypto is the one thing in domain/ that is
 * not pure computation: sealing needs a random IV, and doing it here keeps plain bank details
 * from ever reaching a store.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Seals `value` (already checked by the caller's schema). A key that is not 32 bytes is a programming error and throws. */
export function sealJson(format: string, value: unknown, key: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(format, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(Buffer.from(JSON.stringify(value), 'utf8')), cipher.final()]);
  return [format, iv.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

/**
 * Opens what {@link sealJson} sealed under the same format and key: the parsed JSON, or
 * undefined for a wrong key, a changed blob, another format or anything that is not a blob.
 * The caller checks the value with its schema.
 */
export function openJson(format: string, blob: unknown, key: Buffer): { readonly value: unknown } | undefined {
  if (typeof blob !== 'string' || key.length !== KEY_BYTES) return undefined;
  const parts = blob.split('.');
  const formatParts = format.split('.').length;
  if (parts.length !== formatParts + 3 || parts.slice(0, formatParts).join('.') !== format) return undefined;
  const [ivText, ciphertextText, tagText] = parts.slice(formatParts) as [string, string, string];
  if (![ivText, ciphertextText, tagText].every((part) => BASE64URL.test(part))) return undefined;
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(format, 'utf8'));
    decipher.setAuthTag(tag);
    const plaintext = Buffer.concat([decipher.update(Buffer.from(ciphertextText, 'base64url')), decipher.final()]).toString('utf8');
    return { value: JSON.parse(plaintext) };
  } catch {
    return undefined;
  }
}
