import { crc32, inflateSync } from 'node:zlib';

export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colourType: number;
  readonly interlace: number;
}

export interface DecodedPng {
  readonly header: PngHeader;
  /** RGBA, four bytes a pixel, rows from the top. */
  readonly pixels: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const toLeft = Math.abs(estimate - left);
  const toUp = Math.abs(estimate - up);
  const toUpLeft = Math.abs(estimate - upLeft);
  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
}

/**
 * Checks the signature and every chunk's CRC, and decodes 8-bit RGBA, non-interlaced images with
 * any of the five scanline filters (so an icon made by another tool can be checked too). Other
 * kinds of PNG come back with their header and no pixels: the header test then says what is wrong.
 */
export function readPng(file: Buffer): DecodedPng {
  if (!file.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG: the signature is wrong');
  let header: PngHeader | undefined;
  const data: Buffer[] = [];
  let offset = 8;
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const typeAndData = file.subarray(offset + 4, offset + 8 + length);
    if (crc32(typeAndData) !== file.readUInt32BE(offset + 8 + length)) throw new Error('a chunk has a bad CRC');
    const type = typeAndData.subarray(0, 4).toString('latin1');
    const body = typeAndData.subarray(4);
    if (type === 'IHDR') {
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), bitDepth: body[8]!, colourType: body[9]!, interlace: body[12]! };
    } else if (type === 'IDAT') {
      data.push(body);
    }
    offset += 12 + length;
    if (type === 'IEND') break;
  }
  if (!header) throw new Error('the PNG has no IHDR');
  if (header.bitDepth !== 8 || header.colourType !== 6 || header.interlace !== 0) {
    return { header, pixels: new Uint8Array(0) };
  }
  const bytesPerPixel = 4;
  const rowBytes = header.width * bytesPerPixel;
  const filtered = inflateSync(Buffer.concat(data));
  const pixels = new Uint8Array(rowBytes * header.height);
  for (let y = 0; y < header.height; y++) {
    const filter = filtered[y * (rowBytes + 1)]!;
    for (let x = 0; x < rowBytes; x++) {
      const raw = filtered[y * (rowBytes + 1) + 1 + x]!;
      const left = x >= bytesPerPixel ? pixels[y * rowBytes + x - bytesPerPixel]! : 0;
      const up = y > 0 ? pixels[(y - 1) * rowBytes + x]! : 0;
      const upLeft = y > 0 && x >= bytesPerPixel ? pixels[(y - 1) * rowBytes + x - bytesPerPixel]! : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      if (predictor === undefined) throw new Error(`unknown scanline filter ${filter}`);
      pixels[y * rowBytes + x] = (raw + predictor) & 0xff;
    }
  }
  return { header, pixels };
}
