/**
 * Subjects of replies and forwards. Mail programs around the world prefix in
 * their own languages ("AW:", "SV:", "Отв:"), add counters ("Re[2]:") and
 * stack prefixes on every round; we recognise all of that when reading and
 * write only the standard "Re: " or "Fwd: " once.
 */

/** Reply and forward prefixes seen in the wild, without their colon; matched case-insensitively. */
const PREFIXES = [
  're', 'fw', 'fwd', 'aw', 'wg', 'tr', 'rv', 'sv', 'vs', 'antw', 'doorst', 'odp', 'pd', 'rif', 'ynt', 'ilt', 'vl', 'rép', 'réf',
  'отв', 'ответ', 'пересл', 'переслать',
  '回复', '回覆', '转发', '轉寄', '答复', 'ΑΠ', 'ΣΧΕΤ', 'ΠΡΘ',
];

const escaped = PREFIXES.map((p) => p.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|');
/** One prefix: the word, an optional counter ("[2]", "(3)", "^2"), a colon (ASCII or full-width), spaces. */
const ONE_PREFIX = new RegExp(`^\\s*(?:${escaped})\\s*(?:\\[\\d+\\]|\\(\\d+\\)|\\^\\d+)?\\s*[:：]\\s*`, 'iu');
/** A list tag in front ("[team] Re: …") is kept, and prefixes behind it are still removed. */
const LIST_TAG = /^\s*(\[[^\]\r\n]{1,40}\])\s*/u;

/** The subject without any reply/forward prefixes (a leading list tag is kept). */
export function baseSubject(subject: string): string {
  let rest = subject.trim();
  let tag = '';
  for (;;) {
    const tagMatch = LIST_TAG.exec(rest);
    if (tagMatch && ONE_PREFIX.test(rest.slice(tagMatch[0].length))) {
      tag ||= tagMatch[1] as string;
      rest = rest.slice(tagMatch[0].length);
      continue;
    }
    const prefix = ONE_PREFIX.exec(rest);
    if (!prefix) break;
    rest = rest.slice(prefix[0].length);
  }
  return tag ? `${tag} ${rest}` : rest;
}

export function replySubject(subject: string): string {
  return `Re: ${baseSubject(subject)}`.trimEnd();
}

export function forwardSubject(subject: string): string {
  return `Fwd: ${baseSubject(subject)}`.trimEnd();
}
