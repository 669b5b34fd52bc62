/**
 * An outbox item's error in the window's language: the core's reason worded
 * from this window's catalogue; the English message for rows stored before
 * reasons existed, or a reason this catalogue does not know.
 */
import { wordReason } from '../../shared/i18n/reason';
import type { ItemError } from '../../shared/model';
import { catalogues, currentLanguage } from './i18n';

export function errorText(error: Pick<ItemError, 'message' | 'reason'>): string {
  if (!error.reason) return error.message;
  return wordReason(error.reason, catalogues[currentLanguage()] ?? catalogues.en) ?? error.message;
}
