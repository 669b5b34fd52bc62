/**
 * A private Dovecot instance for the IMAP real-peer suite: its own config,
 * run and state folders under one temp folder, IMAP on 127.0.0.1 (plain text
 * allowed, loopback only) and IMAPS with a certificate made for the run, one
 * user from a passwd-file, Maildir storage in the same folder. The system's
 * /etc/dovecot is neither read nor started. Needs root (the master binds and
 * switches to the mail user).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DOVECOT = '/usr/sbin/dovecot';
export const DOVEADM = '/usr/bin/doveadm';
/** Every instance folder starts with this, so a sweep finds what a crashed run left behind. */
const PREFIX = 'ootest-dovecot-';
export const TEST_USER = 'reader';
export const TEST_PASSWORD = 'correct horse battery';

export interface DovecotInstance {
  base: string;
  port: number;
  tlsPort: number;
  /** The certificate IMAPS presents (self-made, CN=localhost), PEM. */
  certificatePem: string;
  /** LMTP on 127.0.0.1 (started with `lmtp: true`): any local part delivers to the user of that name. */
  lmtpPort: number | null;
  user: string;
  password: string;
  /** The user's Maildir (delivered files can be written here directly). */
  maildir: string;
  uid: number;
  gid: number;
  doveadm(args: string[]): string;
  log(): string;
  stop(): Promise<void>;
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw new Error(`${command} ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

/** Fails loudly: this suite is part of `npm test` and must never pass by skipping. */
export function requireRootAndDovecot(): void {
  if (process.getuid?.() !== 0) throw new Error('The IMAP suite needs root: it starts a Dovecot instance. Run `npm run test:imap` as root.');
  if (!existsSync(DOVECOT)) throw new Error(`${DOVECOT} is missing: scripts/ensure-dovecot.mjs should have installed it (globalSetup).`);
}

export async function freePorts(count: number): Promise<number[]> {
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

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

async function stopInstance(base: string): Promise<void> {
  const pid = Number(readSafe(join(base, 'run', 'master.pid')).trim());
  if (!pid || !alive(pid)) return;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

/** Stops and removes instances whose owning test process is gone. */
export async function sweepStaleInstances(): Promise<void> {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(PREFIX)) continue;
    const base = join(tmpdir(), name);
    const owner = Number(readSafe(join(base, 'owner.pid')));
    if (owner && alive(owner)) continue;
    await stopInstance(base);
    if (!process.env.DOVECOT_KEEP) rmSync(base, { recursive: true, force: true });
  }
}

function makeCertificate(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  run('/usr/bin/openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', key, '-out', cert]);
  chmodSync(key, 0o600);
  return { cert, key };
}

export interface DovecotOptions {
  /** The name of the folder marked \Sent (special-use); "Sent" by default. */
  sentFolder?: string;
  /** Also listen for LMTP, so a Postfix can deliver into this Dovecot. */
  lmtp?: boolean;
}

export async function startDovecot(options: DovecotOptions = {}): Promise<DovecotInstance> {
  requireRootAndDovecot();
  await sweepStaleInstances();
  const base = mkdtempSync(join(tmpdir(), PREFIX));
  chmodSync(base, 0o755);
  writeFileSync(join(base, 'owner.pid'), String(process.pid));
  for (const dir of ['run', 'state', 'mail']) mkdirSync(join(base, dir), { mode: 0o755 });
  const [uid, gid] = run('/usr/bin/getent', ['passwd', 'nobody']).split(':').slice(2, 4).map(Number) as [number, number];
  const home = join(base, 'mail', TEST_USER);
  const maildir = join(home, 'Maildir');
  for (const dir of [home, maildir, join(maildir, 'cur'), join(maildir, 'new'), join(maildir, 'tmp')]) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chownSync(dir, uid, gid);
  }
  const { cert, key } = makeCertificate(base);
  writeFileSync(join(base, 'passwd'), `${TEST_USER}:{PLAIN}${TEST_PASSWORD}::::::\n`, { mode: 0o600 });
  // Read by the auth process, which runs as Dovecot's internal user; nobody else may.
  const [authUid, authGid] = run('/usr/bin/getent', ['passwd', 'dovecot']).split(':').slice(2, 4).map(Number) as [number, number];
  chownSync(join(base, 'passwd'), authUid, authGid);
  const [port, tlsPort, lmtpPort] = (await freePorts(3)) as [number, number, number];
  // For a mail server that delivers here (the Postfix loop): the user is the address's local part.
  const lmtp = options.lmtp
    ? `service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = ${lmtpPort}
  }
}
`
    : '';
  const conf = join(base, 'dovecot.conf');
  writeFileSync(
    conf,
    `# Written by the IMAP real-peer suite; nothing here reads /etc/dovecot.
base_dir = ${base}/run
state_dir = ${base}/state
instance_name = ${base.slice(tmpdir().length + 1)}
log_path = ${base}/dovecot.log
protocols = imap${options.lmtp ? ' lmtp' : ''}
listen = 127.0.0.1
ssl = yes
ssl_cert = <${cert}
ssl_key = <${key}
${existsSync('/usr/share/dovecot/dh.pem') ? 'ssl_dh = </usr/share/dovecot/dh.pem' : ''}
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
mail_uid = ${uid}
mail_gid = ${gid}
first_valid_uid = 1
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${base}/passwd
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${base}/mail/%n${options.lmtp ? ' allow_all_users=yes' : ''}
}
${lmtp}
namespace inbox {
  inbox = yes
  separator = /
  mailbox "${options.sentFolder ?? 'Sent'}" {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
  mailbox Junk {
    special_use = \\Junk
    auto = subscribe
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = ${tlsPort}
    ssl = yes
  }
}
service stats {
  unix_listener stats-reader {
    mode = 0666
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
protocol imap {
  mail_max_userip_connections = 50
}
`,
  );
  // The master forks into the background; its inherited pipes would keep spawnSync waiting, so none are given.
  const started = spawnSync(DOVECOT, ['-c', conf], { stdio: 'ignore', timeout: 30_000 });
  if (started.status !== 0) throw new Error(`dovecot -c ${conf} exited with ${started.status ?? started.error?.message}:\n${readSafe(join(base, 'dovecot.log'))}`);
  const log = () => readSafe(join(base, 'dovecot.log'));
  for (let i = 0; i < 200 && !((await canConnect(port)) && (await canConnect(tlsPort))); i++) await new Promise((r) => setTimeout(r, 50));
  if (!(await canConnect(port))) throw new Error(`Dovecot did not start listening on ${port}:\n${log()}`);
  return {
    base,
    port,
    tlsPort,
    certificatePem: readFileSync(cert, 'utf8'),
    lmtpPort: options.lmtp ? lmtpPort : null,
    user: TEST_USER,
    password: TEST_PASSWORD,
    maildir,
    uid,
    gid,
    doveadm: (args) => run(DOVEADM, ['-c', conf, ...args]),
    log,
    async stop() {
      await stopInstance(base);
      if (!process.env.DOVECOT_KEEP) rmSync(base, { recursive: true, force: true });
    },
  };
}
