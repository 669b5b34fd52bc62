import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { OutboxItem, StoredAttachment } from '../../../shared/model';
import type { AttachmentStore } from '../attachments/attachment-store';
import { makeItem, tempAttachmentStore } from '../../../testing/harness/fixtures';
import { measureMime, renderMime, renderSentCopy } from './mime';

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function attach(files: AttachmentStore, name: string, type: string, bytes: Buffer): StoredAttachment {
  const sha256 = files.put(bytes);
  expect(sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  return { name, type, size: bytes.length, sha256 };
}

/** Bytes with every value, so base64 and any re-encoding have something to chew on. */
const noise = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 151 + 7) % 256));

describe('renderMime', () => {
  it('carries every file byte for byte, base64 in lines of at most 76 characters, CRLF only', async () => {
    const files = tempAttachmentStore();
    const big = noise(3 * 1024 * 1024 + 1);
    const small = noise(58);
    const item = makeItem({ text: 'See the files.', attachments: [attach(files, 'big.bin', 'application/octet-stream', big), attach(files, 'small.bin', 'application/octet-stream', small)] });
    const raw = await bytesOf(renderMime(item, files));
    const text = raw.toString('latin1');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(Math.max(...text.split('\r\n').map((l) => l.length))).toBeLessThanOrEqual(76);
    const parsed = await simpleParser(raw);
    expect(parsed.text?.trim()).toBe('See the files.');
    expect(parsed.attachments.map((a) => [a.filename, a.content.equals(a.filename === 'big.bin' ? big : small)])).toEqual([
      ['big.bin', true],
      ['small.bin', true],
    ]);
    expect(await measureMime(item, files)).toBe(raw.length);
  });
});

describe('measureMime', () => {
  it('is the exact size of the rendered message, whatever the attachment sizes', async () => {
    const files = tempAttachmentStore();
    const sizes = [0, 1, 2, 3, 56, 57, 58, 75, 76, 77, 114, 1000, 65_537, 300_001];
    for (const size of sizes) {
      const item = makeItem({ attachments: [attach(files, `f${size}.bin`, 'application/octet-stream', noise(size))] });
      const rendered = await bytesOf(renderMime(item, files));
      expect(await measureMime(item, files), `attachment of ${size} bytes`).toBe(rendered.length);
    }
  });

  it('is exact for a message that is only its attachment (no text), at every size including multiples of 57 and 16 MB', async () => {
    // Without text the attachment is the whole message, and the composer ends it with a CRLF after the
    // last base64 line: the measure once missed those 2 octets (the 16 MB progress e2e saw them).
    const files = tempAttachmentStore();
    const multiplesOf57 = [1, 2, 19, 20, 21, 1000, 1001].flatMap((k) => [57 * k - 1, 57 * k, 57 * k + 1]);
    const sizes = [0, 1, 2, 3, 4, 75, 76, 77, ...multiplesOf57, 65_536, 65_537, 16 * 1024 * 1024];
    for (const size of sizes) {
      const attachment = attach(files, `f${size}.bin`, 'application/octet-stream', noise(size));
      for (const shape of [{ text: '', html: null }, { text: 'Hi.\n', html: null }, { text: '', html: '<p></p>' }]) {
        const item = makeItem({ ...shape, attachments: [attachment] });
        const rendered = await bytesOf(renderMime(item, files));
        expect(await measureMime(item, files), `attachment of ${size} bytes with ${JSON.stringify(shape)}`).toBe(rendered.length);
      }
    }
  }, 120_000);

  it('is exact for text, HTML, non-ASCII headers, many recipients and several attachments', async () => {
    const files = tempAttachmentStore();
    const item: OutboxItem = makeItem({
      subject: 'Réunion — план на неделю '.repeat(20),
      text: 'Bonjour à tous,\nвот план.\n'.repeat(500),
      html: '<p>Bonjour à tous, <b>вот</b> план.</p>'.repeat(300),
      recipients: Array.from({ length: 300 }, (_, i) => ({ address: `person${i}@example.com`, name: `Person Ноль ${i}`, field: 'to' as const, state: 'pending' as const })),
      attachments: [
        attach(files, 'notes.txt', 'text/plain', Buffer.from('Un texte accentué, и по-русски.\n'.repeat(100))),
        attach(files, 'photo.jpg', 'image/jpeg', noise(12_345)),
        attach(files, 'данные.csv', 'text/csv', Buffer.from('a;b\n1;2\n')),
      ],
    });
    const rendered = await bytesOf(renderMime(item, files));
    expect(await measureMime(item, files)).toBe(rendered.length);
  });

  it('counts a 300-byte message as about 300 bytes, not 2 kB more', async () => {
    const files = tempAttachmentStore();
    const item = makeItem({ text: 'Hi.\n' });
    const size = await measureMime(item, files);
    expect(size).toBe((await bytesOf(renderMime(item, files))).length);
    expect(size).toBeLessThan(1024);
  });
});

describe('text attachments', () => {
  it('a UTF-8 text attachment is declared as UTF-8 and arrives byte for byte', async () => {
    const files = tempAttachmentStore();
    const text = Buffer.from('Éléments, Пафнутий Чебышёв, 数学\n');
    const item = makeItem({ attachments: [attach(files, 'notes.txt', 'text/plain', text)] });
    const mime = (await bytesOf(renderMime(item, files))).toString('latin1');
    const part = mime.slice(mime.indexOf('filename=notes.txt') - 300);
    expect(part).toMatch(/Content-Type: text\/plain; charset=utf-8; name=notes\.txt/i);
    const body = /\r\n\r\n([A-Za-z0-9+/=\r\n]+)\r\n--/.exec(part.slice(part.indexOf('filename=notes.txt')))![1]!;
    expect(Buffer.from(body.replace(/\r\n/g, ''), 'base64')).toEqual(text);
  });

  it('a text attachment that is not UTF-8 gets no charset we cannot vouch for', async () => {
    const files = tempAttachmentStore();
    const latin1 = Buffer.from('caf\xe9 cr\xe8me\n', 'latin1');
    const item = makeItem({ attachments: [attach(files, 'old.txt', 'text/plain', latin1)] });
    const mime = (await bytesOf(renderMime(item, files))).toString('latin1');
    expect(mime).toMatch(/Content-Type: text\/plain; name=old\.txt/);
    expect(mime).not.toMatch(/charset=utf-8; name=old/i);
  });
});

describe('renderSentCopy', () => {
  it('is the message as sent (same Message-ID and Date) with a Bcc header that the sent message never had', async () => {
    const files = tempAttachmentStore();
    const item = makeItem({
      recipients: [
        { address: 'bob@example.com', field: 'to', state: 'accepted' },
        { name: 'Hidden Hal', address: 'hal@example.com', field: 'bcc', state: 'accepted' },
      ],
    });
    const sent = (await bytesOf(renderMime(item, files))).toString();
    const copy = (await renderSentCopy(item, files)).toString();
    const header = (text: string, name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(text)?.[1];
    expect(header(copy, 'Message-ID')).toBe(item.messageId);
    expect(header(copy, 'Date')).toBe(header(sent, 'Date'));
    expect(header(copy, 'To')).toBe(header(sent, 'To'));
    expect(header(copy, 'Bcc')).toBe('Hidden Hal <hal@example.com>');
    expect(sent).not.toMatch(/hal@example\.com/);
  });
});
