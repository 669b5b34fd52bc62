/**
 * The profile is private whatever the umask: a real core (SQLite stores, key
 * file, sandbox server) runs in a child started under umask 022, and every
 * folder it leaves is 0700 and every file 0600, including files an older run
 * left readable by all.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildChild } from '../../../testing/harness/build-child';
import { makeProfilePrivate } from './private-profile';

let child: string;
beforeAll(async () => {
  child = await buildChild('testing/harness/core-child.ts');
}, 60_000);

function modes(dir: string): Record<string, number> {
  const found: Record<string, number> = {};
  const walk = (path: string, name: string) => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    found[name] = stat.mode & 0o777;
    if (stat.isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry), `${name}/${entry}`);
  };
  walk(dir, '.');
  return found;
}

describe.skipIf(process.platform === 'win32')('the profile folder', () => {
  it('is 0700 with every file 0600 after a real core ran under umask 022', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'outbox-profile-')), 'profile');
    mkdirSync(join(dir, 'attachments'), { recursive: true, mode: 0o755 });
    writeFileSync(join(dir, 'attachments', 'left-by-an-older-run'), 'x', { mode: 0o644 });
    chmodSync(dir, 0o755);
    const out = execFileSync('bash', ['-c', 'umask 022; exec node "$0" submit "$1" 3 2000', child, dir], { encoding: 'utf8' });
    expect(out.trim().split('\n').every((line) => JSON.parse(line).ok)).toBe(true);
    const found = modes(dir);
    // The stores really were made (and their write-ahead logs), so the check covers them.
    expect(Object.keys(found)).toEqual(expect.arrayContaining(['./outbox.sqlite', './outbox.sqlite-wal', './db', './sandbox']));
    expect(Object.keys(found).some((name) => name.startsWith('./db/') && name.endsWith('.sqlite'))).toBe(true);
    for (const [name, mode] of Object.entries(found)) {
      const isDir = lstatSync(join(dir, name)).isDirectory();
      expect({ name, mode: mode.toString(8) }).toEqual({ name, mode: isDir ? '700' : '600' });
    }
  });

  it('the sweep leaves symbolic links and what they point to alone', () => {
    const base = mkdtempSync(join(tmpdir(), 'outbox-profile-'));
    const outside = join(base, 'outside.txt');
    writeFileSync(outside, 'not ours', { mode: 0o644 });
    chmodSync(outside, 0o644);
    const dir = join(base, 'profile');
    mkdirSync(dir);
    symlinkSync(outside, join(dir, 'link'));
    makeProfilePrivate(dir);
    expect(lstatSync(outside).mode & 0o777).toBe(0o644);
    expect(lstatSync(dir).mode & 0o777).toBe(0o700);
  });
});
