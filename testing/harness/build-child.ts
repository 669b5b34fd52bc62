/** Bundles a core entry point for a child process, the way scripts/build.mjs bundles the app. */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = join(__dirname, '..', '..');

export async function buildChild(entry: string): Promise<string> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const external = [...Object.keys(pkg.dependencies), 'better-sqlite3'].filter((d) => d !== 'indexeddbshim');
  // Inside the project so the child resolves node_modules like the app does.
  const dir = join(ROOT, 'out', 'test-children');
  mkdirSync(dir, { recursive: true });
  const outfile = join(mkdtempSync(join(dir, 'child-')), 'child.cjs');
  await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external,
    logLevel: 'error',
    define: { __APP_VERSION__: '"test"' },
  });
  return outfile;
}
