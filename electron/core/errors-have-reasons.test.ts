/** One way to make an error (issue 13): the core throws failure(code, 'reason.key', values), worded by each window. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

it('no code outside the reason module builds an AppFailure by hand', () => {
  const offenders = [...sources(join(root, 'electron')), ...sources(join(root, 'shared'))]
    .filter((path) => relative(root, path) !== join('shared', 'i18n', 'reason.ts'))
    .filter((path) => readFileSync(path, 'utf8').includes('new AppFailure('))
    .map((path) => relative(root, path));
  expect(offenders).toEqual([]);
});
