import { describe, expect, it } from 'vitest';
import { ICNS_TYPES, readIcns, writeIcns } from './icns';

const fakePng = (pixels: number) => Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.from(`size ${pixels}`)]);

describe('writeIcns', () => {
  it('writes one entry per type, each holding the image of its size, with lengths that add up', () => {
    const sizes = new Map(ICNS_TYPES.map(({ pixels }) => [pixels, fakePng(pixels)]));
    const file = writeIcns(sizes);
    expect(file.toString('latin1', 0, 4)).toBe('icns');
    expect(file.readUInt32BE(4)).toBe(file.length);
    const entries = readIcns(file);
    expect(entries.map((e) => e.type)).toEqual(ICNS_TYPES.map((t) => t.type));
    for (const [i, entry] of entries.entries()) expect(entry.data.equals(fakePng(ICNS_TYPES[i]!.pixels))).toBe(true);
  });

  it('refuses to write a file with a size missing', () => {
    expect(() => writeIcns(new Map([[16, fakePng(16)]]))).toThrow(/32px/);
  });
});
