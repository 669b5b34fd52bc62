/** Writes messages straight into a Maildir folder (as a local delivery would), owned by the mail user: seeding thousands this way takes a moment, not minutes of APPENDs. */
import { chownSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SeedMessage {
  subject: string;
  date: Date;
  from?: string;
  body?: string;
}

export function rawMessage(m: SeedMessage, index: number): string {
  return [
    `From: ${m.from ?? 'Sender <sender@example.test>'}`,
    'To: Reader <reader@example.test>',
    `Subject: ${m.subject}`,
    `Date: ${m.date.toUTCString()}`,
    `Message-ID: <seed-${index}-${m.subject.replace(/\W+/g, '-')}@example.test>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    m.body ?? `Body of ${m.subject}.`,
    '',
  ].join('\r\n');
}

/** Writes raw messages as they are (malformed ones included) into a Maildir folder's new/. */
export function seedRaw(maildir: string, folder: string, raws: readonly Buffer[], owner: { uid: number; gid: number }): void {
  const dir = folder ? join(maildir, `.${folder}`) : maildir;
  for (const sub of ['', 'cur', 'new', 'tmp']) {
    mkdirSync(join(dir, sub), { recursive: true, mode: 0o700 });
    chownSync(join(dir, sub), owner.uid, owner.gid);
  }
  raws.forEach((raw, i) => {
    const file = join(dir, 'new', `${1_800_000_000 + i}.R${i}P${process.pid}.seed,S=${raw.length}`);
    writeFileSync(file, raw, { mode: 0o600 });
    chownSync(file, owner.uid, owner.gid);
  });
}

/** `folder`: '' for INBOX, else the folder's name (Maildir++ ".Name"). */
export function seedMaildir(maildir: string, folder: string, messages: readonly SeedMessage[], owner: { uid: number; gid: number }): void {
  const dir = folder ? join(maildir, `.${folder}`) : maildir;
  for (const sub of ['', 'cur', 'new', 'tmp']) {
    mkdirSync(join(dir, sub), { recursive: true, mode: 0o700 });
    chownSync(join(dir, sub), owner.uid, owner.gid);
  }
  messages.forEach((m, i) => {
    const text = rawMessage(m, i);
    const file = join(dir, 'new', `${1_700_000_000 + i}.M${i}P${process.pid}.seed,S=${Buffer.byteLength(text)}`);
    writeFileSync(file, text, { mode: 0o600 });
    chownSync(file, owner.uid, owner.gid);
  });
}
