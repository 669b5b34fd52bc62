/**
 * The copy in Sent as the user sees it: the setting in the account's incoming
 * half, and the line on a sent message's details. The IMAP server is our
 * scripted one: it advertises Gmail's X-GM-EXT-1, so "Automatic" skips the
 * copy; it cannot APPEND, so "Always" leaves the copy waiting with the reason.
 * (Filing in a real Sent folder is tested against Dovecot in sent-copy.imap-test.ts.)
 */
import type { Locator, Page } from '@playwright/test';
import { MODERN_CAPABILITIES, startScriptedImapServer, type ScriptedImapServer } from '../../testing/harness/scripted-imap-server';
import { accountForm, accountItem, addAccount, fromOption, type NewAccount } from '../support/accounts';
import { details, factValue, goTo, mailboxRow, sendMessage } from '../support/app';
import { expect, test } from '../support/smtp-peer';

const LOGIN = { user: 'ann', password: 'correct horse battery staple' };
const account = (port: number): NewAccount => ({ name: 'Mailhost', fromName: 'Ann Smith', address: 'ann@example.test', port, security: 'none' });

let imap: ScriptedImapServer | undefined;
test.afterEach(async () => {
  await imap?.close();
  imap = undefined;
});
test.describe.configure({ timeout: 120_000 });

async function editIncoming(page: Page, name: string, fill: (incoming: Locator) => Promise<void>): Promise<void> {
  await goTo(page, 'Settings');
  await accountItem(page, name).getByRole('button', { name: 'Edit', exact: true }).click();
  const form = accountForm(page);
  await fill(form.getByRole('group', { name: 'Incoming server (IMAP)' }));
  await form.getByRole('button', { name: 'Save account', exact: true }).click();
  await expect(form).toBeHidden();
}

async function sentCopyLine(page: Page, subject: string): Promise<Locator> {
  await goTo(page, 'Sent');
  await mailboxRow(page, 'Sent', subject).click();
  return factValue(details(page), 'Copy in Sent');
}

test('Automatic skips the copy on a server that files sent mail itself; Always tries and says why it waits', async ({ page, host, startPeer }) => {
  const peer = await startPeer();
  imap = await startScriptedImapServer({ users: { [LOGIN.user]: LOGIN.password }, capabilities: [...MODERN_CAPABILITIES, 'X-GM-EXT-1'] });
  await page.goto(host.url);
  const acct = account(peer.port);
  await addAccount(page, acct);
  await editIncoming(page, acct.name, async (incoming) => {
    await incoming.getByLabel('Receive mail with this account', { exact: true }).check();
    await incoming.getByLabel('Server', { exact: true }).fill('127.0.0.1');
    await incoming.getByLabel('Security', { exact: true }).selectOption('none');
    await incoming.getByLabel('Port', { exact: true }).fill(String(imap?.port));
    await incoming.getByLabel('User name', { exact: true }).fill(LOGIN.user);
    await incoming.getByLabel('Password', { exact: true }).fill(LOGIN.password);
    await expect(incoming.getByLabel('Copy sent messages to the server', { exact: true })).toHaveValue('auto');
  });

  await sendMessage(page, { from: fromOption(acct), to: 'ada@example.test', subject: 'Filed by Gmail', text: 'Hi.', delay: 0 });
  await expect(await sentCopyLine(page, 'Filed by Gmail')).toHaveText('skipped: your server files sent mail itself', { timeout: 30_000 });

  await editIncoming(page, acct.name, async (incoming) => {
    await incoming.getByLabel('Copy sent messages to the server', { exact: true }).selectOption({ label: 'Always' });
  });
  await editIncoming(page, acct.name, async (incoming) => {
    await expect(incoming.getByLabel('Copy sent messages to the server', { exact: true })).toHaveValue('append');
  });
  await sendMessage(page, { from: fromOption(acct), to: 'ada@example.test', subject: 'Copy waits', text: 'Hi.', delay: 0 });
  // The scripted server answers LIST with BAD: the copy waits, saying what went wrong.
  await expect(await sentCopyLine(page, 'Copy waits')).toContainText('waiting (last try:', { timeout: 30_000 });
  expect(imap.commands.some((line) => /\bAPPEND\b/i.test(line))).toBe(false);
  expect(peer.deliveries).toHaveLength(2);
});

test('a copy the server refuses shows why, with Retry; after "No, my server does it", Retry skips it', async ({ page, host, startPeer }) => {
  const peer = await startPeer();
  // A server that takes nothing over 100 bytes into a folder (RFC 7889).
  imap = await startScriptedImapServer({ users: { [LOGIN.user]: LOGIN.password }, capabilities: [...MODERN_CAPABILITIES.filter((c) => !c.startsWith('APPENDLIMIT')), 'APPENDLIMIT=100'] });
  await page.goto(host.url);
  const acct = account(peer.port);
  await addAccount(page, acct);
  await editIncoming(page, acct.name, async (incoming) => {
    await incoming.getByLabel('Receive mail with this account', { exact: true }).check();
    await incoming.getByLabel('Server', { exact: true }).fill('127.0.0.1');
    await incoming.getByLabel('Security', { exact: true }).selectOption('none');
    await incoming.getByLabel('Port', { exact: true }).fill(String(imap?.port));
    await incoming.getByLabel('User name', { exact: true }).fill(LOGIN.user);
    await incoming.getByLabel('Password', { exact: true }).fill(LOGIN.password);
  });
  await sendMessage(page, { from: fromOption(acct), to: 'ada@example.test', subject: 'Too big to file', text: 'A message longer than a hundred bytes once it has its headers.', delay: 0 });
  const line = await sentCopyLine(page, 'Too big to file');
  await expect(line).toContainText(/^failed: the message \(\d+ bytes\) is larger than the server accepts in a folder \(100 bytes\)/, { timeout: 30_000 });

  await editIncoming(page, acct.name, async (incoming) => {
    await incoming.getByLabel('Copy sent messages to the server', { exact: true }).selectOption({ label: 'No, my server does it' });
  });
  const again = await sentCopyLine(page, 'Too big to file');
  await again.getByRole('button', { name: 'Retry', exact: true }).click();
  await expect(again).toHaveText('skipped: your server files sent mail itself', { timeout: 30_000 });
  expect(imap.commands.some((line) => /\bAPPEND\b/i.test(line))).toBe(false);
});
