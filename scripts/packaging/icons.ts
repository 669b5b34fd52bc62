/**
 * Every icon the installers need, rasterized from the one SVG (electron/resources/icon.svg):
 * PNGs for Linux (a folder of <size>x<size>.png, as electron-builder reads it), an .ico
 * for Windows (NSIS and the executable) and an .icns for macOS.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import pngToIco from 'png-to-ico';
import { ICNS_TYPES, writeIcns } from './icns';

/** Linux hicolor sizes; the desktop entry and AppImage take the largest. */
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;
/** Windows shows 16–48 in lists and 256 in large views; an .ico entry cannot exceed 256. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

export function renderPng(svg: Buffer, pixels: number): Buffer {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: pixels }, background: 'rgba(0,0,0,0)' }).render().asPng());
}

export interface IconFiles {
  linuxDir: string;
  ico: string;
  icns: string;
}

/** Renders the SVG once per size and writes the three forms under outDir. */
export async function makeIcons(svgFile: string, outDir: string): Promise<IconFiles> {
  const svg = readFileSync(svgFile);
  const sizes = new Set<number>([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map((t) => t.pixels)]);
  const png = new Map([...sizes].map((pixels) => [pixels, renderPng(svg, pixels)] as const));
  const at = (pixels: number) => png.get(pixels) as Buffer;

  const files: IconFiles = { linuxDir: join(outDir, 'png'), ico: join(outDir, 'icon.ico'), icns: join(outDir, 'icon.icns') };
  mkdirSync(files.linuxDir, { recursive: true });
  for (const pixels of LINUX_SIZES) writeFileSync(join(files.linuxDir, `${pixels}x${pixels}.png`), at(pixels));
  writeFileSync(files.ico, await pngToIco(ICO_SIZES.map(at)));
  writeFileSync(files.icns, writeIcns(png));
  return files;
}
