// Makes sure Debian's dovecot-imapd (and dovecot-lmtpd, for the Postfix delivery-report loop) is installed for `npm run test:imap`.
// Installs it with apt-get when /usr/sbin/dovecot is missing and we are root; otherwise says why
// it cannot and exits non-zero, so the suite fails with the reason instead of skipping.
// The system instance is not configured or started by the suite: it runs its own instance.
// Node builtins only. Usable as a script or imported (ensureDovecot()).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const TOOLS = ['/usr/sbin/dovecot', '/usr/bin/doveadm', '/usr/lib/dovecot/imap', '/usr/lib/dovecot/lmtp'];
const PACKAGES = ['dovecot-imapd', 'dovecot-lmtpd'];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function version() {
  const result = spawnSync('/usr/sbin/dovecot', ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : 'unknown version';
}

/** Returns when dovecot is usable; throws an Error saying why it is not. */
export function ensureDovecot() {
  if (TOOLS.every((tool) => existsSync(tool))) {
    console.log(`ensure-dovecot: dovecot ${version()} is installed`);
    return;
  }
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
    throw new Error('ensure-dovecot: dovecot is not installed and this is not a Debian-like system with apt-get; install dovecot-imapd to run the IMAP suite.');
  }
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error('ensure-dovecot: dovecot is not installed and installing it needs root. Run as root, or install it first:\n  sudo apt-get install -y --no-install-recommends dovecot-imapd dovecot-lmtpd');
  }
  const started = Date.now();
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    run('apt-get', ['install', '-y', '--no-install-recommends', '-o', 'Dpkg::Options::=--force-confdef', '-o', 'Dpkg::Options::=--force-confold', ...PACKAGES], { env });
  console.log(`ensure-dovecot: installing ${PACKAGES.join(' ')} with apt-get`);
  if (install() !== 0) {
    console.log('ensure-dovecot: apt-get install failed; running apt-get update and trying again');
    if (run('apt-get', ['update'], { env }) !== 0 || install() !== 0) throw new Error('ensure-dovecot: apt-get could not install dovecot-imapd (see the output above).');
  }
  const missing = TOOLS.filter((tool) => !existsSync(tool));
  if (missing.length) throw new Error(`ensure-dovecot: dovecot was installed but ${missing.join(', ')} is missing.`);
  console.log(`ensure-dovecot: installed dovecot ${version()} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    ensureDovecot();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
