/** Shows where a link really goes before it is followed: the host in ASCII, a warning when its text names another site; other schemes are refused. */
import { useState } from 'react';
import { useApi } from '../../app/api-context';
import { useT } from '../../i18n/use-t';
import { Dialog } from '../dialog/Dialog';
import { classifyLink } from './link-logic';
import { followLink } from './reader-actions';

export function LinkDialog({ href, text, onClose }: { href: string; text: string; onClose(): void }) {
  const { t } = useT();
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const link = classifyLink(href, text);
  const follow = async () => {
    const failure = await followLink(api, link.url);
    if (failure) setError(t('reader.link.failed', { message: failure }));
    else onClose();
  };
  const title = link.kind === 'blocked' ? t('reader.link.blockedTitle') : link.kind === 'mailto' ? t('reader.link.mailTitle') : t('reader.link.title');
  return (
    <Dialog labelledBy="link-title" describedBy="link-body" className="link-dialog" onClose={onClose}>
      <div className="confirm" data-link-kind={link.kind}>
        <h2 id="link-title" className="dialog-title">
          {title}
        </h2>
        <div id="link-body">
          {link.kind === 'web' && (
            <>
              <p>{t('reader.link.goesTo')}</p>
              <p className="link-target">
                <strong className="link-host">{link.host}</strong>
                <span className="link-url">{link.url}</span>
              </p>
              {link.lookalike && <p className="link-warning" role="alert">{t('reader.link.lookalike')}</p>}
              {link.idn && <p className="link-warning">{t('reader.link.idn')}</p>}
            </>
          )}
          {link.kind === 'mailto' && <p className="link-target">{link.address}</p>}
          {link.kind === 'blocked' && <p className="link-url">{t('reader.link.blocked', { url: link.url.slice(0, 200) })}</p>}
          {error && <p className="panel-error" role="alert">{error}</p>}
        </div>
      </div>
      <div className="dialog-actions">
        <button type="button" data-autofocus onClick={onClose}>
          {t('reader.link.cancel')}
        </button>
        {link.kind !== 'blocked' && (
          <button type="button" className="primary" onClick={() => void follow()}>
            {link.kind === 'mailto' ? t('reader.link.compose', { address: link.address }) : t('reader.link.open')}
          </button>
        )}
      </div>
    </Dialog>
  );
}
