/**
 * The fuse hook against a stand-in Electron binary: a file holding the fuse
 * sentinel and wire as Electron lays them out, flipped by the real
 * @electron/fuses and read back with it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain ES module without types: electron-builder loads it as is
import { afterPack, FUSES, packagedElectron } from './fuses.mjs';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's own defaults, '1' on and '0' off, in wire order. */
const DEFAULT_WIRE = '101100011';

function fakeElectron(dir: string, name: string): void {
  const wire = Buffer.from(DEFAULT_WIRE, 'latin1');
  writeFileSync(join(dir, name), Buffer.concat([Buffer.alloc(4096, 7), Buffer.from(SENTINEL), Buffer.from([1, wire.length]), wire, Buffer.alloc(4096, 7)]));
}

const context = (appOutDir: string, electronPlatformName: string) => ({
  appOutDir,
  electronPlatformName,
  packager: { appInfo: { productFilename: 'Outbox Mail' }, executableName: 'outbox-mail' },
});

describe('fuses', () => {
  it('decides every fuse Electron has', () => {
    const names = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    expect(Object.keys(FUSES).sort()).toEqual(names.sort());
  });

  it('flips the packaged binary: no RunAsNode, NODE_OPTIONS, --inspect or file: privileges; asar only and checked; cookies encrypted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-fuses-'));
    fakeElectron(dir, 'outbox-mail');
    await afterPack(context(dir, 'linux'));
    const wire = await getCurrentFuseWire(join(dir, 'outbox-mail'));
    const state = (fuse: FuseV1Options) => wire[fuse];
    expect(state(FuseV1Options.RunAsNode)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe(FuseState.ENABLE);
  });

  it('finds the executable electron-builder made on each platform', () => {
    expect(packagedElectron(context('/out', 'linux'))).toBe(join('/out', 'outbox-mail'));
    expect(packagedElectron(context('/out', 'win32'))).toBe(join('/out', 'Outbox Mail.exe'));
    expect(packagedElectron(context('/out', 'darwin'))).toBe(join('/out', 'Outbox Mail.app'));
  });

  it('fails the package when the binary has no fuse wire, rather than shipping it unfused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-fuses-'));
    writeFileSync(join(dir, 'outbox-mail'), Buffer.alloc(1024));
    await expect(afterPack(context(dir, 'linux'))).rejects.toThrow(/sentinel/);
  });
});
