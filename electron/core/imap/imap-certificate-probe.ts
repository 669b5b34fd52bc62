/**
 * Fetches the certificate an IMAP server presents, without trusting it, so
 * the user can see its fingerprint and decide. Implicit TLS, or STARTTLS
 * after speaking just enough IMAP (the greeting, then one STARTTLS command).
 */
import { connect as netConnect, type Socket } from 'node:net';
import { presentedCertificate, type PresentedCertificate } from '../smtp/certificate-probe';
import type { IncomingServer } from './imap-options';

const TIMEOUT_MS = 10_000;

/** Waits for a complete line that `done` accepts; untagged lines before it are skipped. */
function readUntil(socket: Socket, done: (line: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (text.length > 64 * 1024) return finish(new Error('The server sent too much before TLS.'));
      const lines = text.split('\r\n');
      text = lines.pop() ?? '';
      const line = lines.find(done);
      if (line !== undefined) finish(null, line);
    };
    const onClose = () => finish(new Error('The server closed the connection.'));
    const finish = (error: Error | null, line?: string) => {
      socket.off('data', onData).off('error', finish).off('close', onClose);
      if (error) reject(error);
      else resolve(line as string);
    };
    socket.on('data', onData).once('error', finish).once('close', onClose);
  });
}

async function startTls(server: IncomingServer): Promise<Socket> {
  const socket = netConnect({ host: server.host, port: server.port });
  socket.setTimeout(TIMEOUT_MS, () => socket.destroy(new Error('The server did not answer in time.')));
  try {
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    const greeting = await readUntil(socket, (line) => /^\* (OK|PREAUTH|BYE)\b/i.test(line));
    if (!/^\* OK\b/i.test(greeting)) throw new Error(`The server did not greet: ${greeting.trim()}`);
    socket.write('p1 STARTTLS\r\n');
    const reply = await readUntil(socket, (line) => /^p1 /i.test(line));
    if (!/^p1 OK\b/i.test(reply)) throw new Error(`The server refused STARTTLS: ${reply.trim()}`);
    socket.setTimeout(0);
    return socket;
  } catch (error) {
    socket.destroy();
    throw error;
  }
}

export async function probeImapCertificate(server: IncomingServer): Promise<PresentedCertificate> {
  if (server.security === 'none') throw new Error('This server is not reached over TLS.');
  const plain = server.security === 'starttls' ? await startTls(server) : undefined;
  return presentedCertificate(server, plain);
}
