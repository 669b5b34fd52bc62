/**
 * electron-builder.yml is only exercised on release machines; check it here: against the builder's
 * own schema, for the promises the installers make, and by a dry run of the file set that would be
 * packed, computed with electron-builder's own matchers over the built tree.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

type Filter = (file: string, stat: Stats) => boolean;
interface Matcher {
  from: string;
  createFilter(): Filter;
}
// Internal to app-builder-lib (not in its typings), so required as they are: the same code `npm run dist` runs.
const fileMatcher = createRequire(__filename)('app-builder-lib/out/fileMatcher') as {
  getMainFileMatchers(appDir: string, to: string, expand: (p: string) => string, platform: object, packager: object, outDir: string, compile: boolean): Matcher[];
  getNodeModuleFileMatcher(appDir: string, to: string, expand: (p: string) => string, platform: object, packager: object): Matcher;
  getFileMatchers(config: object, name: string, to: string, options: object): Matcher[] | null;
};

const same = (pattern: string) => pattern;
const OUT_DIR = resolve(ROOT, config.directories.output);
/** The packager fields the matchers read, for the Linux build (the others differ only in icons). */
const packager = {
  info: {
    projectDir: ROOT,
    buildResourcesDir: resolve(ROOT, config.directories.buildResources),
    config,
    isPrepackedAppAsar: false,
    debugLogger: { isEnabled: false },
  },
};

/** Walks like electron-builder's copier: a folder the filter refuses is not entered. */
function packedFiles(dir: string, filter: Filter): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === '.git') return [];
    const stat = statSync(path);
    if (!filter(path, stat)) return [];
    return stat.isDirectory() ? packedFiles(path, filter) : [relative(ROOT, path).split(sep).join('/')];
  });
}

