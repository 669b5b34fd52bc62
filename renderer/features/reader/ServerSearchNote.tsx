/**
 * While a search shows, the open folder's server is asked too (mail.searchServer)
 * for what the local index cannot see; what it finds is cached by the core and
 * comes into the results through mail:changed. This line says it is asking,
 * what it found, or that the server could not be asked.
 */
import { useEffect, useState } from 'react';
import type { ServerSearchResult } from '../../../shared/mail-model';
import { useApi } from '../../app/api-context';
import { settle } from '../../app/settle';
import { useT } from '../../i18n/use-t';
import { useReaderStore } from '../../store/reader';

type Asked = { state: 'asking' } | ServerSearchResult;

export function ServerSearchNote() {
  const { t } = useT();
  const api = useApi();
  const query = useReaderStore((s) => s.query);
  const folderId = useReaderStore((s) => s.folderId);
  const [asked, setAsked] = useState<Asked | null>(null);

  useEffect(() => {
    setAsked(null);
    if (!query || !folderId) return;
    let current = true;
    setAsked({ state: 'asking' });
    void settle(() => api.mail.searchServer({ folderId, query })).then((result) => {
      if (current) setAsked(result.ok ? result.value : { state: 'offline', found: 0, fetched: 0 });
    });
    return () => {
      current = false;
    };
  }, [api, query, folderId]);

  if (!asked || asked.state === 'none') return null;
  return (
    <p className="muted search-server-note" role="status" data-state={asked.state}>
      {asked.state === 'asking' && t('reader.serverSearchAsking')}
      {asked.state === 'offline' && t('reader.serverSearchOffline')}
      {asked.state === 'done' && t('reader.serverSearchDone')}
    </p>
  );
}
