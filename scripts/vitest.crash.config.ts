import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// The crash test runs alone: it kills child processes for minutes and prints one summary line.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: { include: ['electron/**/*.crash-test.ts'], testTimeout: 900_000, pool: 'forks' },
});
