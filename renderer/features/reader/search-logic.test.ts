import { describe, expect, it } from 'vitest';
import { searchShortcut } from './search-logic';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('searchShortcut', () => {
  it('takes Ctrl+F and Cmd+F wherever focus is', () => {
    expect(searchShortcut(key('f', { ctrlKey: true }))).toBe(true);
    expect(searchShortcut(key('F', { metaKey: true }))).toBe(true);
  });
  it('leaves other keys and Alt combinations alone ("/" is the window shortcut focusSearch)', () => {
    expect(searchShortcut(key('f'))).toBe(false);
    expect(searchShortcut(key('/'))).toBe(false);
    expect(searchShortcut(key('f', { ctrlKey: true, altKey: true }))).toBe(false);
  });
});
