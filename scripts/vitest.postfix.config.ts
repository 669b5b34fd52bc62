import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// The real-peer suite: Debian's Postfix on loopback (installed by the globalSetup when missing), driven by
// the real core. One file, one Postfix instance, one core; run as root (Postfix's master and local delivery need it).
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['electron/**/*.postfix-test.ts', 'testing/postfix/*.postfix-test.ts'],
    globalSetup: ['testing/postfix/global-setup.ts'],
    // apt-get may run in globalSetup; it is not bound by these.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
