/**
 * An error from the core (an outbox item's, or a call's) in the window's
 * language: the core's reason worded from this window's catalogue; the English
 * message when there is no reason (system texts, rows stored before reasons
 * existed) or one this catalogue does not know.
 */
import type { Reason } from '../../shared/errors';
import { wordReason } from '../../shared/i18n/reason';
import { catalogues } from '../../shared/i18n/catalogues';
import { currentLanguage } from './i18n';

export function errorText(error: { message: string; reason?: Reason }): string {
  if (!error.reason) return error.message;
  return wordReason(error.reason, catalogues[currentLanguage()] ?? catalogues.en) ?? error.message;
}
