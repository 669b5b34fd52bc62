/**
 * A private Postfix instance for the real-peer suite: its own config, queue
 * and data directories under one temp folder, two smtpd listeners on
 * 127.0.0.1 (one advertising DSN, one with `smtpd_discard_ehlo_keywords=dsn`),
 * local delivery to ~/Maildir/ for the domain postfix.test, one address that
 * is accepted and then bounced (BOUNCE_ADDRESS), and a log file.
 * The system instance (/etc/postfix/main.cf) is neither read, written nor started.
 * Everything here needs root: Postfix's master and local delivery do.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const POSTFIX = '/usr/sbin/postfix';
export const POSTCONF = '/usr/sbin/postconf';
export const DOMAIN = 'postfix.test';
/** Accepted at RCPT, then bounced by Postfix (its pipe transport fails): the failure report case. */
export const BOUNCE_ADDRESS = `ootest-bounce@${DOMAIN}`;
/** Every instance folder starts with this, so a sweep finds what a crashed run left behind. */
const PREFIX = 'ootest-postfix-';

export interface PostfixInstance {
  base: string;
  configDir: string;
  queueDir: string;
  /** Advertises DSN (and SMTPUTF8, PIPELINING ...). */
  port: number;
  /** The same smtpd with `-o smtpd_discard_ehlo_keywords=dsn`: no DSN in the EHLO reply. */
  noDsnPort: number;
  /** The instance's log (maillog_file), for assertions and failure messages. */
  log(): string;
  /** Stops the instance and returns the ids of any of its processes still alive afterwards (none, normally). */
  stop(): Promise<number[]>;
}

export class CommandError extends Error {}

/** Runs a command, throwing with its output when it fails. */
export function run(command: string, args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): string {
  const result = spawnSync(command, args, { encoding: 'utf8', input: options.input, env: options.env ?? process.env, timeout: 60_000 });
  if (result.error) throw new CommandError(`${command} ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0) throw new CommandError(`${command} ${args.join(' ')} exited with ${result.status}:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

/** Fails loudly: this suite is part of `npm test` and must never pass by skipping. */
export function requireRoot(): void {
  if (process.getuid?.() !== 0) {
    throw new Error('The Postfix suite needs root: it starts a Postfix instance and creates local users. Run `npm run test:postfix` as root.');
  }
  if (!existsSync(POSTFIX)) throw new Error(`${POSTFIX} is missing: scripts/ensure-postfix.mjs should have installed it (globalSetup).`);
}

async function freePorts(count: number): Promise<number[]> {
  // All held open at once so the ports differ; closed just before Postfix binds them.
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((s) => (s.address() as AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Process ids whose working directory is the queue directory: every Postfix daemon chdirs there. */
export function processesIn(queueDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readlinkSync(`/proc/${entry}/cwd`) === queueDir) pids.push(Number(entry));
    } catch {
      // Gone already, or not ours to read.
    }
  }
  return pids;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** `postfix stop` (it waits for master to exit), then SIGKILL for any daemon of this instance still there. */
async function stopInstance(base: string): Promise<number[]> {
  const configDir = join(base, 'etc');
  const queueDir = join(base, 'queue');
  // The pid file outlives master; only a running master of this instance is asked to stop.
  const master = Number(readFileSafe(join(queueDir, 'pid', 'master.pid')).trim());
  if (master && processesIn(queueDir).includes(master)) {
    spawnSync(POSTFIX, ['-c', configDir, 'stop'], { encoding: 'utf8', timeout: 30_000 });
  }
  for (let i = 0; i < 50 && processesIn(queueDir).length; i++) await sleep(100);
  for (const pid of processesIn(queueDir)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Exited meanwhile.
    }
  }
  await sleep(100);
  return processesIn(queueDir);
}

/**
 * Stops instances left by runs whose test process died before its afterAll (a killed worker):
 * only folders of ours whose owner process is gone, so a concurrent run is left alone.
 */
export async function sweepStaleInstances(): Promise<void> {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(PREFIX)) continue;
    const base = join(tmpdir(), name);
    const owner = Number(readFileSafe(join(base, 'owner.pid')));
    if (owner && alive(owner)) continue;
    const left = await stopInstance(base);
    if (!left.length && !process.env.POSTFIX_KEEP) rmSync(base, { recursive: true, force: true });
  }
}

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function masterCf(): string {
  for (const path of ['/etc/postfix/master.cf', '/usr/share/postfix/master.cf.dist']) if (existsSync(path)) return readFileSync(path, 'utf8');
  throw new Error('No master.cf to start from: neither /etc/postfix/master.cf nor /usr/share/postfix/master.cf.dist exists.');
}

