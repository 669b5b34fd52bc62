import { describe, expect, it } from 'vitest';
import { docToText, editorHtmlFrom, emailHtml, hasFormatting, linkPlan, normalizeLink, textToHtml } from './rich-text-logic';

const p = (...content: object[]) => ({ type: 'paragraph', content });
const text = (value: string, marks?: object[]) => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });
const item = (...content: object[]) => ({ type: 'listItem', content });
const doc = (...content: object[]) => ({ type: 'doc', content });

describe('docToText', () => {
  it('writes one line per paragraph and keeps hard breaks and empty lines', () => {
    expect(docToText(doc(p(text('Hello')), { type: 'paragraph' }, p(text('a'), { type: 'hardBreak' }, text('.'))))).toBe('Hello\n\na\n.');
  });
  it('drops trailing empty lines', () => {
    expect(docToText(doc(p(text('Hi')), { type: 'paragraph' }, { type: 'paragraph' }))).toBe('Hi');
    expect(docToText(doc({ type: 'paragraph' }))).toBe('');
  });
  it('marks bulleted and numbered items, nested lists indented', () => {
    const nested = { type: 'bulletList', content: [item(p(text('inner')))] };
    const list = { type: 'orderedList', attrs: { start: 3 }, content: [item(p(text('three')), nested), item(p(text('four')))] };
    expect(docToText(doc(list, { type: 'bulletList', content: [item(p(text('dot')))] }))).toBe('3. three\n   - inner\n4. four\n- dot');
  });
  it('quotes with "> "', () => {
    expect(docToText(doc({ type: 'blockquote', content: [p(text('said')), { type: 'paragraph' }, p(text('twice'))] }))).toBe('> said\n>\n> twice');
  });
  it('adds a link’s address after its text, once, unless the text is the address', () => {
    const link = (href: string) => [{ type: 'link', attrs: { href } }];
    expect(docToText(doc(p(text('See '), text('the '), text('docs', [...link('https://x.test'), { type: 'bold' }]), text('.'))))).toBe('See the docs <https://x.test>.');
    expect(docToText(doc(p(text('See '), text('the ', link('https://x.test')), text('docs', [...link('https://x.test'), { type: 'bold' }]), text('.'))))).toBe(
      'See the docs <https://x.test>.',
    );
    expect(docToText(doc(p(text('https://x.test', link('https://x.test')))))).toBe('https://x.test');
    expect(docToText(doc(p(text('ada@x.test', link('mailto:ada@x.test')))))).toBe('ada@x.test');
  });
});

describe('hasFormatting', () => {
  it('is false for plain paragraphs and breaks, true for marks, lists and quotes', () => {
    expect(hasFormatting(doc(p(text('a'), { type: 'hardBreak' }), { type: 'paragraph' }))).toBe(false);
    expect(hasFormatting(doc(p(text('a', [{ type: 'bold' }]))))).toBe(true);
    expect(hasFormatting(doc({ type: 'bulletList', content: [item(p(text('a')))] }))).toBe(true);
    expect(hasFormatting(doc({ type: 'blockquote', content: [p(text('a'))] }))).toBe(true);
  });
});

describe('textToHtml and emailHtml', () => {
  it('turns lines into escaped paragraphs', () => {
    expect(textToHtml('Hello\r\n<World> & "you"\n')).toBe('<p>Hello</p><p>&lt;World&gt; &amp; &quot;you&quot;</p><p></p>');
  });
  it('gives paragraphs no margin and empty ones a height', () => {
    expect(emailHtml('<p>a</p><p></p><ul><li><p>b</p></li></ul>')).toBe(
      '<p style="margin:0">a</p><p style="margin:0"><br></p><ul><li><p style="margin:0">b</p></li></ul>',
    );
  });
  it('are undone for the editor', () => {
    const html = '<p>a <strong>b</strong></p><p></p><blockquote><p>q</p></blockquote>';
    expect(editorHtmlFrom(emailHtml(html))).toBe(html);
  });
});

describe('normalizeLink', () => {
  it('keeps web and mail links, completes bare ones', () => {
    expect(normalizeLink(' https://example.test/a?b ')).toBe('https://example.test/a?b');
    expect(normalizeLink('example.test/docs')).toBe('https://example.test/docs');
    expect(normalizeLink('ada@example.test')).toBe('mailto:ada@example.test');
    expect(normalizeLink('mailto:ada@example.test')).toBe('mailto:ada@example.test');
  });
  it('refuses other schemes and words', () => {
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'hello', '', 'two words.test']) expect(normalizeLink(bad), bad).toBeNull();
  });
});

describe('linkPlan', () => {
  it('links exactly the selected range, whichever way it was selected', () => {
    expect(linkPlan({ from: 17, to: 22 }, 'https://example.test/notes', false)).toEqual({ kind: 'mark', from: 17, to: 22, href: 'https://example.test/notes' });
    // Selected leftwards (Shift+ArrowLeft): anchor after the word, head before it.
    expect(linkPlan({ from: 22, to: 17 }, 'https://example.test/notes', false)).toEqual({ kind: 'mark', from: 17, to: 22, href: 'https://example.test/notes' });
  });

  it('a selection that starts inside a link is not widened to that link', () => {
    expect(linkPlan({ from: 3, to: 9 }, 'https://example.test/', true)).toEqual({ kind: 'mark', from: 3, to: 9, href: 'https://example.test/' });
  });

  it('with nothing selected: inside a link, that link changes; elsewhere the address is written as a link', () => {
    expect(linkPlan({ from: 5, to: 5 }, 'https://example.test/', true)).toEqual({ kind: 'editLink', at: 5, href: 'https://example.test/' });
    expect(linkPlan({ from: 5, to: 5 }, 'mailto:ada@example.test', false)).toEqual({ kind: 'insert', at: 5, text: 'ada@example.test', href: 'mailto:ada@example.test' });
  });
});
