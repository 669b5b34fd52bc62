/**
 * Wires the stores to the core: subscribe to every event first, then load the
 * initial state, so nothing pushed in between is missed. Event copies and
 * loaded copies meet in the stores' merge rules, which keep the newer one.
 */
import type { MailApi } from '../../shared/contract';
import type { OutboxItem, Settings } from '../../shared/model';
import { useAlertsStore } from '../store/alerts';
import { deliveryFailedText, failureText, partlyRefusedText } from '../features/alerts/alerts-logic';
import { markEndsSeen } from '../features/alerts/seen-ends';
import { useComposeStore } from '../store/compose';
import { useDraftsStore } from '../store/drafts';
import { findItem, useOutboxStore } from '../store/outbox';
import { connectOutbox } from '../features/outbox/outbox-list-actions';
import { useSandboxStore } from '../store/sandbox';
import { useSettingsStore } from '../store/settings';
import { useStatusStore } from '../store/status';
import { useTranscriptStore } from '../store/transcript';
import { useUpdateStore } from '../store/update';
import { errorText } from '../i18n/error-text';
import { followStoredLanguage } from '../i18n/language';
import { t } from '../i18n/t';
import { startAutosave } from '../features/compose/autosave';
import { composeFromRequest } from '../features/compose/open-compose';
import { connectReader, showMessage } from '../features/reader/reader-actions';
import { newMailText } from '../features/alerts/new-mail-logic';
import { formatCount } from '../format/number';
import type { NewMail } from '../../shared/mail-model';
import { settle } from './settle';

export async function loadStatus(api: MailApi): Promise<void> {
  const before = useStatusStore.getState().statusVersion;
  const result = await settle(() => api.app.status({}));
  const store = useStatusStore.getState();
  if (!result.ok) store.setConnectionError(errorText(result.error));
  // An app:status event that arrived meanwhile is newer than this answer.
  else if (store.statusVersion === before) store.setApp(result.value);
}

export async function loadAccounts(api: MailApi): Promise<void> {
  const before = useStatusStore.getState().accountsVersion;
  const result = await settle(() => api.accounts.list({}));
  const store = useStatusStore.getState();
  if (result.ok && store.accountsVersion === before) store.setAccounts(result.value);
}

/** Settings from the core reach the Settings form and Compose's undo delay alike. */
export function applySettings(settings: Settings): void {
  useSettingsStore.getState().apply(settings);
  followStoredLanguage(settings.language);
  useComposeStore.getState().defaultDelayChanged(settings.undoSendSeconds);
}

export async function loadSettings(api: MailApi): Promise<void> {
  const before = useSettingsStore.getState().version;
  const result = await settle(() => api.settings.get({}));
  const store = useSettingsStore.getState();
  if (!result.ok) store.setLoadError(t('settings.loadFailed', { message: errorText(result.error) }));
  // A settings:changed event (or a save) that arrived meanwhile is newer than this answer.
  else if (store.version === before) applySettings(result.value);
}

export async function loadSandbox(api: MailApi): Promise<void> {
  const result = await settle(() => api.sandbox.list({}));
  const store = useSandboxStore.getState();
  if (result.ok) {
    store.add(result.value);
    store.setLoadError(null);
  } else {
    store.setLoadError(t('sandbox.loadFailed', { message: errorText(result.error) }));
  }
}

export async function loadDrafts(api: MailApi): Promise<void> {
  const before = useDraftsStore.getState().version;
  const result = await settle(() => api.drafts.list({}));
  const store = useDraftsStore.getState();
  if (!result.ok) store.setLoadError(t('drafts.loadFailed', { message: errorText(result.error) }));
  // A drafts:changed event that arrived meanwhile is newer than this answer.
  else if (store.version === before) store.replace(result.value);
}

export async function loadTranscript(api: MailApi, itemId: string | null): Promise<void> {
  // A saved draft has never been sent: it has no transcript.
  const isDraft = itemId !== null && useDraftsStore.getState().drafts.some((d) => d.id === itemId);
  useTranscriptStore.getState().show(isDraft ? null : itemId);
  if (itemId === null || isDraft) return;
  const result = await settle(() => api.transcript.get({ id: itemId }));
  const store = useTranscriptStore.getState();
  if (result.ok) store.loaded(itemId, result.value);
  else store.failed(itemId, t('transcript.loadFailed', { message: errorText(result.error) }));
}

/** An item pushed by the core; a fresh failure is also announced. */
export function itemChanged(item: OutboxItem): void {
  const before = findItem(useOutboxStore.getState(), item.id);
  useOutboxStore.getState().upsert(item);
  const failure = failureText(before, item) ?? partlyRefusedText(before, item) ?? deliveryFailedText(before, item);
  if (failure) {
    useAlertsStore.getState().push({ kind: 'error', text: failure });
    markEndsSeen(item.updatedAt);
  }
}

/** New mail: a notice with Open, unless turned off in Settings (the window title counts it either way). */
export function mailArrived(mail: NewMail): void {
  if (useSettingsStore.getState().settings?.newMailNotices === false) return;
  const latest = mail.latest[0];
  if (!latest) return;
  useAlertsStore.getState().push({ kind: 'newMail', text: newMailText(mail, t, formatCount), folderId: mail.folderId, messageId: latest.id });
}

/** Starts the live view; returns a function that stops it. */
export function connectStores(api: MailApi): () => void {
  const stops = [
    api.on('outbox:changed', itemChanged),
    api.on('smtp:response', (entry) => useTranscriptStore.getState().append(entry)),
    api.on('app:status', (status) => useStatusStore.getState().setApp(status)),
    api.on('accounts:changed', (accounts) => useStatusStore.getState().setAccounts(accounts)),
    api.on('sandbox:received', (message) => useSandboxStore.getState().add([message])),
    api.on('settings:changed', applySettings),
    api.on('drafts:changed', (drafts) => useDraftsStore.getState().replace(drafts)),
    api.on('outbox:removed', ({ id }) => useOutboxStore.getState().remove(id)),
    api.on('smtp:progress', (progress) => useOutboxStore.getState().setProgress(progress)),
    api.on('app:compose', (request) => void composeFromRequest(request)),
    api.on('app:update', (update) => useUpdateStore.getState().set(update)),
    api.on('mail:newMail', mailArrived),
    api.on('app:openMessage', ({ folderId, id }) => void showMessage(api, folderId, id)),
    startAutosave(api),
    connectReader(api),
    connectOutbox(api),
    // The transcript follows the selection, wherever the selection was changed from.
    useOutboxStore.subscribe((state, previous) => {
      if (state.selectedId !== previous.selectedId) void loadTranscript(api, state.selectedId);
    }),
  ];
  void loadStatus(api);
  void loadAccounts(api);
  void loadSettings(api);
  void loadSandbox(api);
  void loadDrafts(api);
  return () => stops.forEach((stop) => stop());
}
