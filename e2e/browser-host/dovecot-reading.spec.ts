/**
 * A new user's first real mailbox, end to end: the account set up from its address (autoconfig served
 * by a local HTTP server) against a private Dovecot on loopback, its Inbox synced by the real engine,
 * a message read, a file saved, mail found by a word of its body; at 1280×800 and 800×600, then in
 * French and Russian; axe after each step. Dovecot is Debian's, installed when missing (as root).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { startDovecot, type DovecotInstance } from '../../testing/dovecot/dovecot-instance';
import { seedRaw } from '../../testing/dovecot/maildir-seed';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { folderButton, messageList, messageRow, readingPane } from '../support/reader';
import { expect, test } from '../support/smtp-peer';

const ROOT = join(__dirname, '..', '..');
const ACCOUNT = 'Example Test Mail';
const FIGURES = 'quarter,revenue\nQ3,12.5\nQ4,14.1\n';

function raw(lines: string[]): Buffer {
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

const MAIL = [
  raw([
    'From: Ada Lovelace <ada@example.test>',
    'To: reader@example.test',
    'Subject: Quarterly figures',
    'Date: Tue, 01 Dec 2026 09:00:00 +0000',
    'Message-ID: <figures@example.test>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'The figures for the last two quarters are attached.',
    '--b1',
    'Content-Type: text/csv; name="figures.csv"',
    'Content-Disposition: attachment; filename="figures.csv"',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(FIGURES).toString('base64'),
    '--b1--',
  ]),
  raw([
    'From: Grace Hopper <grace@example.test>',
    'To: reader@example.test',
    'Subject: Walk on Saturday',
    'Date: Wed, 02 Dec 2026 18:30:00 +0000',
    'Message-ID: <walk@example.test>',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Shall we walk to the lighthouse on Saturday morning?',
  ]),
  raw([
    'From: Пафнутий Чебышёв <pafnuty@example.test>',
    'To: reader@example.test',
    'Subject: =?UTF-8?B?0J/RgNC40LLQtdGC?=',
    'Date: Thu, 03 Dec 2026 07:15:00 +0000',
    'Message-ID: <privet@example.test>',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Как дела с многочленами?',
  ]),
];

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), screen).toEqual([]);
}

function clientConfig(imapPort: number, smtpPort: number): string {
  return `<?xml version="1.0"?>
<clientConfig version="1.1"><emailProvider id="example.test"><domain>example.test</domain><displayName>${ACCOUNT}</displayName>
<incomingServer type="imap"><hostname>127.0.0.1</hostname><port>${imapPort}</port><socketType>plain</socketType><username>%EMAILLOCALPART%</username><authentication>password-cleartext</authentication></incomingServer>
<outgoingServer type="smtp"><hostname>127.0.0.1</hostname><port>${smtpPort}</port><socketType>plain</socketType><username>%EMAILLOCALPART%</username><authentication>password-cleartext</authentication></outgoingServer>
</emailProvider></clientConfig>`;
}

let dovecot: DovecotInstance | undefined;
let autoconfig: Server | undefined;
let host: RunningHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  autoconfig?.closeAllConnections();
  await new Promise((r) => (autoconfig ? autoconfig.close(r) : r(undefined)));
  await dovecot?.stop();
  host = autoconfig = dovecot = undefined;
});

test('an account set up from its address reads its Dovecot Inbox: open, save a file, search a body word; both window sizes; en, fr, ru', async ({ page, startPeer }) => {
  test.setTimeout(300_000);
  const ensured = spawnSync(process.execPath, [join(ROOT, 'scripts', 'ensure-dovecot.mjs')], { cwd: ROOT, stdio: 'inherit' });
  expect(ensured.status, 'scripts/ensure-dovecot.mjs installs and checks Dovecot (needs root)').toBe(0);
  dovecot = await startDovecot();
  seedRaw(dovecot.maildir, '', MAIL, { uid: dovecot.uid, gid: dovecot.gid });
  const smtp = await startPeer();
  const config = clientConfig(dovecot.port, smtp.port);
  autoconfig = createServer((req, res) => {
    if ((req.url ?? '').startsWith('/autoconfig.example.test/mail/config-v1.1.xml')) res.writeHead(200, { 'content-type': 'application/xml' }).end(config);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => autoconfig!.listen(0, '127.0.0.1', () => r()));
  host = await startBrowserHost(undefined, { OUTBOX_MAIL_TEST_AUTOCONFIG: `http://127.0.0.1:${(autoconfig.address() as AddressInfo).port}` });

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await page.getByRole('region', { name: 'Welcome to Outbox Mail' }).getByRole('button', { name: 'Add your account', exact: true }).click();
  const form = page.getByRole('dialog', { name: 'Add an account' });
  await form.getByLabel('E-mail address', { exact: true }).fill(`${dovecot.user}@example.test`);
  await form.getByLabel('Password', { exact: true }).fill(dovecot.password);
  await form.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(form.getByRole('status')).toHaveText('Settings found at autoconfig.example.test. Check them, then save.', { timeout: 30_000 });
  await form.getByLabel('Your name', { exact: true }).fill('Reader');
  await form.getByRole('button', { name: 'Save account', exact: true }).click();
  await expect(form).toBeHidden();

  // The engine syncs the Inbox by itself; the folder appears under the account with its unread count.
  const inbox = folderButton(page, ACCOUNT, 'Inbox');
  await expect(inbox).toBeVisible({ timeout: 60_000 });
  await inbox.click();
  await expect(messageRow(page, 'Quarterly figures')).toBeVisible({ timeout: 60_000 });
  await expect(messageList(page).getByRole('listitem')).toHaveCount(3);
  await expectNoSeriousViolations(page, 'Dovecot Inbox, 1280x800');

  await messageRow(page, 'Quarterly figures').click();
  await expect(readingPane(page)).toContainText('The figures for the last two quarters are attached.', { timeout: 30_000 });
  const download = page.waitForEvent('download');
  await readingPane(page).getByRole('button', { name: 'Save figures.csv', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('figures.csv');
  expect(readFileSync(await file.path(), 'utf8')).toBe(FIGURES);
  await expectNoSeriousViolations(page, 'a Dovecot message open, 1280x800');

  // A word only the body of another message holds (bodies of recent mail are fetched ahead).
  await page.locator('body').press('/');
  const search = page.getByRole('searchbox', { name: 'Search mail' });
  await search.pressSequentially('lighthouse');
  await expect(messageList(page).getByRole('listitem')).toHaveCount(1, { timeout: 30_000 });
  await expect(messageRow(page, 'Walk on Saturday')).toBeVisible();
  await search.press('Escape');

  await page.setViewportSize({ width: 800, height: 600 });
  await inbox.click();
  await messageRow(page, 'Walk on Saturday').click();
  await expect(readingPane(page)).toContainText('lighthouse on Saturday morning', { timeout: 30_000 });
  await expect(readingPane(page)).toBeInViewport();
  await expectNoSeriousViolations(page, 'a Dovecot message open, 800x600');

  // The same mailbox in the other languages: the Settings button and Language field are named in the one shown.
  for (const { settings, field, language, folder, subject, body } of [
    { settings: 'Settings', field: 'Language', language: 'Français', folder: 'Boîte de réception', subject: 'Quarterly figures', body: 'The figures for the last two quarters' },
    { settings: 'Paramètres', field: 'Langue', language: 'Русский', folder: 'Входящие', subject: 'Привет', body: 'Как дела с многочленами?' },
  ]) {
    await page.getByRole('navigation').getByRole('button', { name: settings, exact: true }).click();
    await page.getByLabel(field, { exact: true }).selectOption({ label: language });
    await folderButton(page, ACCOUNT, folder).click();
    await messageRow(page, subject).click();
    await expect(readingPane(page)).toContainText(body, { timeout: 30_000 });
    await expectNoSeriousViolations(page, `a Dovecot message open in ${language}, 800x600`);
  }
});