describe('electron-builder.yml', () => {
  it('is valid for the installed electron-builder', () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it('passes the check electron-builder itself runs before building (stricter: it knows its custom keywords)', async () => {
    const { validateConfiguration } = createRequire(__filename)('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: object, debugLogger: object): Promise<void>;
    };
    await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
    // And it does refuse a mistake.
    await expect(validateConfiguration({ ...config, linux: { ...config.linux, categroy: 'x' } }, { isEnabled: false, add: () => undefined })).rejects.toThrow(/Invalid configuration object/);
  });

  it('builds the installers we promise, each with its icon', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb', 'rpm']));
    expect(config.win.target).toContain('nsis');
    expect(config.mac.target).toEqual(expect.arrayContaining(['dmg', 'zip']));
    expect(config.linux.icon).toBe('out/icons/png');
    expect(config.win.icon).toBe('out/icons/icon.ico');
    expect(config.mac.icon).toBe('out/icons/icon.icns');
    // The icons are generated before electron-builder runs.
    expect(pkg.scripts.dist).toMatch(/icons.*electron-builder/);
  });

  it('opens mailto: links on every OS', () => {
    expect(config.protocols).toEqual([expect.objectContaining({ schemes: ['mailto'] })]);
    // electron-builder turns protocols into the desktop entry's MimeType and macOS's CFBundleURLTypes.
    expect(config.linux.category).toBe('Network;Email;');
    const nsh = readFileSync(join(ROOT, config.nsis.include), 'utf8');
    expect(nsh).toMatch(/!macro customInstall[\s\S]*URLAssociations" "mailto"[\s\S]*!macroend/);
    expect(nsh).toMatch(/!macro customUnInstall[\s\S]*DeleteRegKey[\s\S]*!macroend/);
  });

  it('signs macOS builds with the hardened runtime and only the entitlements Electron needs', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    const plist = readFileSync(join(ROOT, config.mac.entitlements), 'utf8');
    const granted = [...plist.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((m) => m[1]);
    expect(granted).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('rebuilds better-sqlite3 for Electron and publishes to GitHub Releases', () => {
    expect(config.npmRebuild).toBe(true);
    // A production dependency of our own, so it is packed and rebuilt whatever indexeddbshim asks for; Electron itself never is.
    expect(pkg.dependencies['better-sqlite3']).toBe(pkg.overrides['better-sqlite3']);
    expect(pkg.dependencies.electron).toBeUndefined();
    expect(config.buildDependenciesFromSource).toBe(false);
    expect(config.publish).toEqual([expect.objectContaining({ provider: 'github' })]);
  });

  it('flips the fuses after packing with scripts/fuses.mjs', () => {
    expect(config.afterPack).toBe('scripts/fuses.mjs');
  });

  const fuseHook = join(ROOT, 'scripts', 'fuses.mjs');
  if (!existsSync(fuseHook)) console.warn('packaging.test: scripts/fuses.mjs is not in this tree yet (the security work writes it); its export is not checked');
  it.skipIf(!existsSync(fuseHook))('the fuse hook exports the function electron-builder calls', async () => {
    const hook = await import(fuseHook);
    expect(typeof (hook.default ?? hook.afterPack)).toBe('function');
  });

  it('points package.json main at the bundled Electron entry', () => {
    expect(pkg.main).toBe('out/main/main.cjs');
  });
});

describe('what would be packed (dry run over the built tree)', () => {
  beforeAll(() => {
    // `npm test` builds before the unit tests; alone, this file builds what it inspects.
    if (existsSync(join(ROOT, 'out', 'main', 'main.cjs')) && existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) return;
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'ignore' });
    expect(build.status).toBe(0);
  }, 240_000);

  it('takes the built app and package.json, and no sources, tests, source maps or icons', () => {
    const [main] = fileMatcher.getMainFileMatchers(ROOT, '/app', same, config.linux, packager, OUT_DIR, false);
    const files = packedFiles(ROOT, main!.createFilter());
    expect(files).toEqual(expect.arrayContaining(['package.json', 'out/main/main.cjs', 'out/preload/preload.cjs', 'out/renderer/index.html']));
    expect(files.filter((f) => f !== 'package.json' && !f.startsWith('out/'))).toEqual([]);
    expect(files.filter((f) => /\.(tsx?|mts|cts|map)$|\.(test|spec)\./.test(f))).toEqual([]);
    expect(files.filter((f) => f.startsWith('out/icons/'))).toEqual([]);
    // The built tree does hold maps (esbuild writes them): the exclusion is doing work.
    expect(existsSync(join(ROOT, 'out', 'main', 'main.cjs.map'))).toBe(true);
  });

  it("keeps better-sqlite3's addon, unpacked beside the archive, and drops dependencies' TypeScript", () => {
    const modules = fileMatcher.getNodeModuleFileMatcher(ROOT, '/app', same, config.linux, packager.info).createFilter();
    const [unpack] = fileMatcher.getFileMatchers(config, 'asarUnpack', '/app', { macroExpander: same, customBuildOptions: config.linux, globalOutDir: OUT_DIR, defaultSrc: ROOT }) ?? [];
    const unpacked = unpack!.createFilter();
    const addon = join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    const entry = join(ROOT, 'node_modules', 'better-sqlite3', 'lib', 'index.js');
    for (const file of [addon, entry]) {
      expect(modules(file, statSync(file)), file).toBe(true);
      // The checkpoint worker requires both by their path in app.asar.unpacked.
      expect(unpacked(file, statSync(file)), file).toBe(true);
    }
    // zod ships its TypeScript sources and typings beside its JavaScript.
    for (const file of [join(ROOT, 'node_modules', 'zod', 'src', 'index.ts'), join(ROOT, 'node_modules', 'zod', 'index.d.cts')]) {
      expect(modules(file, statSync(file)), file).toBe(false);
    }
    const zodCode = join(ROOT, 'node_modules', 'zod', 'index.cjs');
    expect(modules(zodCode, statSync(zodCode))).toBe(true);
  });
});
