import { createHash } from 'node:crypto';

const SAFE_SEGMENT = /^[A-Za-z0-9_-]+$/;
const LONGEST_SEGMENT = 160;

/**
 * A key segment as a file or blob name segment. Everything but letters, digits, `_` and `-` is
 * written as `%XX` bytes, so `.` and `..` can never become path steps, and ordinary ids stay
 * readable. Very long segments keep a readable head and a hash, to stay within name limits.
 */
export function encodeKeySegment(segment: string): string {
  const encoded = SAFE_SEGMENT.test(segment) ? segment : percentEncoded(segment);
  if (encoded.length <= LONGEST_SEGMENT) return encoded;
  return `${encoded.slice(0, 96)}~${createHash('sha256').update(segment).digest('hex')}`;
}

/** `encodeURIComponent` escapes UTF-8 bytes as `%XX` already; the few marks it leaves are escaped the same way. */
const MARKS_URI_KEEPS = /[.!~*'()]/g;

function percentEncoded(segment: string): string {
  // A lone surrogate has no UTF-8 form: written as U+FFFD, as Buffer would (keys refuse them anyway).
  return encodeURIComponent(segment.toWellFormed()).replace(MARKS_URI_KEEPS, (mark) => `%${mark.charCodeAt(0).toString(16).toUpperCase()}`);
}
