/** The outbox with 10,000 items (see e2e/perf/outbox-10k.ts): first render under 200 ms, no long task while scrolling end to end. */
import { measureOutbox10k } from '../perf/outbox-10k';
import { expect, test } from '../support/browser-host';

test.use({ viewport: { width: 1280, height: 800 } });

test('the outbox with 10,000 items renders fast and scrolls without long tasks', async ({ page, host }) => {
  const figures = await measureOutbox10k(page, host.url);
  console.log(`outbox 10k: ${JSON.stringify(figures)}`);
  expect(figures.items).toBe(10_000);
  expect(figures.renderedRows).toBeLessThan(100);
  expect(figures.scrollSteps).toBeGreaterThan(100);
  expect(figures.firstRenderMs).toBeLessThan(200);
  expect(figures.longTasks).toEqual([]);
  // The list really is the 10,000 items: its end is the last of them.
  await expect(page.getByRole('list', { name: 'Outbox', exact: true }).getByRole('listitem').last()).toContainText('Message 10000 of 10000');
});
