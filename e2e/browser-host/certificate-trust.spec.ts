/**
 * Trusting a server's own certificate, for real: an implicit-TLS smtp-server
 * with a self-signed certificate openssl made for this run. The app refuses
 * it and shows its SHA-256 fingerprint; the user compares and trusts exactly
 * that certificate; from then on the account connects, logs in and sends.
 * The password never goes to the server before the certificate is trusted.
 */
import { addAccount, fromOption, type NewAccount } from '../support/accounts';
import { details, factValue, goTo, mailboxRow, sendMessage } from '../support/app';
import { makeSelfSignedCertificate } from '../support/certificate';
import { expect, test } from '../support/smtp-peer';

const LOGIN = { username: 'grace', password: 'correct horse battery staple' };

test('a self-signed certificate: refused with its fingerprint, trusted by the user, then the account tests and sends', async ({ page, host, startPeer }) => {
  test.setTimeout(120_000);
  const certificate = makeSelfSignedCertificate('mail.test');
  const peer = await startPeer({ tls: certificate, login: LOGIN });
  const account: NewAccount = { name: 'Own server', fromName: 'Grace Hopper', address: 'grace@example.test', port: peer.port, security: 'tls', login: LOGIN };
  await page.goto(host.url);
  const item = await addAccount(page, account);
  await expect(item).toContainText('Password saved');
  await expect(item).not.toContainText('Certificate trusted');

  await item.getByRole('button', { name: 'Test connection', exact: true }).click();
  await expect(item.getByRole('alert')).toContainText('The server’s certificate is not trusted, or the secure connection failed.', { timeout: 30_000 });
  // The fingerprint to compare with the administrator's is the certificate's own, not some other.
  await expect(factValue(item, 'SHA-256 fingerprint')).toHaveText(certificate.sha256);
  await expect(item).toContainText('CN=mail.test');
  // Nothing secret went to a server the app does not trust yet.
  expect(peer.logins).toEqual([]);

  await item.getByRole('button', { name: 'Trust this certificate', exact: true }).click();
  // Trusting tests again at once: connected over TLS, logged in, and what the server offers.
  await expect(item).toContainText('Connected and logged in', { timeout: 30_000 });
  await expect(item.getByRole('alert')).toHaveCount(0);
  await expect(item).toContainText('Certificate trusted');
  const capability = (label: string) => factValue(item, label);
  await expect(capability('Connection')).toHaveText('Encrypted');
  await expect(capability('Login methods')).toHaveText('PLAIN, LOGIN');
  await expect(capability('Delivery receipts (DSN)')).toHaveText('Offered');
  await expect(capability('SHA-256 fingerprint')).toHaveText(certificate.sha256);
  expect(peer.logins).toEqual([LOGIN.username]);

  // The trust is kept: a test of its own, started by the user, passes too.
  await item.getByRole('button', { name: 'Test connection', exact: true }).click();
  await expect(item).toContainText('Connected and logged in', { timeout: 30_000 });
  await expect(capability('Connection')).toHaveText('Encrypted');
  expect(peer.logins).toEqual([LOGIN.username, LOGIN.username]);

  await goTo(page, 'Outbox');
  await sendMessage(page, { from: fromOption(account), to: 'ada@example.test', subject: 'Over TLS', text: 'Sealed.', delay: 0 });
  const pane = details(page);
  await expect(pane).toContainText('Over TLS');
  await expect(pane.locator('[data-state]')).toHaveText('Sent', { timeout: 60_000 });
  // Logged in, and the password masked in the conversation kept on disk.
  const transcript = page.getByRole('log', { name: 'Transcript' });
  await expect(transcript).toContainText('AUTH PLAIN ****');
  await expect(transcript).not.toContainText(LOGIN.password);
  await goTo(page, 'Sent');
  await expect(mailboxRow(page, 'Sent', 'Over TLS')).toContainText('1 accepted');

  expect(peer.deliveries).toHaveLength(1);
  expect(peer.deliveries[0]).toMatchObject({ mailFrom: 'grace@example.test', rcptTo: ['ada@example.test'], user: LOGIN.username });
  expect(peer.deliveries[0]?.raw).toContain('Subject: Over TLS');
  expect(host.sandboxFiles()).toHaveLength(0);
});

test('a trusted server that comes back with another certificate is shown as a change, and trusting it takes a deliberate check', async ({ page, host, startPeer }) => {
  test.setTimeout(120_000);
  const trusted = makeSelfSignedCertificate('mail.test');
  const first = await startPeer({ tls: trusted, login: LOGIN });
  const account: NewAccount = { name: 'Pinned server', fromName: 'Grace Hopper', address: 'grace@example.test', port: first.port, security: 'tls', login: LOGIN };
  await page.goto(host.url);
  const item = await addAccount(page, account);
  await item.getByRole('button', { name: 'Test connection', exact: true }).click();
  await item.getByRole('button', { name: 'Trust this certificate', exact: true }).click();
  await expect(item).toContainText('Connected and logged in', { timeout: 30_000 });

  // Same address, another certificate: what a renewal looks like, and what an interception looks like.
  await first.close();
  const other = makeSelfSignedCertificate('mail.test');
  const second = await startPeer({ tls: other, login: LOGIN, port: first.port });
  await item.getByRole('button', { name: 'Test connection', exact: true }).click();
  const warning = item.getByTestId('certificate-changed');
  await expect(warning).toBeVisible({ timeout: 30_000 });
  await expect(warning).toHaveAttribute('role', 'alert');
  await expect(item.getByTestId('certificate-previous')).toHaveText(trusted.sha256);
  await expect(item.getByTestId('certificate-sha256')).toHaveText(other.sha256);
  // No one-click trust for a change.
  await expect(item.getByRole('button', { name: 'Trust this certificate', exact: true })).toHaveCount(0);
  const trustNew = item.getByRole('button', { name: 'Trust the new certificate', exact: true });
  await expect(trustNew).toBeDisabled();
  expect(second.logins).toEqual([]);

  await item.getByRole('checkbox', { name: 'I have checked the new fingerprint with the server’s administrator' }).check();
  await trustNew.click();
  await expect(item).toContainText('Connected and logged in', { timeout: 30_000 });
  await expect(factValue(item, 'SHA-256 fingerprint')).toHaveText(other.sha256);
  expect(second.logins).toEqual([LOGIN.username]);
});
