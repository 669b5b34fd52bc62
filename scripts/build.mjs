// Builds everything into out/: esbuild bundles the Node side (Electron main, preload, browser host),
// Vite builds the renderer. See the README for why there is no electron-vite.
import { build as esbuild } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';
import { testCodeIn } from './shipped-bundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const { version } = pkg;
// indexeddbshim is bundled because its CommonJS build cannot load better-sqlite3; its ES build can.
const bundled = new Set(['indexeddbshim']);
const external = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.optionalDependencies ?? {}), 'better-sqlite3'].filter((d) => !bundled.has(d));
// `--with-bench-pages`: the renderer keeps its `?bench=` pages (in-memory APIs) for e2e and the bench.
const withBenchPages = process.argv.includes('--with-bench-pages');
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const want = (part) => only.length === 0 || only.includes(part);

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  define: { __APP_VERSION__: JSON.stringify(version) },
};

const jobs = [];
if (want('main')) {
  const entryPoints = { 'browser-host': 'electron/browser-host/main.ts' };
  if (existsSync(`${root}electron/main.ts`)) entryPoints.main = 'electron/main.ts';
  // Dependencies stay in node_modules (native better-sqlite3 among them); electron-builder packs them.
  jobs.push(esbuild({ ...common, entryPoints, outdir: 'out/main', outExtension: { '.js': '.cjs' }, external }));
}
if (want('preload') && existsSync(`${root}electron/preload.ts`)) {
  // A sandboxed preload can require only 'electron': everything else is bundled in.
  jobs.push(esbuild({ ...common, entryPoints: { preload: 'electron/preload.ts' }, outdir: 'out/preload', outExtension: { '.js': '.cjs' }, external: ['electron'] }));
}
if (want('renderer')) {
  jobs.push(
    viteBuild({ configFile: `${root}renderer/vite.config.ts`, logLevel: 'warn', define: { __BENCH_PAGES__: JSON.stringify(withBenchPages) } }).then(() => {
      if (withBenchPages) return;
      const found = testCodeIn(`${root}out/renderer`);
      if (found.length) throw new Error(`the shipped renderer holds test-only code: ${found.join(', ')}`);
    }),
  );
}
await Promise.all(jobs);
console.log(`built ${only.length ? only.join(', ') : 'main, preload, renderer'} into out/${withBenchPages ? ' (with the ?bench= pages)' : ''}`);
