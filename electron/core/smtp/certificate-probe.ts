/**
 * Fetches the certificate a server presents, without trusting it, so the user
 * can see its fingerprint and decide. Speaks just enough SMTP for STARTTLS.
 */
import { X509Certificate } from 'node:crypto';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import type { SmtpEndpoint } from './connection-options';

export interface PresentedCertificate {
  sha256: string;
  pem: string;
  subject: string;
  issuer: string;
  validTo: string;
}

const TIMEOUT_MS = 10_000;

/** Reads one complete SMTP reply (the line whose code is followed by a space). */
function readReply(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (/(^|\r?\n)\d{3} [^\n]*\r?\n$/.test(text)) {
        socket.off('data', onData);
        resolve(text);
      }
    };
    socket.on('data', onData);
    socket.once('error', reject);
  });
}

async function startTls(endpoint: SmtpEndpoint): Promise<Socket> {
  const socket = netConnect({ host: endpoint.host, port: endpoint.port });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  await readReply(socket);
  socket.write('EHLO outbox-mail.localhost\r\n');
  await readReply(socket);
  socket.write('STARTTLS\r\n');
  const reply = await readReply(socket);
  if (!reply.startsWith('220')) {
    socket.destroy();
    throw new Error(`The server refused STARTTLS: ${reply.trim()}`);
  }
  return socket;
}

export async function probeCertificate(endpoint: SmtpEndpoint): Promise<PresentedCertificate> {
  const plain = endpoint.security === 'starttls' ? await startTls(endpoint) : undefined;
  return presentedCertificate(endpoint, plain);
}

/** The TLS handshake and the certificate it showed, over `plain` (after a STARTTLS) or a new connection (implicit TLS). */
export async function presentedCertificate(endpoint: { host: string; port: number }, plain: Socket | undefined): Promise<PresentedCertificate> {
  const servername = /^[\d.:[\]]+$/.test(endpoint.host) ? undefined : endpoint.host;
  const secure: TLSSocket = tlsConnect({
    ...(plain ? { socket: plain } : { host: endpoint.host, port: endpoint.port }),
    ...(servername ? { servername } : {}),
    // Looking, not trusting: nothing is sent over this connection.
    rejectUnauthorized: false,
  });
  secure.setTimeout(TIMEOUT_MS, () => secure.destroy(new Error('The server did not finish the TLS handshake.')));
  try {
    await new Promise<void>((resolve, reject) => secure.once('secureConnect', resolve).once('error', reject));
    const raw = secure.getPeerCertificate(true).raw;
    if (!raw) throw new Error('The server presented no certificate.');
    const cert = new X509Certificate(raw);
    return { sha256: cert.fingerprint256, pem: cert.toString(), subject: cert.subject.replace(/\n/g, ', '), issuer: cert.issuer.replace(/\n/g, ', '), validTo: cert.validTo };
  } finally {
    secure.destroy();
  }
}