export async function startPostfix(): Promise<PostfixInstance> {
  requireRoot();
  await sweepStaleInstances();
  const base = mkdtempSync(join(tmpdir(), PREFIX));
  // The daemons run as the postfix user and must reach the queue through this folder.
  chmodSync(base, 0o755);
  writeFileSync(join(base, 'owner.pid'), String(process.pid));
  const configDir = join(base, 'etc');
  const queueDir = join(base, 'queue');
  const dataDir = join(base, 'data');
  const maillog = join(base, 'maillog');
  mkdirSync(configDir);
  mkdirSync(queueDir, { mode: 0o755 });
  mkdirSync(dataDir, { mode: 0o700 });
  const postfixUser = run('/usr/bin/getent', ['passwd', 'postfix']).split(':');
  chownSync(dataDir, Number(postfixUser[2]), Number(postfixUser[3]));

  const [port, noDsnPort] = (await freePorts(2)) as [number, number];
  writeFileSync(
    join(configDir, 'main.cf'),
    [
      '# Private instance of the outbox-mail Postfix suite; see testing/postfix/postfix-instance.ts.',
      'compatibility_level = 3.6',
      `queue_directory = ${queueDir}`,
      `data_directory = ${dataDir}`,
      `maillog_file = ${maillog}`,
      // Postfix only writes a log file under an allowed prefix.
      `maillog_file_prefixes = ${base}`,
      'inet_interfaces = 127.0.0.1',
      'inet_protocols = ipv4',
      `myhostname = ${DOMAIN}`,
      `mydomain = ${DOMAIN}`,
      `myorigin = ${DOMAIN}`,
      `mydestination = localhost, ${DOMAIN}`,
      'mynetworks = 127.0.0.0/8',
      'relayhost =',
      // Nothing leaves this machine: mail for any other domain bounces at once.
      'default_transport = error:5.7.1 the outbox-mail test instance delivers locally only',
      'relay_transport = error:5.7.1 the outbox-mail test instance delivers locally only',
      // Unknown local users are refused at RCPT with 550 5.1.1.
      'local_recipient_maps = proxy:unix:passwd.byname $alias_maps',
      // BOUNCE_ADDRESS: known (an alias, so RCPT takes it), then routed to a failing pipe, which bounces it after acceptance.
      `alias_maps = texthash:${configDir}/aliases`,
      `alias_database = texthash:${configDir}/aliases`,
      `transport_maps = texthash:${configDir}/transport`,
      'home_mailbox = Maildir/',
      'smtputf8_enable = yes',
      'biff = no',
      'smtpd_banner = $myhostname ESMTP outbox-mail test instance',
      // No one waits for a DNS answer about 127.0.0.1.
      'smtpd_peername_lookup = no',
      '',
    ].join('\n'),
  );
  // texthash: "key value" lines, read directly (no postmap/postalias database to build).
  const bounceUser = BOUNCE_ADDRESS.slice(0, BOUNCE_ADDRESS.indexOf('@'));
  writeFileSync(join(configDir, 'aliases'), `postmaster root\n${bounceUser} root\n`);
  // Not error(8): smtpd would refuse that at RCPT. A pipe that fails (exit 1) bounces after acceptance.
  writeFileSync(join(configDir, 'transport'), `${BOUNCE_ADDRESS} bouncer:\n`);
  writeFileSync(join(configDir, 'master.cf'), masterCf());
  // Not the system's port 25; no chroot (the queue folder has no /etc copies in it).
  run(POSTCONF, ['-c', configDir, '-M#', 'smtp/inet']);
  run(POSTCONF, ['-c', configDir, '-M', '-e', `127.0.0.1:${port}/inet=127.0.0.1:${port} inet n - n - - smtpd`]);
  run(POSTCONF, ['-c', configDir, '-M', '-e', `127.0.0.1:${noDsnPort}/inet=127.0.0.1:${noDsnPort} inet n - n - - smtpd -o smtpd_discard_ehlo_keywords=dsn`]);
  run(POSTCONF, ['-c', configDir, '-M', '-e', 'bouncer/unix=bouncer unix - n n - - pipe flags=q user=nobody argv=/bin/false']);
  run(POSTCONF, ['-c', configDir, '-F', '*/*/chroot = n']);

  // If this process exits without afterAll: a synchronous stop on the way out...
  const onExit = () => spawnSync(POSTFIX, ['-c', configDir, 'stop'], { timeout: 10_000 });
  process.on('exit', onExit);
  // ...and if it is killed outright (SIGKILL skips 'exit', and vitest's globalSetup teardown with it),
  // a watchdog in its own process group stops the instance once this process is gone.
  const watchdog = spawn(
    '/bin/sh',
    ['-c', `while kill -0 "$1" 2>/dev/null; do sleep 0.5; done; ${POSTFIX} -c "$2" stop >/dev/null 2>&1; [ -n "$4" ] || rm -rf "$3"`, 'watchdog', String(process.pid), configDir, base, process.env.POSTFIX_KEEP ?? ''],
    { detached: true, stdio: 'ignore' },
  );
  watchdog.unref();
  const stopWatchdog = () => {
    try {
      if (watchdog.pid) process.kill(-watchdog.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };

  const log = () => readFileSafe(maillog);
  const instance: PostfixInstance = {
    base,
    configDir,
    queueDir,
    port,
    noDsnPort,
    log,
    stop: async () => {
      process.off('exit', onExit);
      stopWatchdog();
      const left = await stopInstance(base);
      if (!left.length && !process.env.POSTFIX_KEEP) rmSync(base, { recursive: true, force: true });
      return left;
    },
  };
  try {
    run(POSTFIX, ['-c', configDir, 'check']);
    run(POSTFIX, ['-c', configDir, 'start']);
    for (let i = 0; ; i++) {
      if ((await canConnect(port)) && (await canConnect(noDsnPort))) break;
      if (i > 100) throw new Error(`Postfix did not listen on 127.0.0.1:${port} and :${noDsnPort} within 10 s`);
      await sleep(100);
    }
  } catch (error) {
    const text = `${error instanceof Error ? error.message : String(error)}\n--- ${maillog}:\n${log()}`;
    await instance.stop();
    throw new Error(`Could not start the private Postfix instance: ${text}`);
  }
  return instance;
}
