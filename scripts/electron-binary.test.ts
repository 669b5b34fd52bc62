import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain ES module without types
import { electronBinary } from './electron-binary.mjs';

/** A stand-in electron package: its package.json, and a path.txt and binary when asked. */
function fakePackage(withBinary: boolean) {
  const root = mkdtempSync(join(tmpdir(), 'outbox-electron-'));
  const dir = join(root, 'node_modules', 'electron');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.6.1', main: 'index.js' }));
  // Requiring the package would run this: the check must never do that.
  writeFileSync(join(dir, 'index.js'), `require('fs').writeFileSync(${JSON.stringify(join(root, 'download-attempted'))}, 'yes');`);
  if (withBinary) {
    writeFileSync(join(dir, 'path.txt'), 'electron');
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '');
  }
  return { root, require: createRequire(join(root, 'index.js')) };
}

describe('electronBinary', () => {
  it('without a downloaded binary says so, and never loads the package (which would start a download)', () => {
    delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const pkg = fakePackage(false);
    expect(electronBinary(pkg.require)).toMatchObject({ path: null, reason: expect.stringContaining('not downloaded') });
    expect(existsSync(join(pkg.root, 'download-attempted'))).toBe(false);
  });

  it('finds the binary path.txt names', () => {
    delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const pkg = fakePackage(true);
    expect(electronBinary(pkg.require)).toEqual({ path: join(pkg.root, 'node_modules', 'electron', 'dist', 'electron') });
  });

  it('npm start here prints one line and falls back to the browser host (checked without starting it)', () => {
    const script = `import { createRequire } from 'node:module'; import { electronBinary } from ${JSON.stringify(join(__dirname, 'electron-binary.mjs'))};
      const found = electronBinary(createRequire(${JSON.stringify(join(__dirname, '..', 'package.json'))})); console.log(found.path === null ? 'no binary' : 'binary');`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '' } });
    expect(out.trim().split('\n')).toHaveLength(1);
  });
});
