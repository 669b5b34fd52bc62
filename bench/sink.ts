/**
 * A minimal, fast SMTP sink for the benchmark: plain node:net, no parsing
 * beyond what the dialogue needs. It answers 220 / 250 / 354 / 250 / 221,
 * handles any number of commands per packet (pipelining or not), and finds
 * the end of DATA across packet boundaries. Every message is accepted and
 * dropped; only counts are kept.
 */
import { createServer, type Socket } from 'node:net';

export interface SinkStats {
  connections: number;
  messages: number;
  /** Bytes of message data (between 354 and the final dot), dot-stuffed as received. */
  bytes: number;
}

export interface Sink {
  port: number;
  stats(): SinkStats;
  reset(): void;
  close(): Promise<void>;
}

// Advertised like a real MTA so both clients send the same MAIL/RCPT parameters (DSN included).
const EHLO_REPLY = '250-bench-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250-SIZE 52428800\r\n250-ENHANCEDSTATUSCODES\r\n250 DSN\r\n';
const END_OF_DATA = Buffer.from('\r\n.\r\n');
// The CRLF that ends the DATA command line counts as the start of the body, so an empty body's "." is found too.
const DATA_START = Buffer.from('\r\n');

export function startSink(port = 0, host = '127.0.0.1'): Promise<Sink> {
  const counts: SinkStats = { connections: 0, messages: 0, bytes: 0 };
  const sockets = new Set<Socket>();

  const server = createServer((socket) => {
    counts.connections++;
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());

    let inData = false;
    let pending = ''; // command mode: a partial line (latin1)
    let tail: Buffer = DATA_START; // data mode: the last bytes seen, for a terminator split across packets

    const onCommands = (text: string): { replies: string; rest: Buffer | null; quit: boolean } => {
      pending += text;
      let replies = '';
      let start = 0;
      for (;;) {
        const nl = pending.indexOf('\n', start);
        if (nl < 0) break;
        const line = pending.slice(start, nl).replace(/\r$/, '');
        start = nl + 1;
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') replies += EHLO_REPLY;
        else if (verb === 'HELO') replies += '250 bench-sink\r\n';
        else if (verb === 'MAIL' || verb === 'RCPT') replies += '250 2.1.0 Ok\r\n';
        else if (verb === 'RSET' || verb === 'NOOP') replies += '250 2.0.0 Ok\r\n';
        else if (verb === 'QUIT') {
          pending = '';
          return { replies: `${replies}221 2.0.0 Bye\r\n`, rest: null, quit: true };
        } else if (verb === 'DATA') {
          replies += '354 End data with <CR><LF>.<CR><LF>\r\n';
          const rest = Buffer.from(pending.slice(start), 'latin1');
          pending = '';
          return { replies, rest, quit: false };
        } else replies += '502 5.5.2 Command not recognized\r\n';
      }
      pending = pending.slice(start);
      return { replies, rest: null, quit: false };
    };

    const onData = (chunk: Buffer): Buffer | null => {
      const joined = Buffer.concat([tail, chunk]);
      const end = joined.indexOf(END_OF_DATA);
      if (end < 0) {
        counts.bytes += chunk.length;
        tail = joined.subarray(Math.max(0, joined.length - (END_OF_DATA.length - 1)));
        return null;
      }
      counts.bytes += Math.max(0, end - tail.length);
      counts.messages++;
      inData = false;
      tail = DATA_START;
      return joined.subarray(end + END_OF_DATA.length);
    };

    socket.on('data', (chunk: Buffer) => {
      let out = '';
      let input: Buffer | null = chunk;
      while (input && input.length) {
        if (inData) {
          const rest = onData(input);
          if (rest === null) break;
          out += `250 2.0.0 Ok: queued as ${counts.messages}\r\n`;
          input = rest;
          continue;
        }
        const { replies, rest, quit } = onCommands(input.toString('latin1'));
        out += replies;
        if (quit) {
          socket.end(out);
          return;
        }
        if (rest === null) break;
        inData = true;
        input = rest;
      }
      if (out) socket.write(out);
    });

    socket.write('220 bench-sink ESMTP\r\n');
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      if (!address || typeof address === 'string') return reject(new Error('sink: no port'));
      resolve({
        port: address.port,
        stats: () => ({ ...counts }),
        reset: () => {
          counts.connections = 0;
          counts.messages = 0;
          counts.bytes = 0;
        },
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
