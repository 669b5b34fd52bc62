/** Reading SMTP replies (RFC 5321 §4.2) and enhanced status codes (RFC 3463). */
import type { Capabilities, SmtpReply } from '../../../shared/model';

// RFC 3463: the enhanced code's class is 2, 4 or 5; a number such as "1.2.3" is just text.
const REPLY = /^(\d{3})[ -]?(?:([245]\.\d{1,3}\.\d{1,3})(?:\s|$))?([\s\S]*)$/;

/** Parses a whole (possibly multi-line) reply; the text keeps every line, without the code prefixes. */
export function parseReply(raw: string): SmtpReply | null {
  const lines = raw.replace(/\r/g, '').split('\n').filter((l) => l.length > 0);
  const first = lines[0] && REPLY.exec(lines[0]);
  if (!first) return null;
  const code = Number(first[1]);
  const enhanced = first[2];
  // RFC 2034 §4: the enhanced code starts every line of a multi-line reply; it is taken off each one.
  const strip = (line: string) => (!enhanced ? line : line === enhanced ? '' : line.startsWith(`${enhanced} `) ? line.slice(enhanced.length + 1) : line);
  const text = lines.map((line) => strip(line.replace(/^\d{3}[ -]?/, ''))).join('\n');
  return enhanced ? { code, enhanced, text } : { code, text };
}

export function formatReply(reply: SmtpReply): string {
  return [String(reply.code), reply.enhanced, reply.text].filter(Boolean).join(' ');
}

export type { Capabilities };

/** Reads the EHLO keywords (RFC 5321 §4.1.1.1); the first line is the greeting, not a keyword. */
export function parseEhlo(raw: string): Capabilities {
  const keywords = raw
    .replace(/\r/g, '')
    .split('\n')
    .slice(1)
    .map((line) => line.replace(/^\d{3}[ -]/, '').trim().split(/\s+/))
    .filter((words) => words[0]);
  const find = (name: string) => keywords.find((words) => words[0]?.toUpperCase() === name);
  const size = find('SIZE');
  return {
    dsn: Boolean(find('DSN')),
    size: size ? Number(size[1] ?? 0) || 0 : null,
    smtputf8: Boolean(find('SMTPUTF8')),
    pipelining: Boolean(find('PIPELINING')),
    eightBitMime: Boolean(find('8BITMIME')),
    starttls: Boolean(find('STARTTLS')),
    auth: (find('AUTH')?.slice(1) ?? []).map((m) => m.toUpperCase()),
  };
}
