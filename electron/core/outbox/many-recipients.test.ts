/** A message to 1,000 recipients (issue 13 item 12): queued and kept as a draft, not refused. */
import { afterEach, expect, it } from 'vitest';
import type { Draft, OutboxItem } from '../../../shared/model';
import { startTestCore, type TestCore } from '../../../testing/harness/test-core';

let core: TestCore | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

const thousand = Array.from({ length: 1000 }, (_, i) => `Person ${i} <person.number.${i}@example.test>`).join(', ');

it('a field of 1,000 recipients is queued and saved as a draft', async () => {
  core = await startTestCore();
  const draft = await core.call<Draft>('drafts.save', { to: thousand, cc: '', bcc: '', subject: 'All hands', text: 'Hello.', attachments: [] });
  expect(draft.to).toBe(thousand);
  const item = await core.call<OutboxItem>('outbox.submit', { to: thousand, subject: 'All hands', text: 'Hello.', sendAt: Date.now() + 3_600_000 });
  expect(item.recipients).toHaveLength(1000);
  expect(item.recipients[999]).toMatchObject({ address: 'person.number.999@example.test', name: 'Person 999', state: 'pending' });
});
