/**
 * A real electron-builder run (the Linux `dir` target: the app folder every installer wraps) over
 * the built tree, then a look inside what it packed. Electron's own binary cannot be downloaded
 * here, so a stand-in executable plays the Electron distribution; for the same reason native
 * modules are not rebuilt (that needs Electron's headers) and the fuse hook, which rewrites the
 * real binary, is left out. Everything else is electron-builder doing what `npm run dist` does.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unpackedPath } from './core/db/checkpointer';

const ROOT = join(__dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'pack-'));
const resources = join(work, 'dist', 'linux-unpacked', 'resources');
const requireHere = createRequire(__filename);
let packed: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'out', 'main', 'main.cjs')) || !existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) {
    expect(spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'ignore' }).status).toBe(0);
  }
  const electronDist = join(work, 'electron');
  mkdirSync(electronDist);
  writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\nexit 0\n');
  chmodSync(join(electronDist, 'electron'), 0o755);

  const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
  delete config.afterPack;
  Object.assign(config, { electronDist, electronVersion: '45.6.1', npmRebuild: false, directories: { ...config.directories, output: join(work, 'dist') } });
  const configFile = join(work, 'electron-builder.yml');
  writeFileSync(configFile, dump(config));

  const { build, Platform } = requireHere('electron-builder');
  await build({ projectDir: ROOT, targets: Platform.LINUX.createTarget('dir'), config: configFile, publish: 'never' });
  packed = (requireHere('@electron/asar').listPackage(join(resources, 'app.asar'), { isPack: false }) as string[]).map((f) => f.replace(/\\/g, '/'));
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('electron-builder packs (Linux app folder, stand-in Electron)', () => {
  it('our part of the archive is the built app and package.json only', () => {
    const ours = packed.filter((f) => !f.startsWith('/node_modules'));
    expect(ours).toEqual(expect.arrayContaining(['/package.json', '/out/main/main.cjs', '/out/preload/preload.cjs', '/out/renderer/index.html']));
    expect(ours.filter((f) => f !== '/package.json' && f !== '/out' && !f.startsWith('/out/'))).toEqual([]);
  });

  it('no TypeScript, source maps or tests anywhere in it, and no development packages', () => {
    expect(packed.filter((f) => /\.(ts|tsx|mts|cts|map)$|\.(test|spec)\.[cm]?js$/.test(f))).toEqual([]);
    expect(packed.filter((f) => /^\/node_modules\/(electron|electron-builder|vitest|typescript|vite|@playwright)\//.test(f))).toEqual([]);
    expect(packed).toContain('/node_modules/zod/package.json');
  });

  it('better-sqlite3 is unpacked beside the archive, without its C sources, where the checkpoint worker looks', () => {
    const inArchive = join(resources, 'app.asar', 'node_modules', 'better-sqlite3');
    const addon = unpackedPath(join(inArchive, 'build', 'Release', 'better_sqlite3.node'));
    const entry = unpackedPath(join(inArchive, 'lib', 'index.js'));
    expect(existsSync(addon)).toBe(true);
    expect(existsSync(entry)).toBe(true);
    expect(existsSync(unpackedPath(join(inArchive, 'src')))).toBe(false);
    expect(existsSync(unpackedPath(join(inArchive, 'deps')))).toBe(false);
    // Loaded as the worker loads it: the module and the addon by their real paths. (Built for this
    // Node, as the rebuild for Electron was skipped: this checks the layout, not the ABI.)
    const Database = requireHere(entry);
    const db = new Database(':memory:', { nativeBinding: addon });
    expect(db.prepare('select 41 + 1 as n').get()).toEqual({ n: 42 });
    db.close();
  });

  it('writes the update feed settings electron-updater reads', () => {
    expect(existsSync(join(resources, 'app-update.yml'))).toBe(true);
  });
});
