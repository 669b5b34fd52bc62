/**
 * Delivers raw messages straight to the browser host's local sandbox SMTP
 * server, the way any outside sender would: for mail the app's own Compose
 * cannot write (hostile HTML, odd MIME). The sandbox's port is not printed,
 * so it is found among the host's listening loopback sockets by its 220 greeting.
 */
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import type { RunningHost } from './browser-host';

/** Loopback TCP ports the host process listens on. */
function listeningPorts(pid: number): number[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match?.[1]) inodes.add(match[1]);
    } catch {
      // A descriptor closed meanwhile.
    }
  }
  const ports: number[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // st 0A = LISTEN; column 9 is the inode.
      if (cols[3] === '0A' && cols[9] && inodes.has(cols[9])) ports.push(parseInt((cols[1] ?? '').split(':')[1] ?? '0', 16));
    }
  }
  return [...new Set(ports)];
}

class Dialogue {
  private buffer = '';
  private waiting: ((line: string) => void) | null = null;
  constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      this.deliver();
    });
  }
  private deliver(): void {
    // A reply ends with a line "NNN text" (no dash after the code).
    const match = /(^|\r\n)(\d{3}) [^\r\n]*\r\n/.exec(this.buffer);
    if (!match || !this.waiting) return;
    const end = (match.index ?? 0) + match[0].length;
    const reply = this.buffer.slice(0, end);
    this.buffer = this.buffer.slice(end);
    const waiting = this.waiting;
    this.waiting = null;
    waiting(reply);
  }
  reply(timeoutMs = 10_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no SMTP reply')), timeoutMs);
      this.waiting = (line) => {
        clearTimeout(timer);
        resolve(line);
      };
      this.deliver();
    });
  }
  async command(line: string, expected: RegExp): Promise<string> {
    this.socket.write(`${line}\r\n`);
    const reply = await this.reply();
    if (!expected.test(reply)) throw new Error(`${line} → ${reply}`);
    return reply;
  }
}

async function greets(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(false);
    }, 3000);
    socket.once('data', (data) => {
      clearTimeout(timer);
      socket.end('QUIT\r\n');
      resolve(/^220[ -]/.test(String(data)));
    });
    socket.once('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}

export async function sandboxPort(host: RunningHost): Promise<number> {
  const uiPort = Number(new URL(host.url).port);
  for (const port of listeningPorts(host.process.pid as number)) {
    if (port !== uiPort && (await greets(port))) return port;
  }
  throw new Error('the sandbox SMTP server was not found among the host’s sockets');
}

/** Sends one raw RFC 5322 message (CRLF line ends are added) to the sandbox. */
export async function deliverToSandbox(host: RunningHost, message: { from: string; to: string; raw: string }): Promise<void> {
  const port = await sandboxPort(host);
  const socket = connect({ host: '127.0.0.1', port });
  const smtp = new Dialogue(socket);
  try {
    await smtp.reply();
    await smtp.command('EHLO e2e.test', /^250/m);
    // The sandbox takes mail only from a client that knows the run's password (the test set it).
    await smtp.command(`AUTH PLAIN ${Buffer.from(`\0outbox-mail\0${host.sandboxSecret}`).toString('base64')}`, /^235/);
    await smtp.command(`MAIL FROM:<${message.from}>`, /^250/);
    await smtp.command(`RCPT TO:<${message.to}>`, /^250/);
    await smtp.command('DATA', /^354/);
    const body = message.raw.replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..');
    await smtp.command(`${body}${body.endsWith('\r\n') ? '' : '\r\n'}.`, /^250/);
    await smtp.command('QUIT', /^221/);
  } finally {
    socket.destroy();
  }
}
