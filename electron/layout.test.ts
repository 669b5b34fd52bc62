/** Architecture rules that a refactor could silently break. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/**
 * The modules a file imports: `import … from`, `export … from`, `import '…'` and `import('…')`.
 * Statements only, so a catalogue text such as 'compose.from': 'From' is not taken for one.
 */
const IMPORT = /^(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]|^import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;
const importsOf = (file: string): string[] => [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');

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
    const shared = join(ROOT, 'shared');
    for (const file of sources(shared)) {
      for (const spec of importsOf(file)) {
        // zod, the punycode package (plain JavaScript), or a file of shared/ itself.
        const inside = spec === 'zod' || spec === 'punycode/punycode.js' || (/^\.\.?\//.test(spec) && !relative(shared, join(dirname(file), spec)).startsWith('..'));
        expect(inside, `${relative(ROOT, file)} imports ${spec}`).toBe(true);
      }
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

  it('shipped code never imports test, bench or real-peer support (testing/, bench/)', () => {
    const support = [join(ROOT, 'testing'), join(ROOT, 'bench')];
    const shipped = [...sources(join(ROOT, 'electron')), ...sources(join(ROOT, 'renderer')), ...sources(join(ROOT, 'shared'))].filter((f) => !/[.-]test\.tsx?$/.test(f));
    for (const file of shipped) {
      for (const spec of importsOf(file).filter((s) => /^\.\.?\//.test(s))) {
        const target = join(dirname(file), spec);
        expect(support.some((dir) => !relative(dir, target).startsWith('..')), `${relative(ROOT, file)} imports ${spec}`).toBe(false);
      }
    }
  });
});
