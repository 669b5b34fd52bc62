/**
 * Styles of a sender's HTML, applied to the loaded frame from the app's side:
 * a constructed style sheet for the <style> elements and element.style for
 * each style attribute. The CSSOM is not inline markup, so the app's CSP
 * allows it; anything the CSS would fetch (url()) still meets the frame's CSP.
 */
import { DATA } from './html-policy-logic';

/** What every message gets first: readable defaults, links that look like links, images that fit. */
const BASE_CSS = `
html { color-scheme: light; }
body { margin: 0; padding: 16px 20px; font: 14px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, Ubuntu, 'Noto Sans', sans-serif; color: #1b212c; background: #fff; overflow-wrap: anywhere; }
img { max-width: 100%; height: auto; }
[${DATA.href}] { color: #2456c7; text-decoration: underline; cursor: pointer; }
[${DATA.href}]:focus-visible { outline: 2px solid #2456c7; outline-offset: 2px; }
pre { white-space: pre-wrap; }
blockquote { margin-inline: 0.5em 0; padding-inline-start: 0.8em; border-inline-start: 3px solid #d5dae1; color: #58616f; }
`;

export function applyFrameStyles(doc: Document, css: string): void {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (!view) return;
  const base = new view.CSSStyleSheet();
  base.replaceSync(BASE_CSS);
  const sender = new view.CSSStyleSheet();
  try {
    sender.replaceSync(css);
  } catch {
    // CSS that cannot be parsed is simply not applied.
  }
  doc.adoptedStyleSheets = [base, sender];
  for (const element of doc.querySelectorAll<HTMLElement>(`[${DATA.style}]`)) {
    element.style.cssText = element.getAttribute(DATA.style) ?? '';
  }
}
