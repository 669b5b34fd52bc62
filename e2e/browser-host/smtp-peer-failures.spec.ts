/**
 * What a user sees when a real SMTP server says no. Each test starts an
 * smtp-server on 127.0.0.1, adds it in Settings → Accounts as a user would,
 * sends from it through the From chooser, and holds the app's words against
 * the server's own record: the reason in the server's words wherever the
 * message is shown, a notification only for a failure that is final, and
 * exactly the deliveries the server really took.
 */
import type { Locator, Page } from '@playwright/test';
import { addAccount, fromOption, type NewAccount } from '../support/accounts';
import { details, factValue, goTo, mailboxRow, sendMessage } from '../support/app';
import { expect, test, type PeerReply } from '../support/smtp-peer';
import { outboxRow } from '../support/status-recorder';

const UNKNOWN = 'nobody@example.test';
const KNOWN = 'ada@example.test';
const USER_UNKNOWN: PeerReply = { code: 550, text: `5.1.1 <${UNKNOWN}>: Recipient address rejected: User unknown` };
const USER_UNKNOWN_WORDS = `550 ${USER_UNKNOWN.text}`;
/** A server that knows everyone but UNKNOWN. */
const rcptRefusingUnknown = (address: string): PeerReply | null => (address === UNKNOWN ? USER_UNKNOWN : null);

const account = (port: number): NewAccount => ({ name: 'Peer', fromName: 'Grace Hopper', address: 'grace@example.test', port, security: 'none' });

const notifications = (page: Page): Locator => page.getByRole('region', { name: 'Notifications' });
const transcript = (page: Page): Locator => page.getByRole('log', { name: 'Transcript' });
/** A recipient's line in the details pane: address, result and the server's words for it. */
const recipientLine = (page: Page, address: string): Locator => details(page).getByRole('listitem').filter({ hasText: address });
const fact = (page: Page, label: string): Locator => factValue(details(page), label);

test.describe.configure({ timeout: 120_000 });

test('every recipient refused at RCPT: the notification gives the 550 and stays until dismissed; the row says Failed', async ({ page, host, startPeer }) => {
  const peer = await startPeer({ rcpt: rcptRefusingUnknown });
  await page.goto(host.url);
  await addAccount(page, account(peer.port));
  await goTo(page, 'Outbox');

  await sendMessage(page, { from: fromOption(account(peer.port)), to: UNKNOWN, subject: 'To no one', text: 'Is anybody there?', delay: 0 });

  const failure = notifications(page).getByRole('alert').filter({ hasText: '“To no one” could not be sent' });
  await expect(failure).toContainText(USER_UNKNOWN_WORDS, { timeout: 60_000 });

  const row = outboxRow(page, 'To no one');
  await expect(row).toContainText('Failed');
  await expect(row).toContainText(USER_UNKNOWN_WORDS);
  await row.click();
  const pane = details(page);
  await expect(pane.locator('[data-state]')).toHaveText('Failed');
  await expect(pane).toContainText('The server refused the message.');
  await expect(recipientLine(page, UNKNOWN)).toContainText('Rejected');
  await expect(recipientLine(page, UNKNOWN)).toContainText(USER_UNKNOWN_WORDS);
  // The conversation as it went: the address offered, the server's refusal of it.
  await expect(transcript(page)).toContainText(`RCPT TO:<${UNKNOWN}>`);
  await expect(transcript(page).getByText(USER_UNKNOWN_WORDS, { exact: true })).toBeVisible();

  // Still there after all that: only Dismiss takes it away.
  await expect(failure).toBeVisible();
  await failure.getByRole('button', { name: 'Dismiss', exact: true }).click();
  await expect(failure).toHaveCount(0);
  await expect(row).toContainText('Failed');
  expect(peer.rcptTo).toEqual([UNKNOWN]);
  expect(peer.deliveries).toHaveLength(0);
});

