/**
 * Turns nodemailer's bunyan-style logger calls into transcript entries: one per
 * client command, one per (multi-line) server reply, plus connection notes.
 * Secrets never leave this function: AUTH arguments are masked here even though
 * nodemailer already hides them, so a change there cannot leak a password.
 */
import { format } from 'node:util';
import type { TranscriptEntry } from '../../../shared/model';
import { parseReply } from './reply';

export type TranscriptLine = Omit<TranscriptEntry, 'itemId' | 'connectionId' | 'seq'>;

export function maskClientLine(line: string): string {
  const auth = /^AUTH\s+(\S+)/i.exec(line);
  if (auth) return `AUTH ${auth[1]?.toUpperCase()} ****`;
  return line;
}

interface LogContext {
  tnx?: string;
}

export function createTranscriptLogger(emit: (line: TranscriptLine) => void, now: () => number = Date.now) {
  // After a client "AUTH LOGIN", the next client lines are the base64 user and password.
  let inAuthExchange = false;
  const write = (direction: TranscriptLine['direction']) => (context: LogContext | string, message?: string, ...args: unknown[]) => {
    const ctx = typeof context === 'object' && context !== null ? context : {};
    // nodemailer passes client and server lines whole, without arguments: those need no formatting.
    const text = typeof context === 'string' ? format(context, message, ...args) : args.length ? format(message ?? '', ...args) : (message ?? '');
    if (ctx.tnx === 'client') {
      const isAuth = /^AUTH\b/i.test(text);
      const line = isAuth ? maskClientLine(text) : inAuthExchange ? '****' : text;
      if (isAuth) inAuthExchange = true;
      const command = isAuth ? 'AUTH' : inAuthExchange ? 'AUTH' : (/^[A-Za-z]+/.exec(text)?.[0]?.toUpperCase() ?? '');
      emit({ at: now(), direction: 'client', command, text: line });
    } else if (ctx.tnx === 'server') {
      const reply = parseReply(text);
      if (reply && reply.code !== 334) inAuthExchange = false;
      emit({ at: now(), direction: 'server', ...(reply ? { code: reply.code, ...(reply.enhanced ? { enhanced: reply.enhanced } : {}) } : {}), text });
    } else {
      emit({ at: now(), direction, text });
    }
  };
  return {
    trace: () => undefined,
    // Client and server lines come at debug level; the rest of debug is noise.
    debug: (context: LogContext | string, message?: string, ...args: unknown[]) => {
      const tnx = typeof context === 'object' && context !== null ? context.tnx : undefined;
      if (tnx === 'client' || tnx === 'server') write('info')(context, message, ...args);
    },
    info: write('info'),
    warn: write('error'),
    error: write('error'),
    fatal: write('error'),
  };
}
