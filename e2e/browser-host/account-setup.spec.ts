/**
 * Setting up an account from its address, as a new user does: the first-start
 * welcome, address and password, the servers filled in from an autoconfig
 * answer, both halves tested and their certificates trusted. The autoconfig
 * answer comes from a local HTTP server the host is pointed at through the
 * test-only OUTBOX_MAIL_TEST_AUTOCONFIG; the incoming server is our scripted
 * IMAP server (a test double until Dovecot runs in these tests); the outgoing
 * one is a real smtp-server. Both present a self-signed certificate.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { startScriptedImapServer, type ScriptedImapServer } from '../../testing/harness/scripted-imap-server';
import { accountItem } from '../support/accounts';
import { factValue, goTo } from '../support/app';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { makeSelfSignedCertificate } from '../support/certificate';
import { expect, test } from '../support/smtp-peer';

const LOGIN = { username: 'grace', password: 'correct horse battery staple' };

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), screen).toEqual([]);
}

function clientConfig(imapPort: number, smtpPort: number): string {
  return `<?xml version="1.0"?>
<clientConfig version="1.1"><emailProvider id="example.test"><domain>example.test</domain><displayName>Example Test Mail</displayName>
<incomingServer type="imap"><hostname>127.0.0.1</hostname><port>${imapPort}</port><socketType>SSL</socketType><username>%EMAILLOCALPART%</username><authentication>password-cleartext</authentication></incomingServer>
<outgoingServer type="smtp"><hostname>127.0.0.1</hostname><port>${smtpPort}</port><socketType>SSL</socketType><username>%EMAILLOCALPART%</username><authentication>password-cleartext</authentication></outgoingServer>
</emailProvider></clientConfig>`;
}

async function serveAutoconfig(files: Record<string, string>): Promise<{ server: Server; url: string; asked: string[] }> {
  const asked: string[] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    asked.push(path);
    const body = files[path];
    if (body === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'application/xml' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, asked };
}

let imap: ScriptedImapServer | undefined;
let autoconfig: Awaited<ReturnType<typeof serveAutoconfig>> | undefined;
let host: RunningHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  await imap?.close();
  autoconfig?.server.closeAllConnections();
  await new Promise((r) => (autoconfig ? autoconfig.server.close(r) : r(undefined)));
  host = imap = autoconfig = undefined;
});

test('from the welcome: address and password, servers found by autoconfig, both halves tested and their certificates trusted', async ({ page, startPeer }) => {
  test.setTimeout(180_000);
  const certificate = makeSelfSignedCertificate('mail.test');
  const smtp = await startPeer({ tls: certificate, login: LOGIN });
  imap = await startScriptedImapServer({ tls: { key: certificate.key, cert: certificate.cert, mode: 'implicit' }, users: { [LOGIN.username]: LOGIN.password } });
  autoconfig = await serveAutoconfig({ '/autoconfig.example.test/mail/config-v1.1.xml': clientConfig(imap.port, smtp.port) });
  host = await startBrowserHost(undefined, { OUTBOX_MAIL_TEST_AUTOCONFIG: autoconfig.url });
  await page.goto(host.url);

  // First start: only the sandbox, so the welcome says what it is and offers a real account.
  const welcome = page.getByRole('region', { name: 'Welcome to Outbox Mail' });
  await expect(welcome).toContainText('stays on this computer');
  await expectNoSeriousViolations(page, 'first-start welcome');
  await welcome.getByRole('button', { name: 'Add your account', exact: true }).click();

  const form = page.getByRole('dialog', { name: 'Add an account' });
  // Address and password first; nothing else is asked yet.
  await expect(form.getByLabel('Server', { exact: true })).toHaveCount(0);
  await form.getByLabel('E-mail address', { exact: true }).fill('grace@example.test');
  await form.getByLabel('Password', { exact: true }).fill(LOGIN.password);
  await expectNoSeriousViolations(page, 'account setup: address and password');
  await form.getByRole('button', { name: 'Continue', exact: true }).click();

  await expect(form.getByRole('status')).toHaveText('Settings found at autoconfig.example.test. Check them, then save.', { timeout: 20_000 });
  expect(autoconfig.asked).toContain('/autoconfig.example.test/mail/config-v1.1.xml');
  const outgoing = form.getByRole('group', { name: 'Outgoing server (SMTP)' });
  const incoming = form.getByRole('group', { name: 'Incoming server (IMAP)' });
  await expect(form.getByLabel('Account name', { exact: true })).toHaveValue('Example Test Mail');
  await expect(outgoing.getByLabel('Server', { exact: true })).toHaveValue('127.0.0.1');
  await expect(outgoing.getByLabel('Port', { exact: true })).toHaveValue(String(smtp.port));
  await expect(outgoing.getByLabel('Security', { exact: true })).toHaveValue('tls');
  await expect(incoming.getByLabel('Receive mail with this account', { exact: true })).toBeChecked();
  await expect(incoming.getByLabel('Server', { exact: true })).toHaveValue('127.0.0.1');
  await expect(incoming.getByLabel('Port', { exact: true })).toHaveValue(String(imap.port));
  await expect(incoming.getByLabel('User name', { exact: true })).toHaveValue('grace');
  await expectNoSeriousViolations(page, 'account setup: servers filled in');
  await form.getByLabel('Your name', { exact: true }).fill('Grace Hopper');
  await form.getByRole('button', { name: 'Save account', exact: true }).click();
  await expect(form).toBeHidden();
  // A real account now exists: the welcome has done its job.
  await expect(welcome).toHaveCount(0);

  await goTo(page, 'Settings');
  const item = accountItem(page, 'Example Test Mail');
  await expect(item).toContainText(`Receives from 127.0.0.1, port ${imap.port} · TLS`);
  await expect(item).toContainText('Password saved');

  // Receiving: the certificate is refused with its fingerprint, trusted, then the test lists what the server offers.
  await item.getByRole('button', { name: 'Test receiving', exact: true }).click();
  await expect(item.getByRole('alert')).toContainText('Incoming server: The server’s certificate is not trusted', { timeout: 30_000 });
  await expect(factValue(item, 'SHA-256 fingerprint')).toHaveText(certificate.sha256);
  expect(imap.logins).toEqual([]);
  await item.getByRole('button', { name: 'Trust this certificate', exact: true }).click();
  await expect(item).toContainText('Incoming server: connected and logged in', { timeout: 30_000 });
  await expect(item).toContainText('Incoming certificate trusted');
  await expect(factValue(item, 'New mail at once (IDLE)')).toHaveText('Offered');
  await expect(factValue(item, 'Quick resync (QRESYNC)')).toHaveText('Offered');
  await expect(factValue(item, 'Folder roles (SPECIAL-USE)')).toHaveText('Offered');
  await expect(factValue(item, 'Size limit (APPENDLIMIT)')).toHaveText('34 MB');
  // The account's own sync engine logs in too once the certificate is trusted: every login is grace's, over TLS.
  expect(imap.logins.length).toBeGreaterThan(0);
  expect(imap.logins.every((l) => l.user === 'grace' && l.ok && l.overTls)).toBe(true);
  await expectNoSeriousViolations(page, 'incoming connection test');

  // Sending: its own certificate, its own trust.
  await item.getByRole('button', { name: 'Test connection', exact: true }).click();
  await expect(item.getByRole('alert')).toContainText('The server’s certificate is not trusted', { timeout: 30_000 });
  await item.getByRole('button', { name: 'Trust this certificate', exact: true }).click();
  await expect(item).toContainText('Connected and logged in', { timeout: 30_000 });
  await expect(item).toContainText('Certificate trusted');
  expect(smtp.logins).toEqual([LOGIN.username]);

  // Editing shows no password, only that one is saved, for each half.
  await item.getByRole('button', { name: 'Edit', exact: true }).click();
  const edit = page.getByRole('dialog', { name: 'Edit account' });
  await expect(edit.getByRole('group', { name: 'Incoming server (IMAP)' }).getByLabel('Password', { exact: true })).toHaveValue('');
  await expect(edit.getByRole('group', { name: 'Incoming server (IMAP)' })).toContainText('Password saved');
});

test('nothing found: the form says so and is filled in by hand; "Not now" puts the welcome away for good', async ({ page }) => {
  test.setTimeout(90_000);
  autoconfig = await serveAutoconfig({});
  host = await startBrowserHost(undefined, { OUTBOX_MAIL_TEST_AUTOCONFIG: autoconfig.url });
  await page.goto(host.url);
  await goTo(page, 'Settings');
  await page.getByRole('button', { name: 'Add account', exact: true }).click();
  const form = page.getByRole('dialog', { name: 'Add an account' });
  await form.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(form.getByLabel('E-mail address', { exact: true })).toBeFocused();
  await form.getByLabel('E-mail address', { exact: true }).fill('ann@nowhere.test');
  await form.getByLabel('Password', { exact: true }).fill('secret');
  await form.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(form.getByRole('status')).toHaveText('No settings were found for nowhere.test. Fill in the servers by hand.', { timeout: 20_000 });
  expect(autoconfig.asked.sort()).toEqual(['/autoconfig.nowhere.test/mail/config-v1.1.xml', '/nowhere.test/.well-known/autoconfig/mail/config-v1.1.xml']);
  await expect(form.getByRole('group', { name: 'Incoming server (IMAP)' }).getByLabel('User name', { exact: true })).toHaveValue('ann@nowhere.test');
  await form.getByRole('button', { name: 'Cancel', exact: true }).click();

  const welcome = page.getByRole('region', { name: 'Welcome to Outbox Mail' });
  await welcome.getByRole('button', { name: 'Not now', exact: true }).click();
  await expect(welcome).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('navigation')).toBeVisible();
  await goTo(page, 'Settings');
  await expect(welcome).toHaveCount(0);
});
