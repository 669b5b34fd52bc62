/**
 * Test double: a minimal IMAP server in this process, for the connection test
 * until a real IMAP server (Dovecot) runs in our tests. It speaks only what a
 * client needs to connect, look and leave: the greeting, CAPABILITY,
 * STARTTLS, LOGIN, AUTHENTICATE PLAIN (with or without SASL-IR), ID,
 * NAMESPACE, ENABLE, NOOP and LOGOUT, with literals. Anything else is BAD.
 * It records whether each login came over TLS, so a test can tell a password
 * never travelled in clear.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { TLSSocket } from 'node:tls';

export interface ScriptedImapOptions {
  /** Implicit TLS from the first byte (imaps), or STARTTLS offered on a plain port, or neither. */
  tls?: { key: string; cert: string; mode: 'implicit' | 'starttls' };
  users?: Readonly<Record<string, string>>;
  /** After login. Default: what a modern server offers. */
  capabilities?: string[];
  /** Before login (AUTH=… goes here). Default: AUTH=PLAIN, SASL-IR, ID. */
  preAuthCapabilities?: string[];
  /** 'silent': accept the connection and never greet. */
  greeting?: 'normal' | 'silent';
}

export interface ScriptedImapServer {
  port: number;
  /** Every command line, passwords masked. */
  commands: string[];
  logins: { user: string; ok: boolean; overTls: boolean }[];
  close(): Promise<void>;
}

export const MODERN_CAPABILITIES = ['IMAP4rev1', 'IDLE', 'CONDSTORE', 'QRESYNC', 'MOVE', 'UIDPLUS', 'SPECIAL-USE', 'APPENDLIMIT=35651584', 'NAMESPACE', 'ID', 'ENABLE', 'LITERAL+'];

/** Splits an IMAP command's arguments: atoms, "quoted strings" (with \\ escapes) and literals already inlined. */
function splitArguments(text: string): string[] {
  const out: string[] = [];
  const token = /\s*(?:"((?:[^"\\]|\\.)*)"|(\S+))/gy;
  for (let m = token.exec(text); m; m = token.exec(text)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] as string));
  return out;
}

/** Where a line ends in a literal announcement, {n} or {n+}. */
const LITERAL = /\{(\d+)(\+?)\}\r\n$/;

