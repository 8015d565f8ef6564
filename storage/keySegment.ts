import { createHash } from 'node:crypto';

const SAFE_SEGMENT = /^[A-Za-z0-9_-]+$/;
const LONGEST_SEGMENT = 160;

/**
 * A key segment as a file or blob name segment. Everything but letters, digits, `_` and `-` is
 * written as `%XX` bytes, so `.` and `..` can never become path steps, and ordinary ids stay
 * readable. Very long segments keep a readable head and a hash, to stay within name limits.
 */
export function encodeKeySegment(segment: string): string {
  const encoded = SAFE_SEGMENT.test(segment)
    ? segment
    : Array.from(Buffer.from(segment, 'utf8'), (byte) => {
        const char = String.fromCharCode(byte);
        return /[A-Za-z0-9_-]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      }).join('');
  if (encoded.length <= LONGEST_SEGMENT) return encoded;
  return `${encoded.slice(0, 96)}~${createHash('sha256').update(segment).digest('hex')}`;
}
