/** Finding and driving the app's main parts by role and name, as a user would. */
import { expect, type Locator, type Page } from '@playwright/test';

export type Place = 'Drafts' | 'Outbox' | 'Sent' | 'Sandbox inbox' | 'Settings';

/** The sidebar button of a mailbox or of Settings (its count is its description, not part of its name). */
export const navButton = (page: Page, name: string): Locator => page.getByRole('navigation').getByRole('button', { name, exact: true });

export async function goTo(page: Page, place: Place): Promise<void> {
  await navButton(page, place).click();
  await expect(navButton(page, place)).toHaveAttribute('aria-current', 'page');
}

/** The Compose dialog, whether new or editing. */
export const composeDialog = (page: Page): Locator => page.getByRole('dialog', { name: /^(New message|Edit message)$/ });

/** The chips of To, Cc or Bcc in Compose ("To recipients"). */
export const recipientChips = (dialog: Locator, field: 'To' | 'Cc' | 'Bcc'): Locator => dialog.getByRole('list', { name: `${field} recipients`, exact: true });

/** The rich-text body: a textbox named Message (a contenteditable, so its value is its text). */
export const messageBody = (dialog: Locator): Locator => dialog.getByRole('textbox', { name: 'Message', exact: true });

/** The confirmation asked before deleting or discarding. */
export const confirmDialog = (page: Page): Locator => page.getByRole('dialog').filter({ has: page.locator('#confirm-title') });

export async function openCompose(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'New message', exact: true }).click();
  const dialog = composeDialog(page);
  await expect(dialog).toBeVisible();
  return dialog;
}

export interface Message {
  /** The From chooser's option, as shown ("Work — Ann <ann@example.test>"); the default account if omitted. */
  from?: string;
  to: string;
  cc?: string;
  subject: string;
  text?: string;
  /** Undo delay in seconds. */
  delay?: number;
  /** A datetime-local value for Send later. */
  sendAt?: string;
  /** Attached through the file picker. */
  files?: { name: string; mimeType: string; buffer: Buffer }[];
}

/** Unfolds Compose's "Delivery options" (undo delay, Send later, receipts) if folded. */
export async function openDeliveryOptions(dialog: Locator): Promise<void> {
  const disclosure = dialog.getByRole('button', { name: 'Delivery options', exact: true });
  if ((await disclosure.getAttribute('aria-expanded')) !== 'true') await disclosure.click();
  await expect(disclosure).toHaveAttribute('aria-expanded', 'true');
}

/** Send later at a YYYY-MM-DDTHH:MM local time, through "Pick a date and time" and its day, hour and minute (English labels). */
export async function pickSendLater(dialog: Locator, value: string): Promise<void> {
  const [, day, hour, minute] = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value) ?? [];
  if (!day || !hour || !minute) throw new Error(`not a YYYY-MM-DDTHH:MM value: ${value}`);
  await openDeliveryOptions(dialog);
  await dialog.getByLabel('Send later', { exact: true }).selectOption('pick');
  await dialog.getByLabel('Day', { exact: true }).selectOption(day);
  await dialog.getByLabel('Hour', { exact: true }).selectOption(String(Number(hour)));
  await dialog.getByLabel('Minute', { exact: true }).selectOption(String(Number(minute)));
}

/** Opens Compose, fills it and presses Send; waits until the dialog has closed (the core queued it). */
export async function sendMessage(page: Page, message: Message): Promise<void> {
  const dialog = await openCompose(page);
  if (message.from !== undefined) await dialog.getByLabel('From', { exact: true }).selectOption({ label: message.from });
  await dialog.getByLabel('To', { exact: true }).fill(message.to);
  if (message.cc !== undefined) await dialog.getByLabel('Cc', { exact: true }).fill(message.cc);
  await dialog.getByLabel('Subject', { exact: true }).fill(message.subject);
  if (message.text !== undefined) await dialog.getByLabel('Message', { exact: true }).fill(message.text);
  if (message.delay !== undefined || message.sendAt !== undefined) await openDeliveryOptions(dialog);
  if (message.delay !== undefined) await dialog.getByLabel('Undo delay (seconds)', { exact: true }).fill(String(message.delay));
  if (message.sendAt !== undefined) await pickSendLater(dialog, message.sendAt);
  if (message.files?.length) {
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Attach files', exact: true }).click();
    await (await chooser).setFiles(message.files);
    await expect(dialog.getByRole('list', { name: 'Attachments' }).getByRole('listitem')).toHaveCount(message.files.length);
  }
  await dialog.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** A row of a mailbox list ("Outbox", "Sent", "Drafts") by the subject it shows. */
export const mailboxRow = (page: Page, mailbox: string, subject: string): Locator =>
  page.getByRole('list', { name: mailbox, exact: true }).getByRole('listitem').filter({ hasText: subject });

/** The details pane of the selected message. */
export const details = (page: Page): Locator => page.getByRole('region', { name: 'Message details' });

/** A datetime-local value `minutes` from now, computed in the page so it uses the browser's time zone. */
export const localInputValueIn = (page: Page, minutes: number): Promise<string> =>
  page.evaluate((m) => {
    const d = new Date(Date.now() + m * 60_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, minutes);

/** The value a list of facts gives for one term ("Next try", "SHA-256 fingerprint"): the <dd> after the <dt> named exactly `label`. */
export const factValue = (scope: Locator, label: string): Locator =>
  scope
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
    .locator('xpath=following-sibling::dd[1]');
