import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeKeySegment } from '../../storage/keySegment.js';

/** The rule as written down: letters, digits, `_` and `-` as they are, every other UTF-8 byte as `%XX`. */
function byTheRule(segment: string): string {
  return Array.from(Buffer.from(segment, 'utf8'), (byte) =>
    /[A-Za-z0-9_-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
  ).join('');
}

describe('a key segment as a file or blob name', () => {
  it.each([
    ['an ordinary id', 'bench-0057b415', 'bench-0057b415'],
    ['dots never make a path step', '..', '%2E%2E'],
    ['a Teams conversation id', 'a:1x;messageid=2', 'a%3A1x%3Bmessageid%3D2'],
    ["marks encodeURIComponent would keep", "!~*'()", '%21%7E%2A%27%28%29'],
    ['letters beyond ASCII', 'Zoë', 'Zo%C3%AB'],
  ])('%s', (_case, segment, file) => {
    expect(encodeKeySegment(segment)).toBe(file);
  });

  it('follows the rule for any text a key may hold (names stored earlier are found again)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 })), (segment) => {
        const expected = byTheRule(segment);
        // A name too long for the disk keeps the rule's head and ends in a hash (the next test).
        if (expected.length <= 160) expect(encodeKeySegment(segment)).toBe(expected);
        else expect(encodeKeySegment(segment).slice(0, 96)).toBe(expected.slice(0, 96));
      }),
      { numRuns: 2_000 },
    );
  });

  it('keeps a very long segment within name limits, with a readable head, and two long segments apart', () => {
    const long = 'x'.repeat(500);
    expect(Buffer.byteLength(`${encodeKeySegment(long)}.json`)).toBeLessThanOrEqual(255);
    expect(encodeKeySegment(long).startsWith('x'.repeat(96))).toBe(true);
    expect(encodeKeySegment(long)).not.toBe(encodeKeySegment(`${long}y`));
  });
});
