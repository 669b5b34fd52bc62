// `npm run bench`: bundles the benchmark's processes (runner, measured core, reference client,
// SMTP sink) with esbuild, the way scripts/build.mjs bundles the app, then runs the runner.
// It prints figures; it fails only if something crashes. See bench/bench.ts.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
// indexeddbshim is bundled because its CommonJS build cannot load better-sqlite3; its ES build can.
const external = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies), 'better-sqlite3'].filter((d) => d !== 'indexeddbshim');
const outdir = `${root}out/bench`;

await build({
  absWorkingDir: root,
  entryPoints: {
    bench: 'bench/bench.ts',
    'core-bench-child': 'bench/core-bench-child.ts',
    'reference-child': 'bench/reference-child.ts',
    'sink-child': 'bench/sink-child.ts',
    'mail-bench': 'bench/mail-bench.ts',
  },
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external,
  logLevel: 'warning',
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
});

const { status, signal } = spawnSync(process.execPath, [`${outdir}/bench.cjs`, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
if (status !== 0) process.exit(status ?? (signal ? 1 : 0));

// Reading mail: sync from a private Dovecot against a plain imapflow loop, cached open, a 100,000-message folder.
const mail = spawnSync(process.execPath, ['--expose-gc', `${outdir}/mail-bench.cjs`], { cwd: root, stdio: 'inherit' });
if (mail.status !== 0) process.exit(mail.status ?? 1);

// The UI figure: the outbox with 10,000 items in Chromium, through the built browser host.
const ensure = spawnSync(process.execPath, [`${root}scripts/ensure-chromium.mjs`], { cwd: root, stdio: 'inherit' });
const built = ensure.status === 0 ? spawnSync(process.execPath, [`${root}scripts/build.mjs`, '--with-bench-pages'], { cwd: root, stdio: 'inherit' }) : ensure;
if (built.status !== 0) process.exit(built.status ?? 1);
await build({
  absWorkingDir: root,
  entryPoints: { 'outbox-10k': 'e2e/perf/run-outbox-10k.ts' },
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external,
  logLevel: 'warning',
});
const ui = spawnSync(process.execPath, [`${outdir}/outbox-10k.cjs`], { cwd: root, stdio: 'inherit' });
process.exit(ui.status ?? 1);
