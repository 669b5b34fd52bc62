import { describe, expect, it } from 'vitest';
import { updateNote } from './update-logic';

describe('updateNote', () => {
  it('offers Restart now and Later once an update is downloaded', () => {
    expect(updateNote({ phase: 'ready', version: '0.2.0', sending: 0 }, null)).toEqual({ key: 'update.ready', actions: true });
  });

  it('says nothing before a download, or for a version put off with Later', () => {
    expect(updateNote(null, null)).toBeNull();
    expect(updateNote({ phase: 'ready', version: '0.2.0', sending: 0 }, '0.2.0')).toBeNull();
  });

  it('comes back for a newer version than the one put off', () => {
    expect(updateNote({ phase: 'ready', version: '0.2.1', sending: 0 }, '0.2.0')?.key).toBe('update.ready');
  });

  it('says the restart waits for sends, then that it is under way, with no buttons', () => {
    expect(updateNote({ phase: 'waiting', version: '0.2.0', sending: 1 }, null)).toEqual({ key: 'update.waiting', actions: false });
    expect(updateNote({ phase: 'restarting', version: '0.2.0', sending: 0 }, '0.2.0')).toEqual({ key: 'update.restarting', actions: false });
  });
});
