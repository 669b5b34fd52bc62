/**
 * The printed address works once: the first page trades its token for a
 * session of its own, which survives a reload; another page given the same
 * address later is refused. Chromium opened by the host gets the address from
 * a private launch page, never from its command line.
 */
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { writeLaunchPage } from '../../electron/browser-host/open-browser';
import { expect, test } from '../support/browser-host';

/** Opens the bridge from inside the page with the token of `url`: 'open' or 'refused'. */
const tryToken = (page: Page, url: string) =>
  page.evaluate((token) => {
    return new Promise<string>((resolve) => {
      const ws = new WebSocket(`ws://${location.host}/bridge?token=${encodeURIComponent(token)}`);
      ws.onopen = () => resolve('open');
      ws.onclose = () => resolve('refused');
    });
  }, new URLSearchParams(new URL(url).hash.slice(1)).get('token') ?? '');

test('the printed token is spent by the first page; a reload keeps its session; a second page is refused', async ({ page, host, browser }) => {
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: 'New message', exact: true })).toBeVisible();
  expect(page.url()).not.toContain('token=');
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Mailboxes' })).toBeVisible();
  await expect(page.locator('.status-error')).toHaveCount(0);

  const other = await browser.newContext();
  const stranger = await other.newPage();
  await stranger.goto(host.url);
  expect(await tryToken(stranger, host.url)).toBe('refused');
  await other.close();
});

test('a launch page (0600) forwards Chromium to the app, which connects', async ({ page, host }) => {
  const folder = mkdtempSync(join(tmpdir(), 'outbox-launch-'));
  const launch = writeLaunchPage(host.url, folder);
  expect(statSync(launch).mode & 0o777).toBe(0o600);
  await page.goto(pathToFileURL(launch).href);
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  await expect(page.getByRole('button', { name: 'New message', exact: true })).toBeVisible();
  await expect(page.locator('.status-error')).toHaveCount(0);
  expect(await tryToken(page, host.url)).toBe('refused');
});
