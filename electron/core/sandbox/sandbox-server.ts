/**
 * The local sandbox: an SMTP server on 127.0.0.1 that advertises DSN and keeps
 * what it receives, so a new user can send at once and see every step.
 */
import { createWriteStream, mkdirSync, readdirSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import type { SandboxMessage } from '../../../shared/model';
import { decodeHeaderWords, readHeader } from './headers';

export const SANDBOX_MAX_SIZE = 25 * 1024 * 1024;
/** What the sandbox keeps in all: it is for trying the app, not a mail store. */
export const SANDBOX_QUOTA = 500 * 1024 * 1024;
export const SANDBOX_USER = 'outbox-mail';

export interface SandboxServer {
  port: number;
  /** The login that lets this app (and nothing else on the machine) hand it mail: a fresh password each run, never stored. */
  credentials: { mechanism: 'plain'; user: string; secret: string };
  close(): Promise<void>;
}

function samePassword(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Bytes of the messages already kept, so the quota counts across runs. */
function keptBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.eml')) continue;
    try {
      total += statSync(join(dir, name)).size;
    } catch {
      // removed meanwhile
    }
  }
  return total;
}

const params = (address: SMTPServerAddress): Record<string, string> =>
  Object.fromEntries(Object.entries(address.args || {}).map(([k, v]) => [k.toUpperCase(), String(v)]));

/** Collects the header block (up to the first blank line) while the body streams to disk. */
class HeaderTap extends Transform {
  header = '';
  private done = false;
  override _transform(chunk: Buffer, _enc: BufferEncoding, callback: () => void): void {
    if (!this.done) {
      this.header += chunk.toString('latin1');
      const end = this.header.search(/\r?\n\r?\n/);
      if (end >= 0 || this.header.length > 256 * 1024) {
        this.done = true;
        if (end >= 0) this.header = this.header.slice(0, end);
      }
    }
    this.push(chunk);
    callback();
  }
}

export async function startSandboxServer(options: {
  dir: string;
  port?: number;
  onMessage: (message: SandboxMessage) => Promise<void>;
  onError?: (error: unknown) => void;
  quota?: number;
  /** Tests only: the run's password, so a test can hand the sandbox raw mail as an outside sender would. */
  secret?: string;
}): Promise<SandboxServer> {
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const secret = options.secret ?? randomBytes(24).toString('base64url');
  const quota = options.quota ?? SANDBOX_QUOTA;
  let used = keptBytes(options.dir);
  const server = new SMTPServer({
    name: 'sandbox.localhost',
    banner: 'Outbox Mail local sandbox',
    // smtp-server hides DSN unless told otherwise.
    hideDSN: false,
    hideSMTPUTF8: false,
    hide8BITMIME: false,
    // Any local process can reach a loopback port: only a client that knows this run's password may hand over mail.
    disabledCommands: ['STARTTLS'],
    authMethods: ['PLAIN'],
    authOptional: false,
    allowInsecureAuth: true,
    size: SANDBOX_MAX_SIZE,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SANDBOX_USER && samePassword(auth.password ?? '', secret)) callback(null, { user: SANDBOX_USER });
      else callback(Object.assign(new Error('5.7.8 This sandbox takes mail only from Outbox Mail'), { responseCode: 535 }));
    },
    onMailFrom(address, _session, callback) {
      // A client that declared its SIZE hears of a full sandbox before it sends the data.
      const declared = Number(params(address).SIZE ?? 0) || 0;
      if (used + declared > quota) return callback(Object.assign(new Error('4.3.1 The sandbox is full: delete kept messages'), { responseCode: 452 }));
      callback();
    },
    onData(stream, session, callback) {
      const id = randomUUID();
      const tap = new HeaderTap();
      const file = join(options.dir, `${id}.eml`);
      const discard = () => rm(file, { force: true }).catch(() => undefined);
      pipeline(stream, tap, createWriteStream(file, { mode: 0o600 }))
        .then(async () => {
          if ((stream as { sizeExceeded?: boolean }).sizeExceeded) {
            await discard();
            const error = Object.assign(new Error('Message exceeds the sandbox size limit'), { responseCode: 552 });
            return callback(error);
          }
          const size = (stream as { byteLength?: number }).byteLength ?? 0;
          if (used + size > quota) {
            await discard();
            return callback(Object.assign(new Error('4.3.1 The sandbox is full: delete kept messages'), { responseCode: 452 }));
          }
          used += size;
          const envelope = session.envelope;
          // Read as latin1 so chunk edges cannot split a character; the header itself is UTF-8 or ASCII.
          const header = Buffer.from(tap.header, 'latin1').toString('utf8');
          const mailFrom = envelope.mailFrom || { address: '', args: {} };
          await options.onMessage({
            id,
            receivedAt: Date.now(),
            mailFrom: mailFrom.address,
            mailParams: params(mailFrom as SMTPServerAddress),
            rcptTo: envelope.rcptTo.map((r) => ({ address: r.address, params: params(r) })),
            size: (stream as { byteLength?: number }).byteLength ?? 0,
            messageId: readHeader(header, 'message-id') ?? '',
            subject: decodeHeaderWords(readHeader(header, 'subject') ?? ''),
          });
          callback(null, `Ok: kept as ${id}`);
        })
        .catch(async (error) => {
          // A message cut off, refused or not recorded leaves no file behind.
          await discard();
          options.onError?.(error);
          callback(Object.assign(new Error('Sandbox could not store the message'), { responseCode: 451 }));
        });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => options.onError?.(error));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    credentials: { mechanism: 'plain', user: SANDBOX_USER, secret },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
