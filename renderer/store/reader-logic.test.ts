import { describe, expect, it } from 'vitest';
import type { Folder } from '../../shared/mail-model';
import { clampSplit, folderDepth, foldersOf, listKey, listRequest, splitAfterKey, SPLIT_MAX, SPLIT_MIN, type ListQuery } from './reader-logic';

const folder = (id: string, path: string, role: Folder['role'], accountId = 'acc1'): Folder => ({
  id, accountId, path, name: path.split('/').pop() ?? path, delimiter: '/', role, selectable: true, total: 0, unread: 0,
});

const base: ListQuery = { folderId: 'f1', query: '', sort: 'date', descending: true, unreadOnly: false, flaggedOnly: false, threads: false };

describe('foldersOf', () => {
  it('puts Inbox first and the special folders before the others, for one account only', () => {
    const folders = [folder('a', 'Zeta', 'other'), folder('b', 'Trash', 'trash'), folder('c', 'INBOX', 'inbox'), folder('d', 'Sent', 'sent'), folder('e', 'INBOX', 'inbox', 'acc2'), folder('f', 'Alpha', 'other')];
    expect(foldersOf(folders, 'acc1').map((f) => f.id)).toEqual(['c', 'd', 'b', 'f', 'a']);
  });
  it('indents by path depth', () => {
    expect(folderDepth(folder('x', 'Archive/2026/Q1', 'other'))).toBe(2);
    expect(folderDepth({ ...folder('y', 'INBOX', 'inbox'), delimiter: null })).toBe(0);
  });
});

describe('listRequest', () => {
  it('asks for the folder on show with the chosen order and filters', () => {
    expect(listRequest({ ...base, unreadOnly: true, threads: true }, 50, 150)).toEqual({
      folderId: 'f1', offset: 50, limit: 150, sort: 'date', descending: true, unreadOnly: true, flaggedOnly: false, threads: true,
    });
  });
  it('searches every folder when there is a query', () => {
    const request = listRequest({ ...base, query: '  invoice ' }, 0, 100);
    expect(request?.query).toBe('invoice');
    expect(request).not.toHaveProperty('folderId');
  });
  it('asks nothing with no folder and no query', () => {
    expect(listRequest({ ...base, folderId: null }, 0, 100)).toBeNull();
  });
  it('gives a different key to every different list', () => {
    expect(listKey(base)).toBe(listKey({ ...base }));
    expect(listKey(base)).not.toBe(listKey({ ...base, sort: 'from' }));
    expect(listKey(base)).not.toBe(listKey({ ...base, query: 'x' }));
  });
});

describe('divider', () => {
  it('stays within its range whatever is stored', () => {
    expect(clampSplit(5)).toBe(SPLIT_MAX);
    expect(clampSplit(-1)).toBe(SPLIT_MIN);
    expect(clampSplit(Number.NaN)).toBeGreaterThan(SPLIT_MIN);
  });
  it('moves with the arrow keys and jumps with Home and End', () => {
    expect(splitAfterKey(0.5, 'ArrowRight')).toBeCloseTo(0.55);
    expect(splitAfterKey(0.5, 'ArrowUp')).toBeCloseTo(0.45);
    expect(splitAfterKey(0.5, 'Home')).toBe(SPLIT_MIN);
    expect(splitAfterKey(0.5, 'End')).toBe(SPLIT_MAX);
    expect(splitAfterKey(0.79, 'ArrowRight')).toBe(SPLIT_MAX);
    expect(splitAfterKey(0.5, 'a')).toBeNull();
  });
});
