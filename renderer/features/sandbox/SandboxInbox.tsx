/**
 * What the built-in sandbox server received, with the envelope as it was on
 * the wire: users can see that RET, ENVID and NOTIFY really went out.
 */
import { memo } from 'react';
import type { SandboxMessage } from '../../../shared/model';
import { formatClock, isoTime } from '../../format/time';
import { t } from '../../i18n/t';
import { paramsText, rcptText } from '../../store/sandbox-logic';
import { useSandboxStore } from '../../store/sandbox';
import { subjectText } from '../outbox/format';

const SandboxEntry = memo(function SandboxEntry({ message }: { message: SandboxMessage }) {
  const params = paramsText(message.mailParams);
  return (
    <li className="sandbox-entry">
      <div className="sandbox-head">
        <span className="sandbox-subject">{subjectText(message.subject)}</span>{' '}
        <time className="muted" dateTime={isoTime(message.receivedAt)}>
          {t('sandbox.receivedAt', { time: formatClock(message.receivedAt) })}
        </time>
      </div>
      <dl className="sandbox-envelope">
        <dt>{t('sandbox.rcpt')}</dt>
        <dd>{message.rcptTo.map(rcptText).join(', ')}</dd>
        <dt>{t('sandbox.mailFrom')}</dt>
        <dd>{message.mailFrom}</dd>
        <dt>{t('sandbox.params')}</dt>
        <dd>{params || t('sandbox.noParams')}</dd>
      </dl>
    </li>
  );
});

export function SandboxInbox() {
  const messages = useSandboxStore((s) => s.messages);
  const loadError = useSandboxStore((s) => s.loadError);
  return (
    <section className="panel sandbox" aria-labelledby="sandbox-title">
      <h2 id="sandbox-title" className="panel-title">
        {t('sandbox.title')}
      </h2>
      {loadError && <p className="panel-error">{loadError}</p>}
      {messages.length === 0 && !loadError ? (
        <p className="muted">{t('sandbox.empty')}</p>
      ) : (
        <ul className="sandbox-list" aria-labelledby="sandbox-title">
          {messages.map((message) => (
            <SandboxEntry key={message.id} message={message} />
          ))}
        </ul>
      )}
    </section>
  );
}
