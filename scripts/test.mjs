// `npm test`: installs what the tests need, then type-checks, runs the unit tests and the
// end-to-end tests. Stops at the first failing step and exits non-zero.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const steps = [
  ['install npm packages', 'node scripts/ensure-deps.mjs'],
  ['install Chromium', 'node scripts/ensure-chromium.mjs'],
  ['type-check', 'npm run -s typecheck'],
  // As shipped first: the build fails if the window holds test-only code. Then with the ?bench= pages e2e uses.
  ['build as shipped', 'node scripts/build.mjs'],
  ['build for the tests', 'node scripts/build.mjs --with-bench-pages'],
  ['unit tests', 'npx vitest run --config scripts/vitest.config.ts'],
  ['crash test', 'npx vitest run --config scripts/vitest.crash.config.ts'],
  ['Postfix real-peer tests', 'npx vitest run --config scripts/vitest.postfix.config.ts'],
  ['IMAP real-peer tests', 'npx vitest run --config scripts/vitest.imap.config.ts'],
  ['end-to-end tests', 'npx playwright test -c e2e/playwright.config.ts'],
];
for (const [name, command] of steps) {
  console.log(`\n== ${name}: ${command}`);
  const started = Date.now();
  const { status } = spawnSync(command, { cwd: root, stdio: 'inherit', shell: true });
  console.log(`== ${name}: ${status === 0 ? 'ok' : `FAILED (exit ${status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (status !== 0) process.exit(status ?? 1);
}
console.log('\nAll tests passed.');
