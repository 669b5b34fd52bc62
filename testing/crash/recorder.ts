/**
 * The crash test's receiving server: it outlives every killed client, keeps
 * each message that arrived whole (Message-ID and Subject), and can kill the
 * client at the moments that matter: in the middle of DATA, after the final
 * dot but before its 250 reply, and just after the 250.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received {
  messageId: string;
  subject: string;
}

export type KillPoint = 'mid-data' | 'after-dot' | 'after-250' | null;

export interface Recorder {
  port: number;
  received: Received[];
  /** Called once at the chosen point, then disarmed. */
  arm(point: KillPoint, kill: () => void): void;
  close(): Promise<void>;
}

const header = (text: string, name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(text)?.[1]?.trim() ?? '';

export async function startRecorder(): Promise<Recorder> {
  const received: Received[] = [];
  let armed: { point: KillPoint; kill: () => void } | null = null;
  const fire = (point: KillPoint) => {
    if (armed?.point !== point) return;
    const { kill } = armed;
    armed = null;
    kill();
  };
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideDSN: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        fire('mid-data');
      });
      // A client that vanishes mid-DATA destroys the stream with an error and 'end' never comes:
      // only messages received in full, final dot included, are counted.
      stream.on('error', () => undefined);
      stream.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        received.push({ messageId: header(text, 'Message-ID'), subject: header(text, 'Subject') });
        fire('after-dot');
        callback(null, 'kept');
        // The 250 is on its way: the client dies as it reads it, or just after it stored it.
        setImmediate(() => fire('after-250'));
      });
    },
  });
  // Killed clients reset their connections; that is the point of the test, not an error.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    arm: (point, kill) => {
      armed = point ? { point, kill } : null;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
