/**
 * The document the reading frame loads (its srcdoc): our CSP first, before
 * anything of the sender's, then the cleaned body. No <style> and no style
 * attributes: the app's CSP, which the frame inherits, refuses inline styles,
 * so the app applies them through the CSSOM once the frame has loaded
 * (message-frame-styles.ts).
 */
import { frameCsp } from './frame-csp-logic';
import type { CleanHtml } from './sanitize-html';

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function frameDocument(clean: CleanHtml, options: { remoteImages: boolean; lang?: string }): string {
  const csp = escapeAttribute(frameCsp({ remoteImages: options.remoteImages }));
  return [
    '<!doctype html>',
    `<html${options.lang ? ` lang="${escapeAttribute(options.lang)}"` : ''}><head>`,
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta charset="utf-8">',
    '</head><body>',
    clean.body,
    '</body></html>',
  ].join('');
}
