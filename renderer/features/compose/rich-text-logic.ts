/**
 * The rich-text body and its plain-text alternative. The editor (Tiptap)
 * gives a JSON document; the plain text is written from it the way mail
 * clients write text parts: "- " and "1. " for list items, "> " for quotes,
 * a link's address after its text. Pure, so it is tested without a DOM.
 */
import type { JSONContent } from '@tiptap/react';

/** Nodes and marks a plain message is made of; anything else is formatting worth an HTML part. */
const PLAIN_NODES = new Set(['doc', 'paragraph', 'text', 'hardBreak']);

export function hasFormatting(node: JSONContent): boolean {
  if (node.type && !PLAIN_NODES.has(node.type)) return true;
  if (node.marks && node.marks.length > 0) return true;
  return (node.content ?? []).some(hasFormatting);
}

function linkOf(node: JSONContent): string | null {
  const link = node.marks?.find((mark) => mark.type === 'link');
  const href = link?.attrs?.['href'];
  return typeof href === 'string' ? href : null;
}

/** The text of a paragraph; a link's address follows its text unless the text already says it. */
function inlineText(node: JSONContent): string {
  let out = '';
  const nodes = node.content ?? [];
  for (let i = 0; i < nodes.length; i++) {
    const child = nodes[i] as JSONContent;
    if (child.type === 'hardBreak') {
      out += '\n';
      continue;
    }
    if (child.type !== 'text') {
      out += inlineText(child);
      continue;
    }
    out += child.text ?? '';
    const href = linkOf(child);
    // A link split over several text nodes (bold in the middle) gets its address once, at its end.
    const next = nodes[i + 1];
    if (href && (!next || linkOf(next) !== href)) {
      let linkText = '';
      for (let j = i; j >= 0 && linkOf(nodes[j] as JSONContent) === href; j--) linkText = (nodes[j]?.text ?? '') + linkText;
      const bare = href.replace(/^mailto:/i, '');
      if (linkText.trim() !== href && linkText.trim() !== bare) out += ` <${href}>`;
    }
  }
  return out;
}

function childLines(node: JSONContent): string[] {
  return (node.content ?? []).flatMap(blockLines);
}

function blockLines(node: JSONContent): string[] {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return inlineText(node).split('\n');
    case 'bulletList':
    case 'orderedList': {
      const start = typeof node.attrs?.['start'] === 'number' ? (node.attrs['start'] as number) : 1;
      return (node.content ?? []).flatMap((item, index) => {
        const marker = node.type === 'bulletList' ? '- ' : `${start + index}. `;
        const lines = childLines(item);
        const indent = ' '.repeat(marker.length);
        return lines.length === 0 ? [marker.trimEnd()] : lines.map((line, i) => (i === 0 ? marker + line : line ? indent + line : ''));
      });
    }
    case 'blockquote':
      return childLines(node).map((line) => (line ? `> ${line}` : '>'));
    case 'codeBlock':
      return inlineText(node).split('\n');
    case 'horizontalRule':
      return ['---'];
    case 'text':
    case 'hardBreak':
      return inlineText({ content: [node] }).split('\n');
    default:
      return childLines(node);
  }
}

/** The plain-text alternative of a document; trailing empty lines dropped. */
export function docToText(doc: JSONContent): string {
  return childLines(doc).join('\n').replace(/\s+$/, '');
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A plain-text body as editor content: one paragraph per line. */
export function textToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
}

/**
 * The HTML part as sent. The editor writes one paragraph per line the user
 * typed; mail clients would put a blank line between paragraphs, so they get
 * no margin, and an empty one keeps its height with a <br>.
 */
export function emailHtml(editorHtml: string): string {
  return editorHtml.replace(/<p>/g, '<p style="margin:0">').replace(/<p style="margin:0"><\/p>/g, '<p style="margin:0"><br></p>');
}

/**
 * What the user typed into the link field, as a link target: web addresses
 * get https:// when they have no scheme, e-mail addresses mailto:. Anything
 * else (javascript:, file:, words) is refused with null.
 */
export function normalizeLink(input: string): string | null {
  const value = input.trim();
  if (value === '' || /\s/.test(value)) return null;
  if (/^(https?):\/\/[^/\s]+/i.test(value) || /^mailto:[^\s@]+@[^\s@]+$/i.test(value)) return value;
  if (/^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/.test(value)) return `mailto:${value}`;
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(:\d+)?([/?#].*)?$/i.test(value)) return `https://${value}`;
  return null;
}

/** Back from the HTML part as sent to what the editor wrote (Undo and Edit reopen it exactly). */
export function editorHtmlFrom(sentHtml: string): string {
  return sentHtml.replace(/<p style="margin:0"><br><\/p>/g, '<p></p>').replace(/<p style="margin:0">/g, '<p>');
}

/** Where the link goes: the range to mark, or the address written as a new link at the cursor. */
export type LinkPlan =
  | { kind: 'mark'; from: number; to: number; href: string }
  /** The cursor is inside a link and nothing is selected: that whole link gets the new address. */
  | { kind: 'editLink'; at: number; href: string }
  | { kind: 'insert'; at: number; text: string; href: string };

/**
 * What Apply does with the range that was selected when the link field
 * opened (taken then: focus is in the link field by the time Apply runs).
 * A selection is linked exactly as selected, never widened to a link next to it.
 */
export function linkPlan(range: { from: number; to: number }, href: string, cursorInLink: boolean): LinkPlan {
  const from = Math.min(range.from, range.to);
  const to = Math.max(range.from, range.to);
  if (from !== to) return { kind: 'mark', from, to, href };
  if (cursorInLink) return { kind: 'editLink', at: from, href };
  return { kind: 'insert', at: from, text: href.replace(/^mailto:/i, ''), href };
}
