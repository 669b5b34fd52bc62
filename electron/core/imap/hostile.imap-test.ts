/**
 * The hostile corpus through the whole path: delivered into the private
 * Dovecot, synced by the real engine, read through the core's mail.get, and
 * rendered in Chromium the way the reading pane renders it (the renderer's
 * own sanitizer, frame document, CSP and sandbox, bundled for the page).
 * Every request that leaves the page for anything but its own origin is
 * counted; the figure is the suite's `hostile_requests=` (global-setup.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Folder, MailList, MessageDetail } from '../../../shared/mail-model';
import type { Account } from '../../../shared/model';
import { hostileFiguresFile } from '../../../testing/dovecot/figures';
import { startDovecot, type DovecotInstance } from '../../../testing/dovecot/dovecot-instance';
import { seedRaw } from '../../../testing/dovecot/maildir-seed';
import { waitFor } from '../../../testing/harness/poll';
import { startTestCore, type TestCore } from '../../../testing/harness/test-core';

const ROOT = join(__dirname, '..', '..', '..');
const CRLF = '\r\n';
const APP_ORIGIN = 'http://app.local';
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let dovecot: DovecotInstance;
let core: TestCore | undefined;
let browser: Browser | undefined;

/** The same corpus the browser-host e2e reads (e2e/support/reader-mail.ts), in three transfer encodings. */
async function corpus(): Promise<Buffer[]> {
  const modulePath = join(ROOT, 'e2e', 'support', 'reader-mail.ts');
  const { HOSTILE_HTML, hostileMessage } = (await import(modulePath)) as { HOSTILE_HTML: string; hostileMessage(subject: string): string };
  const alternative = [
    'From: Mallory <mallory@evil.test>',
    'To: You <you@example.test>',
    'Subject: Hostile alternative',
    'Message-ID: <hostile.alt@evil.test>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'plain part http://evil.test/plain-part',
    '--b1',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    HOSTILE_HTML,
    '--b1--',
    '',
  ].join(CRLF);
  const cssOnly = [
    'From: Mallory <mallory@evil.test>',
    'Subject: Hostile styles',
    'Message-ID: <hostile.css@evil.test>',
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<style>p{background:url("http://evil.test/p.png")} @import "http://evil.test/i.css";</style>',
    '<p style="list-style-image:url(//evil.test/li.png)">styled</p><img src="cid:nothere" alt="">',
    '<img src="//evil.test/protocol-relative.png"><a href="http://evil.test/x" ping="http://evil.test/ping">ping</a>',
    '',
  ].join(CRLF);
  return [hostileMessage('Hostile corpus'), alternative, cssOnly].map((text) => Buffer.from(text));
}

/** The renderer's sanitizer and frame document, bundled as a global for a plain page. */
async function rendererBundle(): Promise<string> {
  const reader = join(ROOT, 'renderer', 'features', 'reader');
  const result = await build({
    stdin: {
      contents: [
        `import { sanitizeHtml } from ${JSON.stringify(join(reader, 'sanitize-html'))};`,
        `import { frameDocument } from ${JSON.stringify(join(reader, 'frame-document'))};`,
        `import { FRAME_SANDBOX, frameCsp } from ${JSON.stringify(join(reader, 'frame-csp-logic'))};`,
        'window.renderMail = (html) => {',
        '  const clean = sanitizeHtml(html, false);',
        "  const frame = document.createElement('iframe');",
        "  frame.setAttribute('sandbox', FRAME_SANDBOX);",
        "  frame.setAttribute('csp', frameCsp({ remoteImages: false }));",
        '  frame.srcdoc = frameDocument(clean, { remoteImages: false });',
        '  document.body.append(frame);',
        '};',
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
  });
  return result.outputFiles[0]!.text;
}

beforeAll(async () => {
  dovecot = await startDovecot();
  seedRaw(dovecot.maildir, 'Hostile', await corpus(), { uid: dovecot.uid, gid: dovecot.gid });
});

afterAll(async () => {
  await browser?.close();
  await core?.close();
  await dovecot?.stop();
});


describe('hostile mail synced from Dovecot', () => {
  it('renders every message without one request leaving the page', async () => {
    core = await startTestCore({ sqlite: true, imap: { minBackoffMs: 200, maxBackoffMs: 1_000 } });
    const account = await core.call<Account>('accounts.save', {
      name: 'Dovecot',
      fromAddress: 'reader@example.test',
      host: '127.0.0.1',
      port: 2525,
      security: 'none',
      auth: { mechanism: 'none', username: '' },
      incoming: { host: '127.0.0.1', port: dovecot.port, security: 'none', username: dovecot.user, secret: dovecot.password },
    });
    const folder = await waitFor(
      async () => (await core!.call<Folder[]>('mail.folders', {})).find((f) => f.accountId === account.id && f.path === 'Hostile'),
      (f) => f !== undefined,
    );
    const list = await waitFor(
      () => core!.call<MailList>('mail.list', { folderId: folder!.id, offset: 0, limit: 50 }),
      (l) => l.total === 3,
    );
    const htmls: string[] = [];
    for (const row of list.rows) {
      const detail = await core.call<MessageDetail>('mail.get', { id: row.id });
      expect(detail.html, row.subject).toBeTruthy();
      htmls.push(detail.html!);
    }

    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    const page = await browser.newPage();
    const outside: string[] = [];
    const ownOrInert = (url: string) => url.startsWith(`${APP_ORIGIN}/`) || /^(about|data|blob):/.test(url);
    // Every request of the page and its frames passes here; none but the page itself is answered.
    await page.context().route('**/*', (route) => {
      const url = route.request().url();
      if (url === `${APP_ORIGIN}/`) return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><html><body></body></html>' });
      if (!ownOrInert(url)) outside.push(url);
      return route.abort();
    });
    page.on('request', (request) => {
      const url = request.url();
      if (!ownOrInert(url) && !outside.includes(url)) outside.push(url);
    });
    let pwned = 0;
    page.on('dialog', (dialog) => {
      pwned++;
      void dialog.dismiss();
    });
    await page.goto(`${APP_ORIGIN}/`);
    await page.addScriptTag({ content: await rendererBundle() });
    // String expressions: this project compiles without the DOM's types.
    for (const html of htmls) await page.evaluate(`window.renderMail(${JSON.stringify(html)})`);
    await expect.poll(() => page.locator('iframe').count()).toBe(htmls.length);
    // Every frame loaded its document (so its content had its chance to reach out), then a moment for anything queued.
    await expect.poll(() => page.evaluate("[...document.querySelectorAll('iframe')].filter((f) => f.contentDocument?.readyState === 'complete').length")).toBe(htmls.length);
    // The mail really is on screen: the corpus's heading in the frames that carry it.
    expect(await page.evaluate("[...document.querySelectorAll('iframe')].filter((f) => f.contentDocument?.querySelector('h1')?.textContent === 'Hostile corpus').length")).toBe(2);
    await page.waitForTimeout(2000);
    const title = await page.title();
    const flagged = await page.evaluate('window.__pwned');

    writeFileSync(hostileFiguresFile(), `${outside.length}\n`);
    expect(outside).toEqual([]);
    expect(title).toBe('');
    expect(flagged).toBeUndefined();
    expect(pwned).toBe(0);
  });
});
