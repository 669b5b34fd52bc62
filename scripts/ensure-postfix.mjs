// Makes sure Debian's postfix is installed for `npm run test:postfix`.
// Installs it with apt-get when /usr/sbin/postfix is missing and we are root; otherwise says
// why it cannot and exits non-zero, so the suite fails with the reason instead of skipping.
// The package is installed unconfigured ("No configuration"): nothing is written to
// /etc/postfix/main.cf and no system instance is started. The suite runs its own instance.
// Node builtins only. Usable as a script or imported (ensurePostfix()).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const TOOLS = ['/usr/sbin/postfix', '/usr/sbin/postconf', '/usr/sbin/postalias', '/usr/sbin/postqueue'];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function version() {
  // -d: the built-in value, so it works without a main.cf (the package is installed unconfigured).
  const result = spawnSync('/usr/sbin/postconf', ['-d', '-h', 'mail_version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : 'unknown version';
}

/** Returns when postfix is usable; throws an Error saying why it is not. */
export function ensurePostfix() {
  if (TOOLS.every((tool) => existsSync(tool))) {
    console.log(`ensure-postfix: postfix ${version()} is installed`);
    return;
  }
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
    throw new Error('ensure-postfix: postfix is not installed and this is not a Debian-like system with apt-get; install Postfix (/usr/sbin/postfix) to run the real-peer suite.');
  }
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(
      'ensure-postfix: postfix is not installed and installing it needs root. Run as root, or install it first:\n' +
        '  echo "postfix postfix/main_mailer_type select No configuration" | sudo debconf-set-selections\n' +
        '  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postfix',
    );
  }
  const started = Date.now();
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Unconfigured: the package must not set up or start a system mailer of its own.
  const preseed = spawnSync('debconf-set-selections', {
    input: 'postfix postfix/main_mailer_type select No configuration\npostfix postfix/mailname string postfix.test\n',
    stdio: ['pipe', 'inherit', 'inherit'],
    env,
  });
  if (preseed.status !== 0) console.warn('ensure-postfix: debconf-set-selections failed; installing anyway');
  const install = () =>
    run('apt-get', ['install', '-y', '--no-install-recommends', '-o', 'Dpkg::Options::=--force-confdef', '-o', 'Dpkg::Options::=--force-confold', 'postfix'], { env });
  console.log('ensure-postfix: installing postfix with apt-get');
  if (install() !== 0) {
    // A fresh machine may have no package lists yet, or stale ones.
    console.log('ensure-postfix: apt-get install failed; running apt-get update and trying again');
    if (run('apt-get', ['update'], { env }) !== 0 || install() !== 0) throw new Error('ensure-postfix: apt-get could not install postfix (see the output above).');
  }
  const missing = TOOLS.filter((tool) => !existsSync(tool));
  if (missing.length) throw new Error(`ensure-postfix: postfix was installed but ${missing.join(', ')} is missing.`);
  console.log(`ensure-postfix: installed postfix ${version()} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    ensurePostfix();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
