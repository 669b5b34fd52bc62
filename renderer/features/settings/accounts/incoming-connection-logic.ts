/** What the incoming test found, in words: the IMAP server's capabilities as a list of facts. */
import type { IncomingConnectionTest } from '../../../../shared/mail-model';
import { formatSize } from '../../../format/number';
import { t } from '../../../i18n/t';
import type { Fact } from './connection-logic';

const offered = (value: boolean) => (value ? t('account.cap.offered') : t('account.cap.notOffered'));

export function incomingCapabilityFacts(test: IncomingConnectionTest): Fact[] {
  const c = test.capabilities;
  const facts: Fact[] = [
    { label: t('account.cap.security'), value: test.secure ? t('account.cap.encrypted') : t('account.cap.notEncrypted') },
    { label: t('incoming.cap.idle'), value: offered(c.idle) },
    { label: t('incoming.cap.condstore'), value: offered(c.condstore) },
    { label: t('incoming.cap.qresync'), value: offered(c.qresync) },
    { label: t('incoming.cap.move'), value: offered(c.move) },
    { label: t('incoming.cap.uidplus'), value: offered(c.uidplus) },
    { label: t('incoming.cap.specialUse'), value: offered(c.specialUse) },
    { label: t('incoming.cap.appendLimit'), value: c.appendLimit === null ? t('account.cap.sizeUnknown') : formatSize(c.appendLimit) },
    { label: t('account.cap.auth'), value: c.auth.length > 0 ? c.auth.join(', ') : t('account.cap.authNone') },
  ];
  if (test.certificate) {
    facts.push(
      { label: t('account.cert.subject'), value: test.certificate.subject },
      { label: t('account.cert.issuer'), value: test.certificate.issuer },
      { label: t('account.cert.validTo'), value: test.certificate.validTo },
      { label: t('account.cert.sha256'), value: test.certificate.sha256 },
    );
  }
  facts.push({ label: t('account.cap.greeting'), value: test.greeting });
  return facts;
}
