/**
 * The quoted original under a reply. The quote is built from the message's
 * text, never from the sender's HTML: what enters Compose is then only words
 * we placed in our own paragraphs, so nothing a sender wrote can run, load or
 * restyle anything in the editor. The HTML form is a blockquote of those
 * paragraphs; the plain form prefixes "> " (an already-quoted line gets ">").
 */

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const linesOf = (text: string): string[] => text.replace(/\r\n?/g, '\n').replace(/\s+$/, '').split('\n');

export function quoteText(text: string): string {
  return linesOf(text)
    .map((line) => (line.startsWith('>') ? `>${line}` : line ? `> ${line}` : '>'))
    .join('\n');
}

/** Editor HTML (one paragraph per line) of a block of plain lines. */
export function paragraphsHtml(text: string): string {
  return linesOf(text)
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
}

export function quoteHtml(text: string): string {
  return `<blockquote>${paragraphsHtml(text)}</blockquote>`;
}
