/**
 * What the Electron host shows as a desktop notification when a message ends
 * badly: failed for good, or sent but refused for some recipients. Once per
 * message, in the language the window shows, from the same catalogues as the
 * renderer. Kept apart from main.ts so it is tested without Electron.
 */
import { en } from '../../../shared/i18n/en';
import { fillPlaceholders, type Vars } from '../../../shared/i18n/fill';
import { fr } from '../../../shared/i18n/fr';
import { isLanguage, pickLanguage, type Language } from '../../../shared/i18n/language-logic';
import { ru } from '../../../shared/i18n/ru';
import type { Catalogue, PlainKey } from '../../../shared/i18n/types';
import type { OutboxItem } from '../../../shared/model';
import { formatReply } from '../smtp/reply';

export interface DesktopNotice {
  title: string;
  body: string;
}

const CATALOGUES: Readonly<Record<Language, Catalogue>> = { en, fr, ru };

/**
 * The window's language, as its document says (the renderer keeps `lang` on
 * the root element for screen readers); the value comes from the page, so
 * anything but a known language falls back to the system's.
 */
export function noticeLanguage(pageLanguage: unknown, systemLanguages: readonly string[]): Language {
  return isLanguage(pageLanguage) ? pageLanguage : pickLanguage(null, systemLanguages);
}

export function desktopNotice(item: OutboxItem, alreadyShown: ReadonlySet<string>, language: Language = 'en'): DesktopNotice | null {
  if (alreadyShown.has(item.id)) return null;
  const text = (key: PlainKey, vars: Vars = {}) => fillPlaceholders(CATALOGUES[language][key], vars);
  const subject = item.subject || text('outbox.noSubject');
  if (item.state === 'failed') {
    // Every error code has its headline in every catalogue: the compiler checks this key.
    const headline = text(`errors.${item.error?.code ?? 'INTERNAL'}`);
    // The server's own words, when it gave any, say more than any headline; they need no translation.
    return { title: text('notice.failed', { subject }), body: item.lastReply ? `${headline}\n${formatReply(item.lastReply)}` : headline };
  }
  const refused = item.state === 'sent' ? item.recipients.filter((r) => r.state === 'rejected') : [];
  if (!refused.length) return null;
  return {
    title: text('notice.partlyRefused', { subject }),
    body: refused.map((r) => `${r.address}: ${r.reply ? formatReply(r.reply) : text('notice.refused')}`).join('\n'),
  };
}