test('refused after the final dot with 554 5.7.1: Failed, the reply in the notification and the details, DATA in the transcript', async ({ page, host, startPeer }) => {
  const SPAM: PeerReply = { code: 554, text: '5.7.1 Message rejected as spam' };
  const peer = await startPeer({ dataEnd: () => SPAM });
  await page.goto(host.url);
  await addAccount(page, account(peer.port));
  await goTo(page, 'Outbox');

  await sendMessage(page, { from: fromOption(account(peer.port)), to: KNOWN, subject: 'Cheap engines', text: 'Best offer.', delay: 0 });

  const failure = notifications(page).getByRole('alert').filter({ hasText: '“Cheap engines” could not be sent' });
  await expect(failure).toContainText('554 5.7.1 Message rejected as spam', { timeout: 60_000 });

  const row = outboxRow(page, 'Cheap engines');
  await expect(row).toContainText('Failed');
  await row.click();
  const pane = details(page);
  await expect(pane.locator('[data-state]')).toHaveText('Failed');
  await expect(pane).toContainText('The server refused the message.');
  await expect(pane).toContainText('554 5.7.1 Message rejected as spam');
  // The recipient was taken at RCPT; it was the message that was refused.
  await expect(transcript(page)).toContainText(`RCPT TO:<${KNOWN}>`);
  await expect(transcript(page).getByText('DATA', { exact: true })).toBeVisible();
  await expect(transcript(page).getByText(/^354\b/)).toBeVisible();
  await expect(transcript(page).getByText('554 5.7.1 Message rejected as spam', { exact: true })).toBeVisible();
  // Nothing left to cancel: Delete is offered instead.
  await expect(row.getByRole('button', { name: 'Delete', exact: true })).toBeVisible();

  await expect(failure).toBeVisible();
  await failure.getByRole('button', { name: 'Dismiss', exact: true }).click();
  await expect(failure).toHaveCount(0);
  expect(peer.refusedAtDataEnd).toBe(1);
  expect(peer.deliveries).toHaveLength(0);

  // The refusal was final, and for everyone the message was addressed to: the recipient is not left "Pending, no
  // reply yet" on a message nothing will try again, but refused with the server's words (README, Delivery receipts).
  const recipient = recipientLine(page, KNOWN);
  await expect(recipient).not.toContainText('No reply yet');
  await expect(recipient).toContainText('Rejected');
  await expect(recipient).toContainText('554 5.7.1 Message rejected as spam');
});

test('one recipient refused, the other taken: Sent, each with its own result, delivered once to the accepted one only', async ({ page, host, startPeer }) => {
  const peer = await startPeer({ rcpt: rcptRefusingUnknown });
  await page.goto(host.url);
  await addAccount(page, account(peer.port));
  await goTo(page, 'Outbox');

  await sendMessage(page, { from: fromOption(account(peer.port)), to: `${KNOWN}, ${UNKNOWN}`, subject: 'Half the list', text: 'For both of you.', delay: 0 });

  // The new message is selected; the pane follows it to Sent.
  const pane = details(page);
  await expect(pane).toContainText('Half the list');
  await expect(pane.locator('[data-state]')).toHaveText('Sent', { timeout: 60_000 });
  await expect(recipientLine(page, KNOWN)).toContainText('Accepted');
  await expect(recipientLine(page, KNOWN)).not.toContainText('550');
  await expect(recipientLine(page, UNKNOWN)).toContainText('Rejected');
  await expect(recipientLine(page, UNKNOWN)).toContainText(USER_UNKNOWN_WORDS);
  await expect(transcript(page).getByText(USER_UNKNOWN_WORDS, { exact: true })).toBeVisible();
  // Partly refused is not silent: the notification names who did not get it, and why.
  const partly = notifications(page).getByRole('alert').filter({ hasText: '“Half the list” was sent, but not to:' });
  await expect(partly).toContainText(`${UNKNOWN} (`);
  await expect(partly).toContainText(USER_UNKNOWN_WORDS);
  await expect(partly).not.toContainText(KNOWN);

  await goTo(page, 'Sent');
  const row = mailboxRow(page, 'Sent', 'Half the list');
  await expect(row).toContainText('1 accepted · 1 rejected');
  await expect(row).toContainText(`${UNKNOWN} (rejected)`);
  await expect(outboxRow(page, 'Half the list')).toHaveCount(0);

  // The server's side: asked about both, took the message once, for the known address alone.
  expect([...peer.rcptTo].sort()).toEqual([KNOWN, UNKNOWN].sort());
  expect(peer.deliveries).toHaveLength(1);
  expect(peer.deliveries[0]?.rcptTo).toEqual([KNOWN]);
  expect(peer.deliveries[0]?.mailFrom).toBe('grace@example.test');
  expect(peer.deliveries[0]?.raw).toContain('Subject: Half the list');
});

