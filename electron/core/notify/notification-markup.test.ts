import { describe, expect, it } from 'vitest';
import { notificationText } from './notification-markup';

describe('notificationText', () => {
  it('escapes markup on Linux so a subject cannot become a link or an image', () => {
    const hostile = 'Re: <a href="https://evil.example">win</a> <img src=x> & more';
    const escaped = notificationText(hostile, 'linux');
    expect(escaped).not.toMatch(/[<>"]/);
    expect(escaped).toBe('Re: &lt;a href=&quot;https://evil.example&quot;&gt;win&lt;/a&gt; &lt;img src=x&gt; &amp; more');
  });

  it('leaves the text alone where notifications are plain text', () => {
    expect(notificationText('a <b> & c', 'darwin')).toBe('a <b> & c');
    expect(notificationText('a <b> & c', 'win32')).toBe('a <b> & c');
  });
});
