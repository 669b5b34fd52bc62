import { describe, expect, it } from 'vitest';
import type { MessageSummary } from '../../../shared/mail-model';
import { isFirstSync, newMailOf } from './new-mail';

const message = (id: string, seen: boolean, date: number): MessageSummary => ({
  id,
  accountId: 'a',
  folderId: 'f',
  messageId: `<${id}@x>`,
  subject: `Subject ${id}`,
  from: { name: 'Ada', address: 'ada@example.test' },
  to: [],
  date,
  size: 10,
  flags: { seen, flagged: false, answered: false, draft: false },
  hasAttachments: false,
  preview: '',
  threadId: id,
  threadSize: 1,
  cached: false,
});

describe('isFirstSync', () => {
  it('is the first sync when nothing of the folder is stored, or its state was never written (a first sync cut short)', () => {
    expect(isFirstSync(undefined, false)).toBe(true);
    expect(isFirstSync({ uidValidity: null, uidNext: null, highestModseq: null }, false)).toBe(true);
  });
  it('is not once a sync finished, unless the server renumbered the folder', () => {
    expect(isFirstSync({ uidValidity: 7, uidNext: 3, highestModseq: null }, false)).toBe(false);
    expect(isFirstSync({ uidValidity: 7, uidNext: 3, highestModseq: null }, true)).toBe(true);
  });
});

describe('newMailOf', () => {
  it('counts only unread messages, newest named first', () => {
    const mail = newMailOf('a', 'f', [message('1', false, 1), message('2', true, 2), message('3', false, 3)]);
    expect(mail).toEqual({
      accountId: 'a',
      folderId: 'f',
      count: 2,
      latest: [
        { id: '3', from: { name: 'Ada', address: 'ada@example.test' }, subject: 'Subject 3' },
        { id: '1', from: { name: 'Ada', address: 'ada@example.test' }, subject: 'Subject 1' },
      ],
    });
  });
  it('is nothing when every new message was already read elsewhere', () => {
    expect(newMailOf('a', 'f', [message('1', true, 1)])).toBeNull();
    expect(newMailOf('a', 'f', [])).toBeNull();
  });
  it('names at most five messages but counts them all', () => {
    const mail = newMailOf('a', 'f', Array.from({ length: 8 }, (_, i) => message(String(i), false, i)));
    expect(mail?.count).toBe(8);
    expect(mail?.latest.map((m) => m.id)).toEqual(['7', '6', '5', '4', '3']);
  });
});
