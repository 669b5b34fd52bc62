/**
 * Walks a sender's HTML (parsed inert by DOMParser: nothing loads or runs
 * while parsing) and keeps only what html-policy-logic.ts allows. The result
 * is the body's markup and the CSS of its <style> elements, for the frame.
 */
import { attributeVerdict, cleanCss, elementVerdict } from './html-policy-logic';

export interface CleanHtml {
  body: string;
  css: string;
}

function cleanElement(element: Element, remoteAllowed: boolean): void {
  for (const child of [...element.children]) {
    const verdict = elementVerdict(child.localName);
    if (verdict === 'drop') {
      child.remove();
      continue;
    }
    cleanElement(child, remoteAllowed);
    if (verdict === 'unwrap') {
      child.replaceWith(...child.childNodes);
      continue;
    }
    for (const { name, value } of [...child.attributes]) {
      const decision = attributeVerdict(child.localName, name, value, remoteAllowed);
      if (decision.action === 'keep') continue;
      child.removeAttribute(name);
      if (decision.action === 'rename') child.setAttribute(decision.to, decision.value);
    }
  }
  // Comments can hide conditional markup that other engines run; text stays.
  for (const node of [...element.childNodes]) if (node.nodeType === Node.COMMENT_NODE || node.nodeType === Node.PROCESSING_INSTRUCTION_NODE) node.remove();
}

export function sanitizeHtml(html: string, remoteAllowed: boolean): CleanHtml {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const css = [...doc.querySelectorAll('style')].map((style) => cleanCss(style.textContent ?? '')).join('\n');
  const body = doc.body;
  // The body's own presentational attributes (bgcolor…) are lost with the body tag; its style is moved onto a wrapper.
  const wrapper = doc.createElement('div');
  const bodyStyle = body.getAttribute('style');
  const bodyBg = body.getAttribute('bgcolor');
  wrapper.append(...body.childNodes);
  if (bodyStyle) wrapper.setAttribute('style', bodyStyle);
  if (bodyBg) wrapper.setAttribute('bgcolor', bodyBg);
  const root = doc.createElement('div');
  root.append(wrapper);
  cleanElement(root, remoteAllowed);
  return { body: root.innerHTML, css };
}
