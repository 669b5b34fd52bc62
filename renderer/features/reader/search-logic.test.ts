import { describe, expect, it } from 'vitest';
import { searchShortcut } from './search-logic';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });
const element = (tagName: string, isContentEditable = false) => ({ tagName, isContentEditable }) as unknown as Element;

describe('searchShortcut', () => {
  it('takes Ctrl+F and Cmd+F wherever focus is', () => {
    expect(searchShortcut(key('f', { ctrlKey: true }), element('INPUT'))).toBe(true);
    expect(searchShortcut(key('F', { metaKey: true }), null)).toBe(true);
  });
  it('takes "/" only when the user is not typing', () => {
    expect(searchShortcut(key('/'), element('LI'))).toBe(true);
    expect(searchShortcut(key('/'), null)).toBe(true);
    expect(searchShortcut(key('/'), element('INPUT'))).toBe(false);
    expect(searchShortcut(key('/'), element('TEXTAREA'))).toBe(false);
    expect(searchShortcut(key('/'), element('DIV', true))).toBe(false);
  });
  it('leaves other keys and Alt combinations alone', () => {
    expect(searchShortcut(key('f'), null)).toBe(false);
    expect(searchShortcut(key('f', { ctrlKey: true, altKey: true }), null)).toBe(false);
  });
});
