import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { encodeRgbaPng, type RgbaImage } from './png.js';

/**
 * The app's icons, drawn from one glyph: a school roof over an upward arrow (improvement).
 * Run `npx tsx manifest/drawIcons.ts` after changing the design and commit the PNGs it writes.
 */

/** The same blue as the manifest's accentColor, so the icon and Teams' accents agree. */
export const ICON_BLUE = { red: 0x1d, green: 0x5f, blue: 0xb4 } as const;

interface Point {
  readonly x: number;
  readonly y: number;
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const along = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p.x - (a.x + along * dx), p.y - (a.y + along * dy));
}

const ROOF_LEFT = { x: 0, y: 0.45 };
const ROOF_RIDGE = { x: 0.5, y: 0.07 };
const ROOF_RIGHT = { x: 1, y: 0.45 };
const ROOF_HALF_THICKNESS = 0.07;
const ARROW_TIP_Y = 0.32;
const ARROW_BARBS_Y = 0.64;
const ARROW_HALF_WIDTH = 0.27;
const SHAFT_HALF_WIDTH = 0.11;
const SHAFT_BOTTOM_Y = 1;

/** Whether a point of the glyph's unit square (y downwards) is inked. */
function inGlyph(p: Point): boolean {
  const inRoof =
    distanceToSegment(p, ROOF_LEFT, ROOF_RIDGE) <= ROOF_HALF_THICKNESS ||
    distanceToSegment(p, ROOF_RIDGE, ROOF_RIGHT) <= ROOF_HALF_THICKNESS;
  const headDepth = (p.y - ARROW_TIP_Y) / (ARROW_BARBS_Y - ARROW_TIP_Y);
  const inHead = headDepth >= 0 && headDepth <= 1 && Math.abs(p.x - 0.5) <= headDepth * ARROW_HALF_WIDTH;
  const inShaft = p.y >= ARROW_BARBS_Y && p.y <= SHAFT_BOTTOM_Y && Math.abs(p.x - 0.5) <= SHAFT_HALF_WIDTH;
  return inRoof || inHead || inShaft;
}

const SAMPLES_PER_AXIS = 4;

/** How much of each pixel the glyph covers (0 to 1), by sampling a grid inside the pixel. */
function glyphCoverage(size: number, margin: number): Float64Array {
  const coverage = new Float64Array(size * size);
  const glyphSize = size - 2 * margin;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let inked = 0;
      for (let sy = 0; sy < SAMPLES_PER_AXIS; sy++) {
        for (let sx = 0; sx < SAMPLES_PER_AXIS; sx++) {
          const px = x + (sx + 0.5) / SAMPLES_PER_AXIS;
          const py = y + (sy + 0.5) / SAMPLES_PER_AXIS;
          if (inGlyph({ x: (px - margin) / glyphSize, y: (py - margin) / glyphSize })) inked++;
        }
      }
      coverage[y * size + x] = inked / SAMPLES_PER_AXIS ** 2;
    }
  }
  return coverage;
}

/** 192×192, opaque: the white glyph on the blue (Teams rounds the corners itself). */
export function drawColourIcon(): RgbaImage {
  const size = 192;
  const coverage = glyphCoverage(size, 40);
  const pixels = new Uint8Array(size * size * 4);
  coverage.forEach((ink, i) => {
    pixels[i * 4] = Math.round(ICON_BLUE.red + (255 - ICON_BLUE.red) * ink);
    pixels[i * 4 + 1] = Math.round(ICON_BLUE.green + (255 - ICON_BLUE.green) * ink);
    pixels[i * 4 + 2] = Math.round(ICON_BLUE.blue + (255 - ICON_BLUE.blue) * ink);
    pixels[i * 4 + 3] = 255;
  });
  return { width: size, height: size, pixels };
}

/** 32×32: the glyph in white on transparent, its edges smoothed by alpha alone, as Teams asks. */
export function drawOutlineIcon(): RgbaImage {
  const size = 32;
  const coverage = glyphCoverage(size, 3);
  const pixels = new Uint8Array(size * size * 4);
  coverage.forEach((ink, i) => {
    pixels.fill(255, i * 4, i * 4 + 3);
    pixels[i * 4 + 3] = Math.round(255 * ink);
  });
  return { width: size, height: size, pixels };
}

export const COLOUR_ICON_PATH = path.join(import.meta.dirname, 'color.png');
export const OUTLINE_ICON_PATH = path.join(import.meta.dirname, 'outline.png');

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await writeFile(COLOUR_ICON_PATH, encodeRgbaPng(drawColourIcon()));
  await writeFile(OUTLINE_ICON_PATH, encodeRgbaPng(drawOutlineIcon()));
  console.log(`Wrote ${COLOUR_ICON_PATH} and ${OUTLINE_ICON_PATH}`);
}
