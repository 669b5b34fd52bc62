import { describe, expect, it } from 'vitest';
import { attachmentContent, parseBody, parseHeaders } from './parse-message';

const crlf = (lines: string[]) => Buffer.from(lines.join('\r\n'));

const withAttachment = crlf([
  'From: "Ann" <ann@example.test>',
  'To: bob@example.test, "Group": c@example.test, d@example.test;',
  'Subject: =?UTF-8?B?0J/RgNC40LLQtdGC?=',
  'Message-ID: <abc@example.test>',
  'In-Reply-To: <root@example.test>',
  'References: <root@example.test> <mid@example.test>',
  'Date: Tue, 01 Dec 2026 10:00:00 +0000',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b1"',
  '',
  '--b1',
  'Content-Type: multipart/related; boundary="b2"',
  '',
  '--b2',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>Hello <img src="cid:logo@x"> <img src="https://tracker.example/p.gif"></p>',
  '--b2',
  'Content-Type: image/png',
  'Content-ID: <logo@x>',
  'Content-Transfer-Encoding: base64',
  '',
  'iVBORw0KGgo=',
  '--b2--',
  '--b1',
  'Content-Type: application/pdf; name="report.pdf"',
  'Content-Disposition: attachment; filename="report.pdf"',
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from('%PDF-1.4 test').toString('base64'),
  '--b1--',
  '',
]);

describe('parse message', () => {
  it('reads headers, HTML, inline and attached parts by MIME part number', async () => {
    const headers = await parseHeaders(withAttachment);
    expect(headers).toMatchObject({ messageId: 'abc@example.test', subject: 'Привет', inReplyTo: 'root@example.test', references: ['root@example.test', 'mid@example.test'], from: { name: 'Ann', address: 'ann@example.test' } });
    expect(headers.to.map((m) => m.address)).toEqual(['bob@example.test', 'c@example.test', 'd@example.test']);
    const body = await parseBody(withAttachment);
    expect(body.problem).toBeNull();
    expect(body.html).toContain('cid:logo@x');
    expect(body.hasRemoteContent).toBe(true);
    expect(body.attachments).toEqual([
      expect.objectContaining({ partId: '1.2', contentId: 'logo@x', inline: true, type: 'image/png' }),
      expect.objectContaining({ partId: '2', name: 'report.pdf', inline: false, type: 'application/pdf' }),
    ]);
    const pdf = await attachmentContent(withAttachment, '2');
    expect(pdf?.content.toString()).toBe('%PDF-1.4 test');
    expect(await attachmentContent(withAttachment, '9')).toBeNull();
  });

  it('says when the MIME is broken and still shows what it can, without throwing', async () => {
    const broken = crlf(['Subject: broken', 'Content-Type: multipart/mixed', '', 'just some text', '']);
    const body = await parseBody(broken);
    expect(body.problem?.key).toBe('reason.mailUnreadable');
    expect(body.text ?? '').toContain('just some text');
    for (const bytes of [Buffer.alloc(0), Buffer.from([0xff, 0xfe, 0x00, 0x0d]), Buffer.from('Content-Type: multipart/mixed; boundary="x"\r\n\r\n--x\r\nContent-Type: text/plain; charset=nonsense\r\n\r\nbody')]) {
      await expect(parseBody(bytes)).resolves.toBeDefined();
    }
  });

  it('sees no remote content in HTML that loads nothing from outside', async () => {
    const body = await parseBody(crlf(['Content-Type: text/html', '', '<p>Plain <a href="https://example.test">link</a></p>', '']));
    expect(body.hasRemoteContent).toBe(false);
  });
});

describe('Mail-Followup-To', () => {
  it('is read as addresses, and is empty when absent', async () => {
    const { parseBody } = await import('./parse-message');
    const raw = Buffer.from('From: a@x.test\r\nTo: list@x.test\r\nMail-Followup-To: List <list@x.test>, b@x.test\r\nSubject: s\r\n\r\nbody\r\n');
    expect((await parseBody(raw)).followupTo).toEqual([{ name: 'List', address: 'list@x.test' }, { address: 'b@x.test' }]);
    expect((await parseBody(Buffer.from('Subject: s\r\n\r\nbody\r\n'))).followupTo).toEqual([]);
  });
});
