import { describe, expect, it } from 'vitest';
import { storageNote } from './storage-note-logic';

describe('storageNote', () => {
  it('says nothing when the store is healthy and nothing is in quarantine', () => {
    expect(storageNote(undefined)).toBeNull();
    expect(storageNote({ damage: null, quarantined: [], quarantinedTotal: 0 })).toBeNull();
  });
  it('names what was lost and counts what was kept, and where the damaged files are', () => {
    const note = storageNote({
      damage: { at: Date.UTC(2026, 11, 4, 10), folder: '/p/damaged/x', lost: [{ kind: 'item', id: 'a', subject: 'Invoice' }, { kind: 'draft', id: 'b', subject: '' }], kept: { items: 3, drafts: 1 } },
      quarantined: [],
      quarantinedTotal: 0,
    });
    expect(note?.lines.join('\n')).toContain('/p/damaged/x');
    expect(note?.lines.join('\n')).toMatch(/Lost: Invoice, .+\./);
    expect(note?.lines.join('\n')).toMatch(/^4 message/m);
  });
  it('lists the rows in quarantine, and comes back when there are more', () => {
    const one = storageNote({ damage: null, quarantined: [{ id: 'item-1', at: 0, reason: 'unreadable items row: not JSON' }], quarantinedTotal: 1 });
    expect(one?.rows).toHaveLength(1);
    expect(one?.rows[0]).toContain('unreadable items row');
    const two = storageNote({ damage: null, quarantined: [], quarantinedTotal: 2 });
    expect(two?.key).not.toBe(one?.key);
  });
});
