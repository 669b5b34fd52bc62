import { describe, expect, it } from 'vitest';
import { parseMailto } from './mailto';

describe('parseMailto (RFC 6068)', () => {
  it('reads the path and every header field we support, percent-decoded as UTF-8', () => {
    expect(parseMailto('mailto:ada@example.test?cc=bob@example.test&bcc=eve@example.test&subject=Caf%C3%A9%20%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82&body=Hello%0D%0AWorld')).toEqual({
      to: 'ada@example.test',
      cc: 'bob@example.test',
      bcc: 'eve@example.test',
      subject: 'Café привет',
      text: 'Hello\nWorld',
    });
  });

  it('joins several addresses and to= fields, and decodes encoded separators', () => {
    expect(parseMailto('mailto:a@x.test,b@x.test?to=c@x.test&To=d@x.test')?.to).toBe('a@x.test,b@x.test, c@x.test, d@x.test');
    expect(parseMailto('mailto:%22Doe%2C%20J%22%20%3Cj@x.test%3E')?.to).toBe('"Doe, J" <j@x.test>');
  });

  it('ignores other header fields and keeps header fields on one line', () => {
    const parsed = parseMailto('mailto:a@x.test?subject=Hi%0D%0ABcc:%20evil@x.test&x-injected=1&in-reply-to=%3Cm@x%3E');
    expect(parsed).toEqual({ to: 'a@x.test', cc: '', bcc: '', subject: 'Hi Bcc: evil@x.test', text: '' });
    expect(parseMailto('mailto:a@x.test%0D%0ABcc:%20evil@x.test')?.to).toBe('a@x.test Bcc: evil@x.test');
  });

  it('survives malformed escapes and refuses what is not a mailto: URI', () => {
    expect(parseMailto('mailto:a@x.test?subject=100%')?.subject).toBe('100%');
    expect(parseMailto('MAILTO:a@x.test')?.to).toBe('a@x.test');
    expect(parseMailto('https://example.test')).toBeNull();
    expect(parseMailto('mailto:')).toEqual({ to: '', cc: '', bcc: '', subject: '', text: '' });
  });
});
