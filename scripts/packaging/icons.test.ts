import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, describe, expect, it } from 'vitest';
import { ICNS_TYPES, readIcns } from './icns';
import { ICO_SIZES, LINUX_SIZES, makeIcons } from './icons';

const SVG = join(__dirname, '..', '..', 'electron', 'resources', 'icon.svg');
const dir = mkdtempSync(join(tmpdir(), 'icons-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'))).toBe(true);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('makeIcons from the one SVG', async () => {
  const files = await makeIcons(SVG, dir);

  it('writes a square PNG per Linux size, named as electron-builder expects', () => {
    expect(readdirSync(files.linuxDir).sort()).toEqual(LINUX_SIZES.map((s) => `${s}x${s}.png`).sort());
    for (const s of LINUX_SIZES) expect(pngSize(readFileSync(join(files.linuxDir, `${s}x${s}.png`)))).toEqual({ width: s, height: s });
  });

  it('writes an .ico with every Windows size, 256 included', () => {
    const ico = readFileSync(files.ico);
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    // In the directory a width of 0 means 256.
    const widths = Array.from({ length: count }, (_, i) => ico[6 + 16 * i] || 256);
    expect(widths.sort((a, b) => a - b)).toEqual([...ICO_SIZES]);
  });

  it('writes an .icns whose entries are PNGs of the size their type promises', () => {
    const entries = readIcns(readFileSync(files.icns));
    expect(entries.map((e) => e.type)).toEqual(ICNS_TYPES.map((t) => t.type));
    for (const [i, entry] of entries.entries()) {
      const pixels = ICNS_TYPES[i]!.pixels;
      expect(pngSize(entry.data), entry.type).toEqual({ width: pixels, height: pixels });
    }
  });

  it('draws the icon: an opaque tile with transparent rounded corners', () => {
    const image = new Resvg(readFileSync(SVG), { fitTo: { mode: 'width', value: 64 } }).render();
    const alpha = (x: number, y: number) => image.pixels[(y * image.width + x) * 4 + 3];
    expect(alpha(0, 0)).toBe(0);
    expect(alpha(32, 56)).toBe(255);
  });
});
