import { describe, expect, it } from 'vitest';
import { attributeVerdict, classifySource, cleanCss, DATA, elementVerdict } from './html-policy-logic';

describe('elementVerdict', () => {
  it('drops active content, document switches and forms with everything inside', () => {
    for (const tag of ['script', 'SCRIPT', 'iframe', 'object', 'embed', 'base', 'meta', 'link', 'form', 'input', 'button', 'textarea', 'svg', 'math', 'style', 'noscript', 'template', 'video', 'audio'])
      expect(elementVerdict(tag), tag).toBe('drop');
  });
  it('keeps text formatting, tables, lists and images', () => {
    for (const tag of ['p', 'div', 'span', 'table', 'td', 'a', 'img', 'ul', 'li', 'blockquote', 'font', 'center', 'h1'])
      expect(elementVerdict(tag), tag).toBe('keep');
  });
  it('unwraps unknown elements so their text still reads', () => {
    expect(elementVerdict('o:p')).toBe('unwrap');
    expect(elementVerdict('custom-thing')).toBe('unwrap');
    expect(elementVerdict('html')).toBe('unwrap');
  });
});

describe('classifySource', () => {
  it('tells inline parts, inline data and the network apart', () => {
    expect(classifySource('cid:<Logo@Example>')).toEqual({ kind: 'cid', contentId: 'logo@example' });
    expect(classifySource('cid:part1%40x')).toEqual({ kind: 'cid', contentId: 'part1@x' });
    expect(classifySource('data:image/png;base64,iVBORw0KGgo=')).toEqual({ kind: 'data', url: 'data:image/png;base64,iVBORw0KGgo=' });
    expect(classifySource(' https://track.example/p.gif ')).toEqual({ kind: 'remote', url: 'https://track.example/p.gif' });
    expect(classifySource('//track.example/p.gif')).toEqual({ kind: 'remote', url: 'https://track.example/p.gif' });
  });
  it('refuses SVG data, scripts, relative paths and local files', () => {
    for (const src of ['data:image/svg+xml;base64,PHN2Zz4=', 'data:text/html,<script>', 'javascript:alert(1)', '/etc/passwd', 'x.png', 'file:///x.png', 'blob:https://a/b', ''])
      expect(classifySource(src).kind, src).toBe('none');
  });
});

describe('attributeVerdict', () => {
  it('drops every event handler and anything that submits, targets or runs', () => {
    for (const name of ['onclick', 'ONLOAD', 'onerror', 'onmouseover', 'formaction', 'action', 'target', 'srcset', 'xlink:href', 'ping', 'srcdoc', 'id', 'name', 'class', 'autofocus', 'tabindex'])
      expect(attributeVerdict('img', name, 'x', true), name).toEqual({ action: 'drop' });
  });
  it('sets link targets aside, so a click can only reach the app, never navigate the frame', () => {
    expect(attributeVerdict('a', 'href', ' https://example.com/ ', false)).toEqual({ action: 'rename', to: DATA.href, value: 'https://example.com/' });
    expect(attributeVerdict('a', 'href', 'javascript:alert(1)', true)).toEqual({ action: 'rename', to: DATA.href, value: 'javascript:alert(1)' });
    expect(attributeVerdict('div', 'href', 'https://example.com/', true)).toEqual({ action: 'drop' });
  });
  it('holds remote images back until they are allowed, and keeps inline data', () => {
    expect(attributeVerdict('img', 'src', 'https://t.example/p.gif', false)).toEqual({ action: 'rename', to: DATA.remoteSrc, value: 'https://t.example/p.gif' });
    expect(attributeVerdict('img', 'src', 'https://t.example/p.gif', true)).toEqual({ action: 'rename', to: 'src', value: 'https://t.example/p.gif' });
    expect(attributeVerdict('td', 'background', 'http://t.example/bg.png', false)).toEqual({ action: 'rename', to: DATA.remoteBackground, value: 'http://t.example/bg.png' });
    expect(attributeVerdict('img', 'src', 'data:image/gif;base64,R0lGOD==', false)).toEqual({ action: 'keep' });
    expect(attributeVerdict('img', 'src', 'cid:logo', false)).toEqual({ action: 'rename', to: DATA.cid, value: 'logo' });
    expect(attributeVerdict('img', 'src', 'javascript:x', true)).toEqual({ action: 'drop' });
  });
  it('sets styles aside for the CSSOM and keeps presentational attributes', () => {
    expect(attributeVerdict('p', 'style', 'color:red', false)).toEqual({ action: 'rename', to: DATA.style, value: 'color:red' });
    expect(attributeVerdict('td', 'bgcolor', '#fff', false)).toEqual({ action: 'keep' });
    expect(attributeVerdict('img', 'alt', 'Logo', false)).toEqual({ action: 'keep' });
    expect(attributeVerdict('ol', 'type', 'a', false)).toEqual({ action: 'keep' });
  });
});

describe('cleanCss', () => {
  it('removes imports and legacy script hooks', () => {
    const css = cleanCss('@import url(https://x.example/a.css); p { width: expression(alert(1)); -moz-binding: url(x); behavior: url(y.htc) }');
    expect(css).not.toMatch(/@import|expression\(|-moz-binding:|behavior:/i);
  });
});
