import { describe, expect, it } from 'vitest';
import { isTypingElement, SHORTCUTS, shortcutFor } from './shortcuts-logic';
import { MAIL_COMMANDS } from '../keyboard/command-registry';

const key = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});
const free = { typing: false, inDialog: false };
const typing = { typing: true, inDialog: false };
const inDialog = { typing: false, inDialog: true };

describe('shortcutFor', () => {
  it('opens a new message with Ctrl+N or Cmd+N, even while typing', () => {
    expect(shortcutFor(key('n', { ctrlKey: true }))).toBe('newMessage');
    expect(shortcutFor(key('N', { metaKey: true }), typing)).toBe('newMessage');
  });
  it('maps each single key to its command', () => {
    const expected: Record<string, string> = {
      r: 'reply',
      a: 'replyAll',
      R: 'replyAll',
      f: 'forward',
      e: 'archive',
      Delete: 'delete',
      '#': 'delete',
      '!': 'junk',
      s: 'toggleStar',
      u: 'toggleRead',
      j: 'next',
      ArrowDown: 'next',
      k: 'previous',
      ArrowUp: 'previous',
      '/': 'focusSearch',
      c: 'newMessage',
      '?': 'help',
    };
    for (const [k, command] of Object.entries(expected)) expect(shortcutFor(key(k, { shiftKey: k === 'R' || k === '#' || k === '!' || k === '?' }), free)).toBe(command);
  });
  it('never takes a single key while the user types in a field or a dialog is open', () => {
    for (const k of ['r', 'j', 'k', '/', 'c', '?', '#', 'Delete', 'ArrowDown', 's']) {
      expect(shortcutFor(key(k), typing)).toBeNull();
      expect(shortcutFor(key(k), inDialog)).toBeNull();
    }
  });
  it('undoes with Ctrl/Cmd+Z only outside fields and dialogs (a field undoes its own typing)', () => {
    expect(shortcutFor(key('z', { ctrlKey: true }), free)).toBe('undo');
    expect(shortcutFor(key('Z', { metaKey: true }), free)).toBe('undo');
    expect(shortcutFor(key('z', { ctrlKey: true }), typing)).toBeNull();
    expect(shortcutFor(key('z', { ctrlKey: true }), inDialog)).toBeNull();
    expect(shortcutFor(key('z', { ctrlKey: true, shiftKey: true }), free)).toBeNull();
  });
  it('leaves other keys and modified letters alone', () => {
    expect(shortcutFor(key('n'))).toBeNull();
    expect(shortcutFor(key('x'))).toBeNull();
    expect(shortcutFor(key('r', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(key('r', { altKey: true }))).toBeNull();
    expect(shortcutFor(key('n', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(shortcutFor(key('m', { ctrlKey: true }))).toBeNull();
  });
  it('lists every named command (and help) in the help table', () => {
    const listed = new Set(SHORTCUTS.map((s) => s.action));
    for (const command of MAIL_COMMANDS) expect(listed.has(command)).toBe(true);
    expect(listed.has('help')).toBe(true);
  });
});

describe('isTypingElement', () => {
  it('counts text fields, text areas, selects and editable content as typing', () => {
    expect(isTypingElement({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isTypingElement({ tagName: 'INPUT', type: 'search' })).toBe(true);
    expect(isTypingElement({ tagName: 'INPUT' })).toBe(true);
    expect(isTypingElement({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTypingElement({ tagName: 'SELECT' })).toBe(true);
    expect(isTypingElement({ tagName: 'DIV', isContentEditable: true })).toBe(true);
  });
  it('does not count buttons, checkboxes, list rows or nothing', () => {
    expect(isTypingElement({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTypingElement({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingElement({ tagName: 'LI', isContentEditable: false })).toBe(false);
    expect(isTypingElement(null)).toBe(false);
  });
});
