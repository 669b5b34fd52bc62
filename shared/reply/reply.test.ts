import { describe, expect, it } from 'vitest';
import { quoteHtml, quoteText } from './quote';
import { replyRecipients } from './recipients';
import { baseSubject, forwardSubject, replySubject } from './subject';
import { MAX_REFERENCES, threadingFor } from './threading';

describe('subjects', () => {
  it('never stack: localized, counted and repeated prefixes are read, the standard one written once', () => {
    expect(replySubject('Hello')).toBe('Re: Hello');
    expect(replySubject('Re: Hello')).toBe('Re: Hello');
    expect(replySubject('RE: re: Re[2]: Hello')).toBe('Re: Hello');
    expect(replySubject('AW: WG: Angebot')).toBe('Re: Angebot');
    expect(replySubject('TR: RE: Devis')).toBe('Re: Devis');
    expect(replySubject('Отв: Ответ: Встреча')).toBe('Re: Встреча');
    expect(replySubject('Fwd: Re(3): Plan')).toBe('Re: Plan');
    expect(replySubject('SV: VS: Möte')).toBe('Re: Möte');
    expect(forwardSubject('Re: Fw: Plan')).toBe('Fwd: Plan');
    expect(forwardSubject('Пересл: Plan')).toBe('Fwd: Plan');
    expect(replySubject('RE：全角')).toBe('Re: 全角');
  });

  it('keeps a list tag and words that merely begin like a prefix', () => {
    expect(replySubject('[team] Re: launch')).toBe('Re: [team] launch');
    expect(baseSubject('Rebooting the server')).toBe('Rebooting the server');
    expect(baseSubject('Trade: numbers')).toBe('Trade: numbers');
    expect(baseSubject('Re:')).toBe('');
    expect(replySubject('')).toBe('Re:');
  });
});

describe('threading', () => {
  it('References is the parent chain plus the parent; In-Reply-To the parent', () => {
    expect(threadingFor({ messageId: 'c@x', inReplyTo: 'b@x', references: ['a@x', 'b@x'] })).toEqual({ inReplyTo: 'c@x', references: ['a@x', 'b@x', 'c@x'] });
    expect(threadingFor({ messageId: 'c@x', inReplyTo: 'b@x', references: [] })).toEqual({ inReplyTo: 'c@x', references: ['b@x', 'c@x'] });
    expect(threadingFor({ messageId: 'c@x', inReplyTo: '', references: [] })).toEqual({ inReplyTo: 'c@x', references: ['c@x'] });
  });

  it('a parent without a usable Message-ID gives no threading; junk ids are dropped', () => {
    expect(threadingFor({ messageId: '', inReplyTo: 'b@x', references: ['a@x'] })).toBeNull();
    expect(threadingFor({ messageId: 'no at sign', inReplyTo: '', references: [] })).toBeNull();
    expect(threadingFor({ messageId: 'c@x', inReplyTo: '', references: ['bad id', 'a@x', 'a@x'] })?.references).toEqual(['a@x', 'c@x']);
  });

  it('a long chain keeps its root and the latest, at most 100', () => {
    const chain = Array.from({ length: 250 }, (_, i) => `m${i}@x`);
    const threading = threadingFor({ messageId: 'last@x', inReplyTo: 'm249@x', references: chain });
    expect(threading?.references).toHaveLength(MAX_REFERENCES);
    expect(threading?.references[0]).toBe('m0@x');
    expect(threading?.references.at(-1)).toBe('last@x');
    expect(threading?.references.at(-2)).toBe('m249@x');
  });
});

describe('reply recipients', () => {
  const me = 'me@example.org';
  const message = {
    from: { name: 'Ann', address: 'ann@example.org' },
    to: [{ address: 'ME@example.org' }, { address: 'bob@example.org' }],
    cc: [{ address: 'cat@example.org' }, { address: 'ann@example.org' }, { address: 'me-too@example.org' }],
    replyTo: [] as { address: string }[],
  };

  it('Reply goes to the sender, or to Reply-To when set', () => {
    expect(replyRecipients(message, 'reply', [me])).toEqual({ to: [message.from], cc: [] });
    expect(replyRecipients({ ...message, replyTo: [{ address: 'list@example.org' }] }, 'reply', [me]).to).toEqual([{ address: 'list@example.org' }]);
  });

  it('Reply all keeps To and Cc apart, drops my addresses (any account, any case) and duplicates', () => {
    const all = replyRecipients(message, 'replyAll', [me, 'me-too@example.org']);
    expect(all.to.map((m) => m.address)).toEqual(['ann@example.org', 'bob@example.org']);
    expect(all.cc.map((m) => m.address)).toEqual(['cat@example.org']);
  });

  it('Reply all honours Mail-Followup-To', () => {
    const all = replyRecipients({ ...message, followupTo: [{ address: 'list@example.org' }, { address: me }] }, 'replyAll', [me]);
    expect(all).toEqual({ to: [{ address: 'list@example.org' }], cc: [] });
  });

  it('answering my own message goes to its recipients; a note to myself comes back to me', () => {
    const mine = { ...message, from: { address: me }, to: [{ address: 'bob@example.org' }], cc: [{ address: 'cat@example.org' }] };
    expect(replyRecipients(mine, 'reply', [me])).toEqual({ to: [{ address: 'bob@example.org' }], cc: [] });
    expect(replyRecipients(mine, 'replyAll', [me]).cc).toEqual([{ address: 'cat@example.org' }]);
    expect(replyRecipients({ ...mine, to: [{ address: me }], cc: [] }, 'reply', [me]).to).toEqual([{ address: me }]);
  });
});

describe('quotes', () => {
  it('plain text gets "> " and quoted lines deepen', () => {
    expect(quoteText('Hi\n\n> earlier\nBye\n')).toBe('> Hi\n>\n>> earlier\n> Bye');
  });

  it('the HTML quote is only our paragraphs: markup in the text is text', () => {
    const html = quoteHtml('<img src="https://tracker.example/p.gif"> & <script>alert(1)</script>');
    expect(html).toBe('<blockquote><p>&lt;img src=&quot;https://tracker.example/p.gif&quot;&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;</p></blockquote>');
    expect(html).not.toMatch(/<img|<script/);
  });
});