test('a 451 at the end of DATA defers with the reason and the next try; Retry now sends it, and the server has it once', async ({ page, host, startPeer }) => {
  const BUSY: PeerReply = { code: 451, text: '4.3.0 Temporary failure, try again later' };
  const peer = await startPeer({ dataEnd: () => BUSY });
  await page.goto(host.url);
  await addAccount(page, account(peer.port));
  await goTo(page, 'Outbox');

  await sendMessage(page, { from: fromOption(account(peer.port)), to: KNOWN, subject: 'Try again', text: 'Second time lucky.', delay: 0 });

  const pane = details(page);
  await expect(pane).toContainText('Try again');
  await expect(pane.locator('[data-state]')).toHaveText('Deferred', { timeout: 60_000 });
  await expect(pane).toContainText('451 4.3.0 Temporary failure, try again later');
  await expect(pane).toContainText('The server turned the message away for now; it will be tried again.');
  await expect(pane).not.toContainText('The server refused the message.');
  // The server answered this recipient: its words are shown, not "no reply yet".
  await expect(recipientLine(page, KNOWN)).toContainText('451 4.3.0 Temporary failure, try again later');
  await expect(fact(page, 'Attempts')).toHaveText('Tried once');
  // A clock time, not "—" and not "as soon as the server can be reached": the server answered, so a retry is scheduled.
  await expect(fact(page, 'Next try')).toHaveText(/\d{1,2}:\d{2}:\d{2}/);
  await expect(transcript(page).getByText('451 4.3.0 Temporary failure, try again later', { exact: true })).toBeVisible();

  await goTo(page, 'Outbox');
  const row = outboxRow(page, 'Try again');
  await expect(row).toContainText('Deferred');
  await expect(row).toContainText(/Next try: .*\d{1,2}:\d{2}:\d{2}/);
  // Not final, so no "could not be sent".
  await expect(notifications(page).getByRole('alert')).toHaveCount(0);

  peer.answer({});
  await row.getByRole('button', { name: 'Retry now', exact: true }).click();
  await expect(pane.locator('[data-state]')).toHaveText('Sent', { timeout: 60_000 });
  await expect(fact(page, 'Attempts')).toHaveText('Tried 2 times');
  await expect(recipientLine(page, KNOWN)).toContainText('Accepted');
  await expect(outboxRow(page, 'Try again')).toHaveCount(0);
  await goTo(page, 'Sent');
  await expect(mailboxRow(page, 'Sent', 'Try again')).toContainText('1 accepted');

  expect(peer.refusedAtDataEnd).toBe(1);
  expect(peer.deliveries).toHaveLength(1);
  expect(peer.deliveries[0]?.rcptTo).toEqual([KNOWN]);
  expect(peer.deliveries[0]?.raw).toContain('Subject: Try again');
  await expect(notifications(page).getByRole('alert')).toHaveCount(0);
});

test('the reason a message failed is worded in the language the window shows, the server’s words as they came', async ({ page, host, startPeer }) => {
  const peer = await startPeer({ rcpt: rcptRefusingUnknown });
  await page.goto(host.url);
  await addAccount(page, account(peer.port));
  await goTo(page, 'Outbox');
  await sendMessage(page, { from: fromOption(account(peer.port)), to: UNKNOWN, subject: 'Nul', text: 'Personne ?', delay: 0 });
  await expect(outboxRow(page, 'Nul')).toContainText(`The server replied ${USER_UNKNOWN_WORDS} at RCPT.`, { timeout: 60_000 });

  // Stored once, in the core; worded again by the window in the language it now shows.
  await goTo(page, 'Settings');
  await page.getByLabel('Language', { exact: true }).selectOption({ label: 'Français' });
  await page.getByRole('navigation').getByRole('button', { name: 'Boîte d’envoi', exact: true }).click();
  const row = mailboxRow(page, 'Boîte d’envoi', 'Nul');
  await expect(row).toContainText(`Le serveur a répondu ${USER_UNKNOWN_WORDS} à RCPT.`);
  await row.click();
  await expect(page.getByRole('region', { name: 'Détails du message' })).toContainText(`Le serveur a répondu ${USER_UNKNOWN_WORDS} à RCPT.`);
});
