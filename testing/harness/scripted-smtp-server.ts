/**
 * Test helper: a raw TCP "SMTP server" (node:net) that follows a script, for
 * the faults smtp-server cannot express: a greeting other than 220, a line
 * dropped at a chosen step, a 421 anywhere, a server that never answers.
 *
 * The script says, per stage, what to do each time that stage comes round: the
 * greeting, each command verb, the first bytes of message data ('BODY') and the
 * final dot ('DOT'). Unscripted stages answer like a plain, happy server.
 * PIPELINING is not advertised unless asked for, so the exchange is sequential
 * and a stage's action lands on exactly that step.
 */
import { createServer, type AddressInfo, type Socket } from 'node:net';

/**
 * - a reply: one or more complete lines with their codes ("\n" separates the
 *   lines of a multi-line reply), e.g. '451 4.3.0 Try later'
 * - `{ reply, close: true }`: the reply, then the server closes (as after a 421)
 * - 'drop': the connection is cut at once, without a reply
 * - 'silent': no reply, now or later; the connection stays open
 * - 'continue': for 'BODY' only, read on (the default)
 */
export type Action = string | { reply: string; close: true };

export type Stage = 'greeting' | 'EHLO' | 'HELO' | 'MAIL' | 'RCPT' | 'DATA' | 'BODY' | 'DOT' | 'RSET' | 'NOOP' | 'QUIT';

/** One action for every time, one per occurrence (the last repeats), or chosen from the command line. */
export type StageScript = Action | Action[] | ((line: string, occurrence: number) => Action);

export interface Script {
  /** EHLO keywords after the first line, e.g. ['DSN', 'PIPELINING']. Default: ['DSN', 'ENHANCEDSTATUSCODES', '8BITMIME']. */
  ehlo?: string[];
  stages?: Partial<Record<Stage, StageScript>>;
}

export interface ScriptedSmtpServer {
  port: number;
  /** Every command line received, in order, over all connections. */
  commands: string[];
  /** Message data that ended with the final dot (still dot-stuffed, without the dot line). */
  messages: string[];
  connections: number;
  close(): Promise<void>;
}

export const replyAndClose = (line: string): Action => ({ reply: line, close: true });

const NAME = 'scripted.localhost';

function defaults(ehlo: string[]): Record<Stage, Action> {
  const lines = [NAME, ...ehlo];
  return {
    greeting: `220 ${NAME} ESMTP scripted`,
    EHLO: lines.map((l, i) => `250${i === lines.length - 1 ? ' ' : '-'}${l}`).join('\n'),
    HELO: `250 ${NAME}`,
    MAIL: '250 2.1.0 Ok',
    RCPT: '250 2.1.5 Ok',
    DATA: '354 End data with <CR><LF>.<CR><LF>',
    BODY: 'continue',
    DOT: '250 2.0.0 Ok: queued as SCRIPTED',
    RSET: '250 2.0.0 Ok',
    NOOP: '250 2.0.0 Ok',
    QUIT: replyAndClose('221 2.0.0 Bye'),
  };
}

const STAGES = new Set<string>(['EHLO', 'HELO', 'MAIL', 'RCPT', 'DATA', 'RSET', 'NOOP', 'QUIT']);

export async function startScriptedSmtpServer(script: Script = {}): Promise<ScriptedSmtpServer> {
  const fallback = defaults(script.ehlo ?? ['DSN', 'ENHANCEDSTATUSCODES', '8BITMIME']);
  const counts = new Map<Stage, number>();
  const sockets = new Set<Socket>();
  const state = { commands: [] as string[], messages: [] as string[], connections: 0 };

  /** What to do at this stage now; counts occurrences over all connections. */
  const decide = (stage: Stage, line: string): Action => {
    const n = counts.get(stage) ?? 0;
    counts.set(stage, n + 1);
    const scripted = script.stages?.[stage];
    if (scripted === undefined) return fallback[stage];
    if (typeof scripted === 'function') return scripted(line, n);
    if (Array.isArray(scripted)) return scripted[Math.min(n, scripted.length - 1)] ?? fallback[stage];
    return scripted;
  };

  const server = createServer((socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = '';
    let inData = false;
    let bodySeen = false;
    let done = false; // dropped, closed or gone silent: nothing more is read

    /** Carries the action out; returns false when the session is over. */
    const act = (action: Action): boolean => {
      if (action === 'drop') {
        done = true;
        socket.destroy();
        return false;
      }
      if (action === 'silent') {
        done = true;
        return false;
      }
      if (action === 'continue') return true;
      const text = typeof action === 'string' ? action : action.reply;
      socket.write(`${text.split('\n').join('\r\n')}\r\n`);
      if (typeof action === 'object') {
        done = true;
        socket.end();
        return false;
      }
      return true;
    };

    const process = () => {
      while (!done) {
        if (inData) {
          if (!bodySeen && buffer.length > 0) {
            bodySeen = true;
            if (!act(decide('BODY', ''))) return;
          }
          // The data ends with CRLF.CRLF; an empty message is just ".CRLF".
          const end = buffer.startsWith('.\r\n') ? 0 : buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          state.messages.push(buffer.slice(0, end === 0 ? 0 : end + 2));
          buffer = buffer.slice(end === 0 ? 3 : end + 5);
          inData = false;
          if (!act(decide('DOT', ''))) return;
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        state.commands.push(line);
        const verb = (/^[A-Za-z]+/.exec(line)?.[0] ?? '').toUpperCase();
        const action = STAGES.has(verb) ? decide(verb as Stage, line) : '502 5.5.2 Error: command not recognized';
        if (verb === 'DATA' && typeof action === 'string' && action.startsWith('3')) {
          inData = true;
          bodySeen = false;
        }
        if (!act(action)) return;
      }
    };

    socket.on('data', (chunk: Buffer) => {
      if (done) return;
      buffer += chunk.toString('latin1');
      process();
    });
    act(decide('greeting', ''));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return Object.assign(state, {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  });
}

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
