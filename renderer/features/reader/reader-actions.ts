/**
 * The reading window's calls to the core: folders and sync status kept
 * current from events, the list's window asked for as the view moves and
 * asked again when the folder changes, messages opened, remote content
 * allowed, attachments fetched in chunks, links handed on.
 */
import type { MailApi } from '../../../shared/contract';
import type { MessageDetail } from '../../../shared/mail-model';
import { parseMailto } from '../../../shared/mailto';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/t';
import { listKey, listRequest } from '../../store/reader-logic';
import { useReaderStore } from '../../store/reader';
import { useAlertsStore } from '../../store/alerts';
import { settle } from '../../app/settle';
import { connectMailActions } from '../actions/connect-actions';
import { goTo } from '../../store/navigate';
import { composeFromRequest } from '../compose/open-compose';
import type { IndexRange } from '../list/row-window-logic';
import { classifyLink } from './link-logic';
import { covers, windowAround, WINDOW_ROWS, type RowWindow } from './list-window-logic';

let requestSeq = 0;
/** The window last asked for, so a view that has not moved does not ask twice while an answer is on its way. */
let pending: { key: string; window: RowWindow } | null = null;

export async function loadWindow(api: MailApi, window: RowWindow): Promise<void> {
  const state = useReaderStore.getState();
  const key = listKey(state);
  const request = listRequest(state, window.offset, window.limit);
  if (!request) return;
  const seq = ++requestSeq;
  pending = { key, window };
  const result = await settle(() => api.mail.list(request));
  if (seq !== requestSeq) return; // a newer request answers for the list now
  pending = null;
  const store = useReaderStore.getState();
  if (listKey(store) !== key) return;
  if (result.ok) store.setList({ key, total: result.value.total, offset: result.value.offset, rows: result.value.rows });
  else store.setListError(t('reader.loadFailed', { message: errorText(result.error) }));
}

/** Called as the list scrolls: asks for a new window when the rows on screen (and a margin) are not loaded. */
export function ensureVisible(api: MailApi, visible: IndexRange): void {
  const state = useReaderStore.getState();
  const list = state.list?.key === listKey(state) ? state.list : null;
  if (!list) return;
  if (covers({ offset: list.offset, count: list.rows.length }, visible, list.total)) return;
  const window = windowAround(visible, list.total);
  if (pending && pending.key === list.key && pending.window.offset === window.offset && pending.window.limit === window.limit) return;
  void loadWindow(api, window);
}

/** The folder's contents changed: ask again for the rows on show (the same window). */
export function refreshWindow(api: MailApi): void {
  const { list } = useReaderStore.getState();
  void loadWindow(api, list ? { offset: list.offset, limit: Math.max(list.rows.length, WINDOW_ROWS) } : { offset: 0, limit: WINDOW_ROWS });
}

export async function loadFolders(api: MailApi): Promise<void> {
  const result = await settle(() => api.mail.folders({}));
  if (result.ok) useReaderStore.getState().setFolders(result.value);
}

export async function loadSyncStatus(api: MailApi): Promise<void> {
  const result = await settle(() => api.mail.syncStatus({}));
  if (result.ok) for (const status of result.value) useReaderStore.getState().setSync(status);
}

export async function openMessage(api: MailApi, id: string): Promise<void> {
  const store = useReaderStore.getState();
  // The notice pointed at this message; the user is looking at it now.
  useAlertsStore.getState().dismissNewMail(id);
  store.select(id);
  store.setOpen({ id, message: null, error: null });
  const result = await settle(() => api.mail.get({ id }));
  useReaderStore.getState().setOpen(result.ok ? { id, message: result.value, error: null } : { id, message: null, error: errorText(result.error) });
  // Reading it marks it read, through the same queue as any action (kept offline, replayed on the server).
  if (result.ok && !result.value.flags.seen) {
    const marked = await settle(() => api.mail.act({ kind: 'seen', ids: [id] }));
    const open = useReaderStore.getState().open;
    if (marked.ok && open?.message?.id === id) useReaderStore.getState().setOpen({ ...open, message: { ...open.message, flags: { ...open.message.flags, seen: true } } });
  }
}

