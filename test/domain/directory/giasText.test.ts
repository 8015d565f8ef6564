import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GiasTextDecoder, type TextEncodingChoice } from '../../../domain/directory/giasText.js';

const windows1252 = (text: string): Uint8Array =>
  Uint8Array.from(text, (char) => {
    const special: Record<string, number> = { '’': 0x92, '‘': 0x91, '€': 0x80, '–': 0x96 };
    return special[char] ?? char.charCodeAt(0);
  });
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Decodes the bytes cut into the given chunk sizes, as a stream delivers them. */
function decodeInChunks(bytes: Uint8Array, sizes: readonly number[], choice: TextEncodingChoice = 'auto'): { text: string; encoding: string | undefined } {
  const decoder = new GiasTextDecoder(choice);
  let text = '';
  let start = 0;
  for (const size of sizes) {
    text += decoder.decode(bytes.subarray(start, start + size));
    start += size;
  }
  text += decoder.decode(bytes.subarray(start));
  text += decoder.end();
  return { text, encoding: decoder.encoding };
}

const sample = 'URN,EstablishmentName\r\n900001,Fictional École Brontë’s Primary School (demo)\r\n900002,Plain\r\n';
const expected = 'URN,EstablishmentName\n900001,Fictional École Brontë’s Primary School (demo)\n900002,Plain\n';

describe('reading the bytes of a schools file', () => {
  it('reads Windows-1252, as GIAS publishes it: é, ë and a curly apostrophe', () => {
    expect(decodeInChunks(windows1252(sample), [])).toEqual({ text: expected, encoding: 'windows-1252' });
  });

  it('reads UTF-8, as a spreadsheet may re-save it', () => {
    expect(decodeInChunks(utf8(sample), [])).toEqual({ text: expected, encoding: 'utf-8' });
  });

  it('drops a UTF-8 byte order mark', () => {
    expect(decodeInChunks(utf8(`\uFEFF${sample}`), []).text).toBe(expected);
  });

  it('reads a file that is all ASCII the same either way', () => {
    expect(decodeInChunks(utf8('URN\r\n900001\r\n'), [])).toEqual({ text: 'URN\n900001\n', encoding: undefined });
  });

  it('reads a Windows-1252 file whose last byte is é (it cannot begin a UTF-8 character there)', () => {
    expect(decodeInChunks(windows1252('Ecole, Exupéry\r\nCafé'), [3]).text).toBe('Ecole, Exupéry\nCafé');
  });

  it('uses the encoding it is told to use', () => {
    expect(decodeInChunks(windows1252('Ã©'), [], 'windows-1252').text).toBe('Ã©');
    expect(decodeInChunks(windows1252('Ã©'), [], 'utf-8').text).toBe('é');
  });

  it('gives the same text however the file is cut into chunks', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(windows1252(sample), utf8(sample)),
        fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 40 }),
        (bytes, sizes) => decodeInChunks(bytes, sizes).text === expected,
      ),
    );
  });
});
