import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// The crash test runs alone: it kills child processes for minutes and prints one summary line.
// It needs Dovecot (installed by the globalSetup when missing; run as root) for the Sent copies.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: { include: ['testing/crash/*.crash-test.ts'], globalSetup: ['testing/crash/global-setup.ts'], testTimeout: 900_000, hookTimeout: 120_000, pool: 'forks' },
});
