import { describe, expect, it } from 'vitest';
import { blankMessage, draftSaveRequest, isBlank, messageFromDraft, messageFromItem, messageFromRequest, noChips } from './draft-logic';
import { makeDraft, makeItem } from './test-fixtures';

const sha256 = 'f'.repeat(64);
const state = {
  chips: { to: ['a@x.test'], cc: [], bcc: ['"Lee, Ann" <ann@x.test>'] },
  typed: { to: 'b@x', cc: '', bcc: '' },
  subject: 'S',
  text: 'T',
  html: '',
  attachments: [{ key: 'a1', name: 'n.txt', type: 'text/plain', size: 3, sha256 }],
  accountId: null,
  dsn: null,
  draftId: null,
};

describe('draftSaveRequest', () => {
  it('joins chips and typed text, and keeps attachments as references', () => {
    expect(draftSaveRequest(state)).toEqual({
      to: 'a@x.test, b@x',
      cc: '',
      bcc: '"Lee, Ann" <ann@x.test>',
      subject: 'S',
      text: 'T',
      attachments: [{ name: 'n.txt', type: 'text/plain', sha256 }],
    });
  });
  it('names the draft, the account, the HTML and the receipts when there are some', () => {
    const dsn = { notify: { success: true, failure: false, delay: false }, ret: 'full' as const };
    expect(draftSaveRequest({ ...state, draftId: 'draft-0001', accountId: 'account-1', html: '<p><em>T</em></p>', dsn })).toMatchObject({
      id: 'draft-0001',
      accountId: 'account-1',
      html: '<p><em>T</em></p>',
      dsn,
    });
  });
});

describe('isBlank', () => {
  it('is true only with nothing worth keeping', () => {
    const empty = { chips: noChips, typed: { to: ' ', cc: '', bcc: '' }, subject: ' ', text: '\n', attachments: [] };
    expect(isBlank(empty)).toBe(true);
    expect(isBlank({ ...empty, typed: { to: 'a', cc: '', bcc: '' } })).toBe(false);
    expect(isBlank({ ...empty, attachments: state.attachments })).toBe(false);
  });
});

describe('messages from the core', () => {
  it('reads a draft back into chips, with its attachments', () => {
    const message = messageFromDraft(makeDraft({ to: 'a@x.test, "Lee, Ann" <ann@x.test>', cc: '', attachments: [{ name: 'n.txt', type: 'text/plain', size: 3, sha256 }] }));
    expect(message.chips).toEqual({ to: ['a@x.test', '"Lee, Ann" <ann@x.test>'], cc: [], bcc: [] });
    expect(message.attachments).toMatchObject([{ name: 'n.txt', size: 3, sha256 }]);
    expect(message).toMatchObject({ html: '', accountId: null, dsn: null });
  });
  it('reads an outbox item with its account and receipts', () => {
    const item = makeItem({ accountId: 'account-7' });
    expect(messageFromItem(item)).toMatchObject({ chips: { to: ['bob@example.test'] }, accountId: 'account-7', dsn: item.dsn, html: '' });
  });
  it('keeps the read-receipt request through a draft and an item, and leaves it out of a draft that does not ask', () => {
    expect(draftSaveRequest({ ...state, readReceipt: true }).readReceipt).toBe(true);
    expect('readReceipt' in draftSaveRequest(state)).toBe(false);
    expect(messageFromDraft(makeDraft({ readReceipt: true })).readReceipt).toBe(true);
    expect(messageFromDraft(makeDraft()).readReceipt).toBe(false);
    expect(messageFromItem(makeItem({ readReceipt: true })).readReceipt).toBe(true);
  });
  it('reads a mailto: request', () => {
    expect(messageFromRequest({ to: 'a@x.test', cc: '', bcc: 'b@x.test', subject: 'S', text: 'T' })).toEqual({
      ...blankMessage,
      chips: { to: ['a@x.test'], cc: [], bcc: ['b@x.test'] },
      subject: 'S',
      text: 'T',
    });
  });
});
