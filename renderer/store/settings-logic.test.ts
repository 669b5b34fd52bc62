import { describe, expect, it } from 'vitest';
import { checkSettings } from './settings-logic';

describe('checkSettings', () => {
  it('builds the settings.update request', () => {
    expect(checkSettings({ undoDelay: '9' })).toEqual({ ok: true, changes: { undoSendSeconds: 9 } });
  });
  it('says why it cannot save, an empty delay included', () => {
    expect(checkSettings({ undoDelay: '' })).toMatchObject({ ok: false });
    expect(checkSettings({ undoDelay: '99' })).toEqual({
      ok: false,
      error: 'The default undo delay must be a whole number of seconds from 0 to 60.',
    });
  });
});
