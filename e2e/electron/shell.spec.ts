/**
 * What only the Electron shell does: a mailto: link the OS hands the app at
 * start, and the desktop notification of a message that failed for good.
 * Skipped, saying why, where there is no Electron binary.
 */
import { expect, test } from '@playwright/test';
import { addAccount, fromOption, type NewAccount } from '../support/accounts';
import { composeDialog, messageBody, recipientChips, sendMessage } from '../support/app';
import { launchShell } from '../support/electron';
import { startSmtpPeer } from '../support/smtp-peer';

test('Electron: a mailto: link given at start opens Compose filled from it', async () => {
  const app = await launchShell(['mailto:ada@example.test?cc=bob@example.test&subject=Caf%C3%A9&body=Hello%0D%0AWorld']);
  if (!app) return;
  try {
    const page = await app.firstWindow();
    const dialog = composeDialog(page);
    await expect(dialog).toBeVisible();
    await expect(recipientChips(dialog, 'To')).toHaveText('ada@example.test');
    await expect(recipientChips(dialog, 'Cc')).toHaveText('bob@example.test');
    await expect(dialog.getByLabel('Subject', { exact: true })).toHaveValue('Café');
    await expect(messageBody(dialog).locator('p')).toHaveText(['Hello', 'World']);
  } finally {
    await app.close();
  }
});

test('Electron: a message refused for good raises a desktop notification with the server’s words', async () => {
  const app = await launchShell();
  if (!app) return;
  const peer = await startSmtpPeer({ rcpt: () => ({ code: 550, text: '5.1.1 User unknown' }) });
  try {
    // Notifications are recorded in the main process instead of shown: what the OS would have displayed.
    await app.evaluate(({ Notification }) => {
      const shown: { title: string; body: string }[] = [];
      (globalThis as unknown as { shownNotices: typeof shown }).shownNotices = shown;
      Notification.prototype.show = function (this: Electron.Notification) {
        shown.push({ title: this.title, body: this.body });
      };
    });
    const page = await app.firstWindow();
    const account: NewAccount = { name: 'Peer', fromName: 'Grace Hopper', address: 'grace@example.test', port: peer.port, security: 'none' };
    await addAccount(page, account);
    await sendMessage(page, { from: fromOption(account), to: 'nobody@example.test', subject: 'To no one', text: 'Hello?', delay: 0 });
    const shown = () => app.evaluate(() => (globalThis as unknown as { shownNotices: { title: string; body: string }[] }).shownNotices);
    await expect.poll(shown, { timeout: 60_000 }).toEqual([{ title: 'Not sent: To no one', body: 'The server refused the message.\n550 5.1.1 User unknown' }]);
  } finally {
    await app.close();
    await peer.close();
  }
});
