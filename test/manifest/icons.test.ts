import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { COLOUR_ICON_PATH, drawColourIcon, drawOutlineIcon, OUTLINE_ICON_PATH } from '../../manifest/drawIcons.js';
import { readPng } from './readPng.js';

const COLOUR_TYPE_RGBA = 6;

function* rgbaPixels(pixels: Uint8Array): Generator<[number, number, number, number]> {
  for (let i = 0; i < pixels.length; i += 4) yield [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!, pixels[i + 3]!];
}

describe('the app icons Teams shows', () => {
  it.each([
    { icon: 'color.png', file: COLOUR_ICON_PATH, size: 192 },
    { icon: 'outline.png', file: OUTLINE_ICON_PATH, size: 32 },
  ])('$icon is a $size×$size PNG with an alpha channel', async ({ file, size }) => {
    const { header } = readPng(await readFile(file));
    expect(header).toEqual({ width: size, height: size, bitDepth: 8, colourType: COLOUR_TYPE_RGBA, interlace: 0 });
  });

  it('the colour icon is opaque everywhere', async () => {
    const { pixels } = readPng(await readFile(COLOUR_ICON_PATH));
    expect(pixels.length).toBe(192 * 192 * 4);
    expect([...rgbaPixels(pixels)].every(([, , , alpha]) => alpha === 255)).toBe(true);
  });

  it('the outline icon is white on transparent: every pixel is either fully transparent or white', async () => {
    const { pixels } = readPng(await readFile(OUTLINE_ICON_PATH));
    expect(pixels.length).toBe(32 * 32 * 4);
    const offending = [...rgbaPixels(pixels)].filter(([red, green, blue, alpha]) => alpha !== 0 && (red !== 255 || green !== 255 || blue !== 255));
    expect(offending).toEqual([]);
  });

  it('the outline icon shows a shape, not an empty square', async () => {
    const { pixels } = readPng(await readFile(OUTLINE_ICON_PATH));
    const alphas = [...rgbaPixels(pixels)].map(([, , , alpha]) => alpha);
    expect(alphas.filter((alpha) => alpha === 255).length).toBeGreaterThan(100);
    expect(alphas.filter((alpha) => alpha === 0).length).toBeGreaterThan(300);
  });

  it.each([
    { icon: 'color.png', file: COLOUR_ICON_PATH, draw: drawColourIcon },
    { icon: 'outline.png', file: OUTLINE_ICON_PATH, draw: drawOutlineIcon },
  ])('the committed $icon is what manifest/drawIcons.ts draws', async ({ file, draw }) => {
    const { pixels } = readPng(await readFile(file));
    expect(Buffer.from(pixels).equals(Buffer.from(draw().pixels))).toBe(true);
  });
});
