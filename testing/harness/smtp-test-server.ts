/**
 * Test helper: a real smtp-server on 127.0.0.1 (port 0) that records what a
 * client sent, from the raw bytes on the wire to the decoded envelope and the
 * message as the server's onData saw it. Options inject the faults tests need.
 */
import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer, type SMTPServerAddress, type SMTPServerOptions } from 'smtp-server';

export type SmtpError = Error & { responseCode: number };

export const smtpError = (responseCode: number, message: string): SmtpError => Object.assign(new Error(message), { responseCode });

export interface TestSmtpServerOptions {
  /** smtp-server hides DSN by default; pass false to advertise it. */
  hideDSN?: boolean;
  hideSMTPUTF8?: boolean;
  hidePIPELINING?: boolean;
  hide8BITMIME?: boolean;
  size?: number;
  /** Defaults to ['AUTH', 'STARTTLS']: smtp-server's built-in certificate has expired. */
  disabledCommands?: SMTPServerOptions['disabledCommands'];
  /** Return an error to refuse MAIL FROM (its responseCode is the reply code). */
  mailFrom?: (address: SMTPServerAddress) => SmtpError | null;
  /** Return an error to refuse this RCPT TO. */
  rcptTo?: (address: SMTPServerAddress) => SmtpError | null;
  /** Called with every chunk of message data as it arrives. */
  onDataChunk?: (chunk: Buffer, soFar: number) => void;
}

export interface ReceivedMessage {
  mailFrom: SMTPServerAddress;
  rcptTo: SMTPServerAddress[];
  /** The message as onData read it: dot-unstuffed, without the terminating dot. */
  data: Buffer;
}

export interface TestSmtpServer {
  port: number;
  /** Every MAIL FROM the server accepted or refused, with its parameters. */
  mailFroms: SMTPServerAddress[];
  rcptTos: SMTPServerAddress[];
  /** Messages whose data ended with the final dot. */
  messages: ReceivedMessage[];
  /** DATA streams that started. */
  dataStarted: number;
  /** DATA streams that were cut off before the final dot. */
  dataAborted: number;
  connections: number;
  closedConnections: number;
  /** Everything the clients wrote, as latin1 text. */
  wire(): string;
  close(): Promise<void>;
}

export async function startTestSmtpServer(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
  const wireChunks: Buffer[] = [];
  const state: Omit<TestSmtpServer, 'port' | 'wire' | 'close'> = {
    mailFroms: [],
    rcptTos: [],
    messages: [],
    dataStarted: 0,
    dataAborted: 0,
    connections: 0,
    closedConnections: 0,
  };
  const sockets = new Set<Socket>();

  const server = new SMTPServer({
    name: 'test.localhost',
    logger: false,
    authOptional: true,
    disabledCommands: options.disabledCommands ?? ['AUTH', 'STARTTLS'],
    ...(options.hideDSN !== undefined ? { hideDSN: options.hideDSN } : {}),
    ...(options.hideSMTPUTF8 !== undefined ? { hideSMTPUTF8: options.hideSMTPUTF8 } : {}),
    ...(options.hidePIPELINING !== undefined ? { hidePIPELINING: options.hidePIPELINING } : {}),
    ...(options.hide8BITMIME !== undefined ? { hide8BITMIME: options.hide8BITMIME } : {}),
    ...(options.size !== undefined ? { size: options.size } : {}),
    onMailFrom(address, _session, callback) {
      state.mailFroms.push(address);
      callback(options.mailFrom?.(address) ?? null);
    },
    onRcptTo(address, _session, callback) {
      state.rcptTos.push(address);
      callback(options.rcptTo?.(address) ?? null);
    },
    onData(stream, session, callback) {
      state.dataStarted++;
      const chunks: Buffer[] = [];
      let size = 0;
      let ended = false;
      stream.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        options.onDataChunk?.(chunk, size);
      });
      stream.on('error', () => undefined);
      stream.on('close', () => {
        if (!ended) state.dataAborted++;
      });
      stream.on('end', () => {
        ended = true;
        const mailFrom = session.envelope.mailFrom;
        state.messages.push({
          mailFrom: mailFrom || { address: '', args: false },
          rcptTo: [...session.envelope.rcptTo],
          data: Buffer.concat(chunks),
        });
        callback(null, 'Ok: queued as TEST');
      });
    },
  });

  // Tap the raw socket so tests can see exactly what went over the wire.
  server.server.on('connection', (socket: Socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on('data', (chunk: Buffer) => wireChunks.push(Buffer.from(chunk)));
    socket.on('close', () => {
      state.closedConnections++;
      sockets.delete(socket);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', () => undefined);
  const port = (server.server.address() as AddressInfo).port;

  return Object.assign(state, {
    port,
    wire: () => Buffer.concat(wireChunks).toString('latin1'),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  });
}

/** Polls until the condition holds (or fails the test after the timeout). */
export async function waitFor(condition: () => boolean, timeoutMs = 1500, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
