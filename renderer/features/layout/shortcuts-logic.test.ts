import { describe, expect, it } from 'vitest';
import { shortcutFor } from './shortcuts-logic';

const key = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('shortcutFor', () => {
  it('opens a new message with Ctrl+N or Cmd+N', () => {
    expect(shortcutFor(key('n', { ctrlKey: true }))).toBe('newMessage');
    expect(shortcutFor(key('N', { metaKey: true }))).toBe('newMessage');
  });
  it('leaves other keys alone', () => {
    expect(shortcutFor(key('n'))).toBeNull();
    expect(shortcutFor(key('n', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(shortcutFor(key('m', { ctrlKey: true }))).toBeNull();
  });
});
