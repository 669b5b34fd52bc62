/** The Sent copy's line on a sent message, in words: filed where and when, waiting, failed and why, or skipped and why. */
import type { SentCopy } from '../../../shared/model';
import { formatDateTime } from '../../format/time';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/t';

export function sentCopyText(copy: SentCopy): string {
  const why = copy.reason ? errorText({ message: copy.reason.key, reason: copy.reason }) : '';
  switch (copy.state) {
    case 'filed':
      return t('detail.sentCopy.filed', { folder: copy.folder ?? '', time: copy.at !== null ? formatDateTime(copy.at) : '' });
    case 'failed':
      return t('detail.sentCopy.failed', { reason: why });
    case 'skipped':
      return copy.reason?.key === 'reason.sentCopyServerFiles' || copy.reason?.key === 'reason.sentCopyServerSetting' ? t('detail.sentCopy.serverFiles') : t('detail.sentCopy.skipped', { reason: why });
    default:
      // A last try that failed for a passing reason (the server was down) is said, so the wait is understood.
      return copy.reason ? t('detail.sentCopy.waitingAfter', { reason: why }) : t('detail.sentCopy.waiting');
  }
}
