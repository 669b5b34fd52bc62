/**
 * Test-only: the end-to-end tests serve autoconfig answers from a local HTTP
 * server, named by OUTBOX_MAIL_TEST_AUTOCONFIG=http://127.0.0.1:<port>. Every
 * lookup URL https://<host><path> is then fetched as <that>/<host><path>.
 *
 * Guarded three ways: only the browser host reads it (the Electron app has no
 * such switch); only a loopback address is accepted, so it can never send a
 * lookup off this computer; and the host says on stderr that it is on.
 */
import type { DiscoveryOptions } from '../core/accounts/autoconfig/discover';

export const TEST_AUTOCONFIG_ENV = 'OUTBOX_MAIL_TEST_AUTOCONFIG';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The discovery options for the value of the variable: undefined when unset; an error when set to anything but a loopback http(s) address. */
export function testDiscoveryFrom(value: string | undefined): DiscoveryOptions | undefined {
  if (value === undefined || value === '') return undefined;
  let base: URL;
  try {
    base = new URL(value);
  } catch {
    throw new Error(`${TEST_AUTOCONFIG_ENV} is not a URL`);
  }
  if (!/^https?:$/.test(base.protocol) || !LOOPBACK_HOSTS.has(base.hostname)) {
    throw new Error(`${TEST_AUTOCONFIG_ENV} must be an http(s) address on this computer (127.0.0.1, localhost or [::1])`);
  }
  const root = base.origin;
  return { locate: (url) => new URL(`${root}/${url.host}${url.pathname}${url.search}`) };
}

/**
 * Test-only, guarded the same way: OUTBOX_MAIL_TEST_SANDBOX_SECRET sets the local sandbox's password
 * for this run, so an end-to-end test can deliver raw mail to it as an outside sender would. Only the
 * browser host reads it, it must be long enough to be a secret, and the host says on stderr that it is on.
 */
export const TEST_SANDBOX_SECRET_ENV = 'OUTBOX_MAIL_TEST_SANDBOX_SECRET';

export function testSandboxSecretFrom(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^[A-Za-z0-9_-]{24,}$/.test(value)) throw new Error(`${TEST_SANDBOX_SECRET_ENV} must be at least 24 letters, digits, '-' or '_'`);
  return value;
}
