/**
 * What the built-in sandbox server received, with the envelope as it was on
 * the wire: users can see that RET, ENVID and NOTIFY really went out.
 */
import { memo } from 'react';
import type { SandboxMessage } from '../../../shared/model';
import { formatSize } from '../../format/number';
import { formatWhen, isoTime } from '../../format/time';
import { useT } from '../../i18n/use-t';
import { paramsText, rcptText } from '../../store/sandbox-logic';
import { useSandboxStore } from '../../store/sandbox';
import { Page } from '../layout/Page';
import { subjectText } from '../outbox/format';

const SandboxEntry = memo(function SandboxEntry({ message }: { message: SandboxMessage }) {
  const { t } = useT();
  const params = paramsText(message.mailParams);
  return (
    <li className="sandbox-entry">
      <div className="sandbox-head">
        <span className="sandbox-subject">{subjectText(message.subject)}</span>{' '}
        <time className="muted" dateTime={isoTime(message.receivedAt)}>
          {t('sandbox.receivedAt', { time: formatWhen(message.receivedAt, Date.now()) })}
        </time>
      </div>
      <dl className="sandbox-envelope">
        <dt>{t('sandbox.rcpt')}</dt>
        <dd>{message.rcptTo.map(rcptText).join(', ')}</dd>
        <dt>{t('sandbox.mailFrom')}</dt>
        <dd>{message.mailFrom}</dd>
        <dt>{t('sandbox.params')}</dt>
        <dd>{params || t('sandbox.noParams')}</dd>
        <dt>{t('sandbox.size')}</dt>
        <dd>{formatSize(message.size)}</dd>
      </dl>
    </li>
  );
});

export function SandboxInbox() {
  const { t } = useT();
  const messages = useSandboxStore((s) => s.messages);
  const loadError = useSandboxStore((s) => s.loadError);
  return (
    <Page className="sandbox" title={t('sandbox.title')}>
      <p className="page-intro">{t('sandbox.intro')}</p>
      {loadError && <p className="panel-error">{loadError}</p>}
      {messages.length === 0 && !loadError ? (
        <p className="muted">{t('sandbox.empty')}</p>
      ) : (
        <ul className="sandbox-list" aria-labelledby="view-title">
          {messages.map((message) => (
            <SandboxEntry key={message.id} message={message} />
          ))}
        </ul>
      )}
    </Page>
  );
}
