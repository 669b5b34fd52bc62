import { describe, expect, it } from 'vitest';
import { pickSentFolder } from './sent-folder';

const folder = (path: string, ...flags: string[]) => ({ path, flags: new Set(flags), specialUse: undefined });

describe('the Sent folder', () => {
  it('is the one the server marks \\Sent, whatever its name, before any folder with a usual name', () => {
    expect(pickSentFolder([folder('INBOX'), folder('Sent'), folder('Gesendete Elemente', '\\HasNoChildren', '\\Sent')])).toBe('Gesendete Elemente');
  });
  it('else the first usual name that exists, in the order Sent, Sent Items, Sent Messages, INBOX.Sent, any case', () => {
    expect(pickSentFolder([folder('INBOX'), folder('INBOX.Sent'), folder('Sent Items')])).toBe('Sent Items');
    expect(pickSentFolder([folder('INBOX'), folder('INBOX.Sent')])).toBe('INBOX.Sent');
    expect(pickSentFolder([folder('sent messages')])).toBe('sent messages');
  });
  it('never a folder that cannot hold mail, and null when there is none (the caller creates "Sent")', () => {
    expect(pickSentFolder([folder('INBOX'), folder('Sent', '\\Noselect'), folder('Archive')])).toBeNull();
    expect(pickSentFolder([folder('Junk'), folder('Sent stuff')])).toBeNull();
  });
});
