/**
 * A real SMTP server (smtp-server) inside the Playwright process, listening on
 * 127.0.0.1, for the app under test to send to as it would to any provider.
 * The test decides its answers and may change them half-way (a server that
 * defers, then accepts). It keeps its own record of what it took, so a test
 * counts deliveries where they arrive instead of trusting the app's account
 * of them.
 */
import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { test as hostTest } from './browser-host';

export interface PeerReply {
  code: number;
  /** Everything after the code, enhanced status code included: "5.1.1 <bob@x>: User unknown". */
  text: string;
}

export interface PeerAnswers {
  /** The reply to RCPT TO for this address; null (or no function) accepts it. */
  rcpt?: (address: string) => PeerReply | null;
  /** The reply after the final dot; null (or no function) accepts the message. */
  dataEnd?: () => PeerReply | null;
}

export interface PeerOptions extends PeerAnswers {
  /** Implicit TLS (the client speaks TLS from the first byte) with this key and certificate. */
  tls?: { key: string; cert: string };
  /** Required login (PLAIN or LOGIN); without it the server takes mail from anyone. */
  login?: { username: string; password: string };
  /** Listen on this port (a server that comes back on its old address); any free one otherwise. */
  port?: number;
}

export interface Delivery {
  mailFrom: string;
  rcptTo: string[];
  /** Who logged in on the connection that brought it, if anyone did. */
  user: string | null;
  /** The message as received, dot-unstuffed. */
  raw: string;
}

export interface SmtpPeer {
  port: number;
  /** Messages the server answered 250 to after the final dot. */
  deliveries: Delivery[];
  /** Messages that reached the final dot but were refused there. */
  refusedAtDataEnd: number;
  /** Every address the client gave in RCPT TO, in order, accepted or not. */
  rcptTo: string[];
  /** Login attempts, by user name, whether they succeeded or not. */
  logins: string[];
  /** Replaces the answers from now on (connections already open included). */
  answer(answers: PeerAnswers): void;
  close(): Promise<void>;
}

const refusal = (reply: PeerReply): Error & { responseCode: number } => Object.assign(new Error(reply.text), { responseCode: reply.code });

export async function startSmtpPeer(options: PeerOptions = {}): Promise<SmtpPeer> {
  let answers: PeerAnswers = { rcpt: options.rcpt, dataEnd: options.dataEnd };
  const sockets = new Set<Socket>();
  const record = { deliveries: [] as Delivery[], refusedAtDataEnd: 0, rcptTo: [] as string[], logins: [] as string[] };
  const login = options.login;

  const server = new SMTPServer({
    name: 'peer.example.test',
    logger: false,
    // smtp-server's own certificate has expired; a plain peer offers no STARTTLS rather than a broken one.
    ...(options.tls ? { secure: true, key: options.tls.key, cert: options.tls.cert } : {}),
    disabledCommands: [...(options.tls ? [] : ['STARTTLS']), ...(login ? [] : ['AUTH'])],
    authOptional: !login,
    authMethods: ['PLAIN', 'LOGIN'],
    // A real provider offers DSN; the app then asks for receipts as it would in the field.
    hideDSN: false,
    onAuth(auth, _session, callback) {
      record.logins.push(auth.username ?? '');
      if (login && auth.username === login.username && auth.password === login.password) callback(null, { user: auth.username });
      else callback(refusal({ code: 535, text: '5.7.8 Authentication credentials invalid' }));
    },
    onRcptTo(address, _session, callback) {
      record.rcptTo.push(address.address);
      const reply = answers.rcpt?.(address.address) ?? null;
      callback(reply ? refusal(reply) : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', () => undefined);
      stream.on('end', () => {
        const reply = answers.dataEnd?.() ?? null;
        if (reply) {
          record.refusedAtDataEnd++;
          return callback(refusal(reply));
        }
        // Recorded before the 250 goes out: once the app shows Sent, the delivery is already here.
        const mailFrom = session.envelope.mailFrom;
        record.deliveries.push({
          mailFrom: mailFrom ? mailFrom.address : '',
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          user: typeof session.user === 'string' ? session.user : null,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback(null, 'Ok: queued as PEER');
      });
    },
  });
  server.on('error', () => undefined);
  // Plain sockets for a plain server, the TCP sockets under TLS otherwise: both are what close() must cut.
  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });

  return Object.assign(record, {
    port: (server.server.address() as AddressInfo).port,
    answer: (next: PeerAnswers) => {
      answers = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        // The app keeps a sent-on connection open for the next message; it must not hold the test up.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  });
}

/** The browser-host fixture plus `startPeer`: peers started in a test are closed after it. */
export const test = hostTest.extend<{ startPeer: (options?: PeerOptions) => Promise<SmtpPeer> }>({
  startPeer: async ({}, use) => {
    const peers: SmtpPeer[] = [];
    await use(async (options) => {
      const peer = await startSmtpPeer(options);
      peers.push(peer);
      return peer;
    });
    await Promise.all(peers.map((peer) => peer.close()));
  },
});
export { expect } from '@playwright/test';