/** Shows one message in its folder (a new-mail notice's Open, a clicked desktop notification). */
export async function showMessage(api: MailApi, folderId: string, id: string): Promise<void> {
  useReaderStore.getState().showFolder(folderId);
  goTo('mail');
  await openMessage(api, id);
}

export async function allowRemoteContent(api: MailApi, message: MessageDetail, scope: 'message' | 'sender'): Promise<string | null> {
  const result = await settle(() => api.mail.allowRemoteContent({ id: message.id, scope }));
  if (!result.ok) return errorText(result.error);
  useReaderStore.getState().setOpen({ id: message.id, message: result.value, error: null });
  return null;
}

/** An attachment's bytes, gathered chunk by chunk (no chunk is bigger than the contract allows). */
export async function fetchAttachment(api: MailApi, id: string, partId: string): Promise<{ ok: true; blob: Blob; name: string } | { ok: false; error: string }> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  let type = 'application/octet-stream';
  let name = 'attachment';
  for (;;) {
    const result = await settle(() => api.mail.attachment({ id, partId, offset }));
    if (!result.ok) return { ok: false, error: errorText(result.error) };
    const chunk = result.value;
    ({ type, name } = chunk);
    const bytes = Uint8Array.from(atob(chunk.contentBase64), (c) => c.charCodeAt(0));
    parts.push(bytes);
    offset += bytes.length;
    if (bytes.length === 0 || offset >= chunk.total) break;
  }
  return { ok: true, blob: new Blob(parts, { type }), name };
}

/** Saves an attachment: a download of a blob, in the Electron window and the browser host alike. */
export async function saveAttachment(api: MailApi, id: string, partId: string): Promise<string | null> {
  const result = await fetchAttachment(api, id, partId);
  if (!result.ok) return result.error;
  const url = URL.createObjectURL(result.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = result.name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy once it started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return null;
}

/** Follows a link the user confirmed: mailto opens Compose; the web goes to the system's browser, or a new tab in the browser host. */
export async function followLink(api: MailApi, href: string): Promise<string | null> {
  const link = classifyLink(href);
  if (link.kind === 'blocked') return null;
  if (link.kind === 'mailto') {
    const request = parseMailto(link.url);
    if (request) await composeFromRequest(request);
    return null;
  }
  const result = await settle(() => api.app.openExternal({ url: link.url }));
  if (!result.ok) return errorText(result.error);
  if (!result.value.opened) window.open(link.url, '_blank', 'noopener,noreferrer');
  return null;
}

/** Subscribes to the core's mail events and loads the folders; returns a function that stops it. */
export function connectReader(api: MailApi): () => void {
  const stops = [
    api.on('mail:folders', (folders) => useReaderStore.getState().setFolders(folders)),
    api.on('mail:sync', (status) => useReaderStore.getState().setSync(status)),
    api.on('mail:changed', (change) => {
      const state = useReaderStore.getState();
      // A search spans every folder: any change may touch it.
      if (state.query || change.folderId === state.folderId) refreshWindow(api);
      // The open message left the folder (moved, deleted): the pane stops showing it.
      if (state.open && change.removed.includes(state.open.id)) {
        state.select(null);
        state.setOpen(null);
      }
    }),
    // A new list (folder, search, order, filters): its first window.
    useReaderStore.subscribe((state, previous) => {
      if (listKey(state) !== listKey(previous)) void loadWindow(api, { offset: 0, limit: WINDOW_ROWS });
    }),
  ];
  stops.push(connectMailActions(api));
  void loadFolders(api);
  void loadSyncStatus(api);
  return () => stops.forEach((stop) => stop());
}
