/** mailto: links: the browser host passes the link in the page's fragment; Compose opens filled from it. */
import { composeDialog, messageBody, recipientChips } from '../support/app';
import { expect, test } from '../support/browser-host';

const LINK = 'mailto:ada@example.test?subject=Caf%C3%A9&body=Hello%0D%0AWorld';

for (const [form, fragment] of [
  ['percent-encoded, as the host writes it', `&mailto=${encodeURIComponent(LINK)}`],
  ['pasted as is', `&mailto=${LINK}`],
] as const) {
  test(`a mailto: link in the URL (${form}) opens Compose filled in`, async ({ page, host }) => {
    await page.goto(`${host.url}${fragment}`);
    const dialog = composeDialog(page);
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAccessibleName('New message');
    await expect(recipientChips(dialog, 'To')).toHaveText('ada@example.test');
    await expect(dialog.getByLabel('Subject', { exact: true })).toHaveValue('Café');
    const lines = messageBody(dialog).locator('p');
    await expect(lines).toHaveText(['Hello', 'World']);
    // The link is taken out of the address: a reload does not open it again. So is the spent one-time token.
    expect(page.url()).not.toContain('mailto');
    expect(page.url()).not.toContain('token=');
    await page.keyboard.press('Escape');
    await page.reload();
    await expect(page.getByRole('button', { name: 'New message', exact: true })).toBeVisible();
    await expect(composeDialog(page)).toBeHidden();
  });
}
