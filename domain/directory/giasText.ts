/**
 * Turns the bytes of a schools file into text, a chunk at a time.
 *
 * Get Information about Schools publishes its CSV in Windows-1252, but a file an administrator
 * has opened and re-saved may well be UTF-8. With `auto` the decoder looks at the first byte
 * outside ASCII: if it starts a well-formed UTF-8 sequence the file is read as UTF-8, otherwise
 * as Windows-1252. Everything before that byte is ASCII, which both encodings read alike, so
 * the choice never changes text already returned.
 *
 * Line endings come out as `\n`: Windows files end lines with `\r\n`, and csv-parse counts a
 * `\r\n` inside a quoted value as two lines, which would put every later line number out.
 */
export const TEXT_ENCODINGS = ['auto', 'utf-8', 'windows-1252'] as const;
export type TextEncodingChoice = (typeof TEXT_ENCODINGS)[number];

type SequenceVerdict = 'utf-8' | 'not utf-8' | 'need more bytes';

const NOTHING = new Uint8Array(0);
const asciiReader = new TextDecoder('windows-1252');

/** Whether the bytes from `start` (a byte of 0x80 or more) form one well-formed UTF-8 character. */
function utf8SequenceAt(bytes: Uint8Array, start: number): SequenceVerdict {
  const lead = bytes[start] ?? 0;
  const following = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
  if (following === 0) return 'not utf-8';
  for (let offset = 1; offset <= following; offset++) {
    const byte = bytes[start + offset];
    if (byte === undefined) return 'need more bytes';
    if (byte < 0x80 || byte > 0xbf) return 'not utf-8';
  }
  return 'utf-8';
}

function firstNonAscii(bytes: Uint8Array): number {
  for (let index = 0; index < bytes.length; index++) if ((bytes[index] ?? 0) >= 0x80) return index;
  return -1;
}

export class GiasTextDecoder {
  #decoder: InstanceType<typeof TextDecoder> | undefined;
  /** Bytes from the first non-ASCII byte on, kept until there are enough to tell the encoding. */
  #undecided: Uint8Array = NOTHING;
  /** A `\r` that ended the last chunk, held back in case the next chunk starts with `\n`. */
  #carriageReturn = false;

  constructor(choice: TextEncodingChoice = 'auto') {
    if (choice !== 'auto') this.#decoder = new TextDecoder(choice);
  }

  /** The encoding the file is being read in, once known. */
  get encoding(): 'utf-8' | 'windows-1252' | undefined {
    return this.#decoder?.encoding as 'utf-8' | 'windows-1252' | undefined;
  }

  decode(bytes: Uint8Array): string {
    return this.#lineEndings(this.#text(bytes), false);
  }

  /** The text still held back at the end of the file. */
  end(): string {
    let text = '';
    if (this.#decoder) {
      text = this.#decoder.decode();
    } else if (this.#undecided.length > 0) {
      // The file ended part-way through what would have been a UTF-8 character, so it is not UTF-8.
      this.#decoder = new TextDecoder('windows-1252');
      text = this.#decoder.decode(this.#undecided);
      this.#undecided = NOTHING;
    }
    return this.#lineEndings(text, true);
  }

  #text(chunk: Uint8Array): string {
    if (this.#decoder) return this.#decoder.decode(chunk, { stream: true });
    const bytes = this.#undecided.length === 0 ? chunk : concat(this.#undecided, chunk);
    const first = firstNonAscii(bytes);
    if (first === -1) {
      this.#undecided = NOTHING;
      return asciiReader.decode(bytes);
    }
    const ascii = asciiReader.decode(bytes.subarray(0, first));
    const verdict = utf8SequenceAt(bytes, first);
    if (verdict === 'need more bytes') {
      this.#undecided = bytes.slice(first);
      return ascii;
    }
    this.#undecided = NOTHING;
    this.#decoder = new TextDecoder(verdict === 'utf-8' ? 'utf-8' : 'windows-1252');
    return ascii + this.#decoder.decode(bytes.subarray(first), { stream: true });
  }

  #lineEndings(text: string, last: boolean): string {
    let joined = this.#carriageReturn ? `\r${text}` : text;
    this.#carriageReturn = !last && joined.endsWith('\r');
    if (this.#carriageReturn) joined = joined.slice(0, -1);
    return joined.replace(/\r\n/g, '\n');
  }
}

function concat(first: Uint8Array, second: Uint8Array): Uint8Array {
  const joined = new Uint8Array(first.length + second.length);
  joined.set(first, 0);
  joined.set(second, first.length);
  return joined;
}
