/** Keeps the window's title on the Inbox unread count ("Inbox (3) — Outbox Mail"), in the window's language. */
import { useEffect } from 'react';
import { inboxUnread } from '../../../shared/inbox-unread';
import { formatCount } from '../../format/number';
import { useT } from '../../i18n/use-t';
import { useReaderStore } from '../../store/reader';
import { windowTitle } from './new-mail-logic';

export function useWindowTitle(): void {
  const { t, language } = useT();
  const unread = useReaderStore((s) => inboxUnread(s.folders));
  useEffect(() => {
    document.title = windowTitle(unread, t, formatCount);
  }, [unread, t, language]);
}
