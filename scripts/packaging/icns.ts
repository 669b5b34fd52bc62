/**
 * Writes Apple's .icns container. It is a 4-byte magic and a total length, then one
 * entry per image: a 4-character type, the entry's length (header included) and the
 * image itself. Since macOS 10.7 every type below may hold a plain PNG, so no
 * platform tool (iconutil) is needed to make one on Linux or Windows.
 */

/** Entry types that take a PNG, by the pixel size of the image they hold. */
export const ICNS_TYPES: readonly { type: string; pixels: number }[] = [
  { type: 'icp4', pixels: 16 },
  { type: 'icp5', pixels: 32 },
  { type: 'ic11', pixels: 32 }, // 16pt @2x
  { type: 'ic12', pixels: 64 }, // 32pt @2x
  { type: 'ic07', pixels: 128 },
  { type: 'ic08', pixels: 256 },
  { type: 'ic13', pixels: 256 }, // 128pt @2x
  { type: 'ic09', pixels: 512 },
  { type: 'ic14', pixels: 512 }, // 256pt @2x
  { type: 'ic10', pixels: 1024 }, // 512pt @2x
];

const HEADER = 8;

/** One .icns file from PNGs keyed by pixel size; every size ICNS_TYPES names must be given. */
export function writeIcns(pngBySize: ReadonlyMap<number, Buffer>): Buffer {
  const entries = ICNS_TYPES.map(({ type, pixels }) => {
    const png = pngBySize.get(pixels);
    if (!png) throw new Error(`icns: no ${pixels}px image for ${type}`);
    const head = Buffer.alloc(HEADER);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(HEADER + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(entries);
  const head = Buffer.alloc(HEADER);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(HEADER + body.length, 4);
  return Buffer.concat([head, body]);
}

/** The entries of an .icns file, for checking what was written. */
export function readIcns(file: Buffer): { type: string; data: Buffer }[] {
  if (file.toString('latin1', 0, 4) !== 'icns' || file.readUInt32BE(4) !== file.length) throw new Error('icns: bad header');
  const entries: { type: string; data: Buffer }[] = [];
  for (let at = HEADER; at < file.length; ) {
    const length = file.readUInt32BE(at + 4);
    if (length < HEADER || at + length > file.length) throw new Error(`icns: bad entry length at ${at}`);
    entries.push({ type: file.toString('latin1', at, at + 4), data: file.subarray(at + HEADER, at + length) });
    at += length;
  }
  return entries;
}
