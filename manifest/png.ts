import { crc32, deflateSync } from 'node:zlib';

/** Pixels in rows from the top, four bytes each (red, green, blue, alpha), not premultiplied. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const BIT_DEPTH = 8;
const COLOUR_TYPE_RGBA = 6;
const FILTER_NONE = 0;

function chunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, checksum]);
}

/**
 * A PNG (8-bit RGBA, not interlaced) of the image. Every scanline is stored unfiltered: the
 * icons are small and mostly flat colour, so deflate alone keeps them a few kilobytes.
 */
export function encodeRgbaPng({ width, height, pixels }: RgbaImage): Buffer {
  const rowBytes = width * 4;
  if (pixels.length !== rowBytes * height) {
    throw new Error(`An image of ${width}×${height} needs ${rowBytes * height} bytes of pixels, not ${pixels.length}`);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(BIT_DEPTH, 8);
  header.writeUInt8(COLOUR_TYPE_RGBA, 9);
  // Bytes 10-12 (compression, filter method, interlace) stay 0: deflate, adaptive filtering, none.
  const scanlines = Buffer.alloc((rowBytes + 1) * height);
  for (let y = 0; y < height; y++) {
    const start = y * (rowBytes + 1);
    scanlines[start] = FILTER_NONE;
    scanlines.set(pixels.subarray(y * rowBytes, (y + 1) * rowBytes), start + 1);
  }
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