export async function startScriptedImapServer(options: ScriptedImapOptions = {}): Promise<ScriptedImapServer> {
  const users = options.users ?? { ann: 'correct horse battery staple' };
  const postAuth = options.capabilities ?? MODERN_CAPABILITIES;
  const preAuth = options.preAuthCapabilities ?? ['IMAP4rev1', 'AUTH=PLAIN', 'SASL-IR', 'ID', 'LITERAL+'];
  const state: ScriptedImapServer = { port: 0, commands: [], logins: [], close: async () => undefined };
  const sockets = new Set<Socket>();

  const session = (raw: Socket) => {
    let socket: Socket = raw;
    let secure = options.tls?.mode === 'implicit';
    let authenticated = false;
    let buffer = Buffer.alloc(0);
    /** A command being assembled across literals. */
    let pending = '';
    let awaiting: { literal: number } | { saslTag: string } | null = null;

    const send = (line: string) => socket.write(`${line}\r\n`);
    const capabilities = () => {
      if (authenticated) return postAuth;
      if (options.tls?.mode === 'starttls' && !secure) return ['IMAP4rev1', 'STARTTLS', 'LOGINDISABLED'];
      return preAuth;
    };
    const login = (tag: string, user: string, pass: string) => {
      const ok = users[user] !== undefined && users[user] === pass;
      state.logins.push({ user, ok, overTls: secure });
      if (!ok) return send(`${tag} NO [AUTHENTICATIONFAILED] Authentication failed.`);
      authenticated = true;
      send(`${tag} OK [CAPABILITY ${postAuth.join(' ')}] Logged in`);
    };

    const command = (line: string) => {
      const [tag = '*', verb = '', ...rest] = splitArguments(line);
      const name = verb.toUpperCase();
      state.commands.push(name === 'LOGIN' || name === 'AUTHENTICATE' ? `${tag} ${name} ***` : line);
      switch (name) {
        case 'CAPABILITY':
          send(`* CAPABILITY ${capabilities().join(' ')}`);
          return send(`${tag} OK Capability completed`);
        case 'NOOP':
          return send(`${tag} OK NOOP completed`);
        case 'ID':
          send('* ID ("name" "scripted-imap")');
          return send(`${tag} OK ID completed`);
        case 'NAMESPACE':
          send('* NAMESPACE (("" "/")) NIL NIL');
          return send(`${tag} OK Namespace completed`);
        case 'ENABLE':
          send(`* ENABLED ${rest.filter((r) => postAuth.includes(r.toUpperCase())).join(' ')}`.trimEnd());
          return send(`${tag} OK Enabled`);
        case 'STARTTLS': {
          if (options.tls?.mode !== 'starttls' || secure) return send(`${tag} BAD STARTTLS not available`);
          send(`${tag} OK Begin TLS negotiation now`);
          const tls = new TLSSocket(socket, { isServer: true, key: options.tls.key, cert: options.tls.cert });
          socket.removeAllListeners('data');
          tls.on('data', onData);
          tls.on('error', () => raw.destroy());
          socket = tls;
          secure = true;
          return;
        }
        case 'LOGIN':
          if (capabilities().includes('LOGINDISABLED')) return send(`${tag} NO [PRIVACYREQUIRED] Use STARTTLS first`);
          return login(tag, rest[0] ?? '', rest[1] ?? '');
        case 'AUTHENTICATE': {
          if ((rest[0] ?? '').toUpperCase() !== 'PLAIN' || !capabilities().includes('AUTH=PLAIN')) return send(`${tag} NO Unsupported mechanism`);
          if (rest[1]) return plain(tag, rest[1]);
          awaiting = { saslTag: tag };
          return send('+ ');
        }
        case 'LOGOUT':
          send('* BYE Logging out');
          send(`${tag} OK Logout completed`);
          return void socket.end();
        default:
          return send(`${tag} BAD Unknown command`);
      }
    };
    const plain = (tag: string, base64: string) => {
      const [, user = '', pass = ''] = Buffer.from(base64, 'base64').toString('utf8').split('\0');
      login(tag, user, pass);
    };

    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (awaiting && 'literal' in awaiting) {
          if (buffer.length < awaiting.literal) return;
          pending += `"${buffer.subarray(0, awaiting.literal).toString('utf8').replace(/(["\\])/g, '\\$1')}"`;
          buffer = buffer.subarray(awaiting.literal);
          awaiting = null;
          continue;
        }
        const end = buffer.indexOf('\r\n');
        if (end < 0) return;
        const line = buffer.subarray(0, end + 2).toString('utf8');
        buffer = buffer.subarray(end + 2);
        if (awaiting && 'saslTag' in awaiting) {
          const tag = awaiting.saslTag;
          awaiting = null;
          plain(tag, line.trim());
          continue;
        }
        const literal = LITERAL.exec(line);
        if (literal) {
          pending += line.slice(0, literal.index);
          awaiting = { literal: Number(literal[1]) };
          if (literal[2] !== '+') send('+ Ready for literal data');
          continue;
        }
        const whole = pending + line.slice(0, -2);
        pending = '';
        command(whole);
      }
    };

    if (options.greeting === 'silent') return;
    send(`* OK [CAPABILITY ${capabilities().join(' ')}] Scripted IMAP ready.`);
    socket.on('data', onData);
  };

  const onConnection = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    if (options.tls?.mode === 'implicit') {
      const tls = new TLSSocket(socket, { isServer: true, key: options.tls.key, cert: options.tls.cert });
      tls.on('error', () => socket.destroy());
      tls.once('secure', () => session(tls));
    } else session(socket);
  };

  const server: Server = createServer(onConnection);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  state.port = (server.address() as AddressInfo).port;
  state.close = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  };
  return state;
}
