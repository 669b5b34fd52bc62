/**
 * Local users for the Postfix suite and their Maildirs. The users carry a
 * marker in their comment field: only marked users are ever removed, so a
 * real account that happens to share a name is left alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './postfix-instance';

const MARKER = 'outbox-mail postfix suite';

interface PasswdEntry {
  name: string;
  comment: string;
  home: string;
}

function passwd(name: string): PasswdEntry | null {
  const result = spawnSync('/usr/bin/getent', ['passwd', name], { encoding: 'utf8' });
  if (result.status !== 0) return null;
  const fields = result.stdout.trim().split(':');
  return { name, comment: fields[4] ?? '', home: fields[5] ?? '' };
}

export interface LocalUsers {
  home(name: string): string;
  /** Removes the users (and their homes) that carry the suite's marker. */
  remove(): void;
}

/**
 * Creates the users that are missing (a UTF-8 name needs useradd --badname) and
 * empties the Maildir of every one, so each run starts with empty mailboxes.
 */
export function ensureLocalUsers(names: string[]): LocalUsers {
  const homes = new Map<string, string>();
  for (const name of names) {
    let entry = passwd(name);
    if (!entry) {
      const badname = /^[a-z_][a-z0-9_-]*$/.test(name) ? [] : ['--badname'];
      run('/usr/sbin/useradd', ['--create-home', '--shell', '/usr/sbin/nologin', '--comment', MARKER, ...badname, name]);
      entry = passwd(name);
    }
    if (!entry?.home) throw new Error(`local user ${name} has no home folder`);
    rmSync(join(entry.home, 'Maildir'), { recursive: true, force: true });
    homes.set(name, entry.home);
  }
  return {
    home: (name) => {
      const home = homes.get(name);
      if (!home) throw new Error(`${name} is not one of the suite's users`);
      return home;
    },
    remove: () => {
      // POSTFIX_KEEP=1 keeps the users and their mail for a look after the run.
      if (process.env.POSTFIX_KEEP) return;
      for (const name of names) {
        if (passwd(name)?.comment !== MARKER) continue;
        // userdel -r also removes the (empty) spool file, and complains when there is none: not an error.
        spawnSync('/usr/sbin/userdel', ['--remove', name], { encoding: 'utf8' });
      }
    },
  };
}

export interface MailPart {
  /** Unfolded header fields in order; names as written. */
  headers: [string, string][];
  header(name: string): string | undefined;
  body: string;
  /** Sub-parts of a multipart body; empty otherwise. */
  parts: MailPart[];
}

/** Just enough MIME (RFC 2045/2046) to read what local(8) and bounce(8) write: LF line ends, no transfer decoding. */
export function parseMail(raw: string): MailPart {
  const text = raw.replace(/\r\n/g, '\n');
  const split = text.indexOf('\n\n');
  const head = split < 0 ? text : text.slice(0, split);
  const body = split < 0 ? '' : text.slice(split + 2);
  const headers: [string, string][] = [];
  for (const line of head.split('\n')) {
    const last = headers[headers.length - 1];
    if (/^[ \t]/.test(line) && last) last[1] += ` ${line.trim()}`;
    else if (line.includes(':')) headers.push([line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]);
  }
  const header = (name: string) => headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
  const boundary = /^multipart\//i.test(header('Content-Type') ?? '') ? /boundary="?([^";]+)"?/i.exec(header('Content-Type') ?? '')?.[1] : undefined;
  const parts: MailPart[] = [];
  if (boundary) {
    let current: string[] | null = null;
    for (const line of body.split('\n')) {
      if (line === `--${boundary}` || line === `--${boundary}--`) {
        if (current) parts.push(parseMail(current.join('\n')));
        if (line === `--${boundary}--`) break;
        current = [];
      } else current?.push(line);
    }
  }
  return { headers, header, body, parts };
}

export interface DeliveryStatus {
  /** The part's own Content-Type: message/delivery-status, or message/global-delivery-status (RFC 6533) for SMTPUTF8 mail. */
  contentType: string;
  /** Per-message fields (Reporting-MTA, Original-Envelope-Id ...), names in lower case. */
  message: Record<string, string>;
  /** One group per recipient (Final-Recipient, Action, Status ...), names in lower case. */
  recipients: Record<string, string>[];
}

/** The RFC 3464 part of a multipart/report, or null when the mail is not a delivery report. */
export function deliveryStatus(mail: MailPart): DeliveryStatus | null {
  const part = mail.parts.find((p) => /^message\/(global-)?delivery-status\b/i.test(p.header('Content-Type') ?? ''));
  if (!part) return null;
  const groups = part.body
    .split(/\n\s*\n/)
    .map((group) => parseMail(`${group.trim()}\n\n`).headers)
    .filter((fields) => fields.length > 0)
    .map((fields) => Object.fromEntries(fields.map(([n, v]) => [n.toLowerCase(), v])));
  const [message, ...recipients] = groups;
  return { contentType: part.header('Content-Type') ?? '', message: message ?? {}, recipients };
}

export interface MaildirMessage {
  file: string;
  raw: string;
  mail: MailPart;
}

/** Everything delivered to the user's ~/Maildir (new and cur). */
export function readMaildir(home: string): MaildirMessage[] {
  const messages: MaildirMessage[] = [];
  for (const sub of ['new', 'cur']) {
    const dir = join(home, 'Maildir', sub);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const file = join(dir, name);
      const raw = readFileSync(file, 'utf8');
      messages.push({ file, raw, mail: parseMail(raw) });
    }
  }
  return messages;
}
