import { describe, expect, it } from 'vitest';
import { checkSettings, parseDefaultDelay } from './settings-logic';

describe('parseDefaultDelay', () => {
  it('accepts whole seconds from 0 to 60', () => {
    expect(parseDefaultDelay('0')).toBe(0);
    expect(parseDefaultDelay(' 9 ')).toBe(9);
    expect(parseDefaultDelay('60')).toBe(60);
  });
  it('refuses anything else, empty included', () => {
    for (const bad of ['', ' ', '61', '-1', '2.5', 'abc', '1e1']) expect(parseDefaultDelay(bad), bad).toBeNull();
  });
});

describe('checkSettings', () => {
  it('builds the settings.update request', () => {
    expect(checkSettings({ undoDelay: '9' })).toEqual({ ok: true, changes: { undoSendSeconds: 9 } });
  });
  it('says why it cannot save', () => {
    expect(checkSettings({ undoDelay: '99' })).toEqual({
      ok: false,
      error: 'The default undo delay must be a whole number of seconds from 0 to 60.',
    });
  });
});
