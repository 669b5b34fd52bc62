import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// The IMAP real-peer suite: Debian's Dovecot on loopback (installed by the globalSetup when missing), driven by
// the real core. One Dovecot instance per file; run as root (Dovecot's master binds and switches users).
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['electron/**/*.imap-test.ts'],
    globalSetup: ['testing/dovecot/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
