/** Architecture rules that a refactor could silently break. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);

describe('layout', () => {
  it('only the Electron entry, the preload and the Electron IPC binding import electron', () => {
    const importers = sources(ROOT)
      .filter((f) => !f.includes('node_modules') && !f.includes(`${join(ROOT, 'e2e')}`) && !f.includes(join(ROOT, 'out')))
      .filter((f) => importsOf(f).includes('electron'))
      .map((f) => relative(ROOT, f))
      .sort();
    expect(importers).toEqual(['electron/ipc-electron.ts', 'electron/main.ts', 'electron/preload.ts']);
  });

  it('shared/ uses neither Node nor the DOM', () => {
    for (const file of sources(join(ROOT, 'shared'))) {
      for (const spec of importsOf(file)) expect(spec, `${relative(ROOT, file)} imports ${spec}`).toMatch(/^(\.\/|zod$)/);
    }
  });

  it('the renderer reaches the main process only through the contract client', () => {
    // vite.config.ts is build tooling that runs in Node, not renderer code.
    for (const file of sources(join(ROOT, 'renderer')).filter((f) => !f.endsWith('vite.config.ts'))) {
      for (const spec of importsOf(file)) {
        expect(spec, `${relative(ROOT, file)} imports ${spec}`).not.toMatch(/^(node:|electron$|fs$|path$|child_process$)|\/electron\//);
      }
    }
  });
});
