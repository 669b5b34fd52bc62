/**
 * What the Electron host shows as a desktop notification when a message ends
 * badly: failed for good, or sent but refused for some recipients. Once per
 * message, in the language the window shows, from the same catalogues as the
 * renderer. Kept apart from main.ts so it is tested without Electron.
 */
import { catalogues } from '../../../shared/i18n/catalogues';
import { fillPlaceholders, type Vars } from '../../../shared/i18n/fill';
import { isLanguage, pickLanguage, type Language } from '../../../shared/i18n/language-logic';
import type { PlainKey } from '../../../shared/i18n/types';
import type { OutboxItem } from '../../../shared/model';
import { formatReply } from '../smtp/reply';

export interface DesktopNotice {
  title: string;
  body: string;
}

const refusedOf = (item: OutboxItem) => (item.state === 'sent' ? item.recipients.filter((r) => r.state === 'rejected') : []);

/** True the first time `item` ends badly (failed for good, or sent with some recipients refused); `shown` remembers it. */
export function firstBadEnd(item: OutboxItem, shown: Set<string>): boolean {
  if (shown.has(item.id) || (item.state !== 'failed' && !refusedOf(item).length)) return false;
  shown.add(item.id);
  return true;
}

/**
 * The window's language, as its document says (the renderer keeps `lang` on
 * the root element for screen readers); the value comes from the page, so
 * anything but a known language falls back to the system's.
 */
export function noticeLanguage(pageLanguage: unknown, systemLanguages: readonly string[]): Language {
  return isLanguage(pageLanguage) ? pageLanguage : pickLanguage(null, systemLanguages);
}

/** What the notice says, in `language`; null for an item that ended well or is still on its way. */
export function desktopNotice(item: OutboxItem, language: Language = 'en'): DesktopNotice | null {
  const text = (key: PlainKey, vars: Vars = {}) => fillPlaceholders(catalogues[language][key], vars);
  const subject = item.subject || text('outbox.noSubject');
  if (item.state === 'failed') {
    // Every error code has its headline in every catalogue: the compiler checks this key.
    const headline = text(`errors.${item.error?.code ?? 'INTERNAL'}`);
    // The server's own words, when it gave any, say more than any headline; they need no translation.
    return { title: text('notice.failed', { subject }), body: item.lastReply ? `${headline}\n${formatReply(item.lastReply)}` : headline };
  }
  const refused = refusedOf(item);
  if (!refused.length) return null;
  return {
    title: text('notice.partlyRefused', { subject }),
    body: refused.map((r) => `${r.address}: ${r.reply ? formatReply(r.reply) : text('notice.refused')}`).join('\n'),
  };
}

/** Recipients a delivery report newly says failed; `shown` remembers each one so a notice is raised once. */
export function newDeliveryFailures(item: OutboxItem, shown: Set<string>): OutboxItem['recipients'] {
  const failed = item.recipients.filter((r) => r.delivery?.state === 'failed' && !shown.has(`${item.id}\n${r.address}`));
  for (const r of failed) shown.add(`${item.id}\n${r.address}`);
  return failed;
}

/** Names who did not get the message, each with the remote server's words from the report. */
export function deliveryFailedNotice(item: OutboxItem, failed: OutboxItem['recipients'], language: Language = 'en'): DesktopNotice {
  const text = (key: PlainKey, vars: Vars = {}) => fillPlaceholders(catalogues[language][key], vars);
  const subject = item.subject || text('outbox.noSubject');
  const words = (r: OutboxItem['recipients'][number]) => {
    const last = [...(r.delivery?.events ?? [])].reverse().find((e) => e.state === 'failed');
    return [last?.status, last?.diagnostic].filter(Boolean).join(' ') || text('tracking.state.failed');
  };
  return { title: text('notice.deliveryFailed', { subject }), body: failed.map((r) => `${r.address}: ${words(r)}`).join('\n') };
}
