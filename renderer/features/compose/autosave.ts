/**
 * Drafts save themselves: 1.2 s after the last change to the message, at
 * once when Compose closes, and at once when a message taken out of the
 * queue is opened (it becomes a draft). One save at a time; changes made
 * during a save are saved after it. Send and Discard first call
 * `settleDrafts()`, so no save overlaps them and the draft's id is known.
 */
import type { MailApi } from '../../../shared/contract';
import { settle } from '../../app/settle';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/t';
import { useComposeStore, type ComposeState } from '../../store/compose';
import { draftSaveRequest, isBlank } from '../../store/draft-logic';
import { useDraftsStore } from '../../store/drafts';
import { findItem, useOutboxStore } from '../../store/outbox';
import { retireSource } from './retire-source';

export const AUTOSAVE_DELAY_MS = 1200;

const dirty = (s: ComposeState) => s.contentVersion !== s.savedVersion;

const typed = (s: ComposeState) => ({ to: s.fields.to, cc: s.fields.cc, bcc: s.fields.bcc });

let api: MailApi | null = null;
let delayMs = AUTOSAVE_DELAY_MS;
let timer: ReturnType<typeof setTimeout> | null = null;
let running: Promise<void> = Promise.resolve();

function cancelTimer(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
}

function schedule(): void {
  cancelTimer();
  timer = setTimeout(() => {
    timer = null;
    void saveDraftNow();
  }, delayMs);
}

async function saveOnce(): Promise<void> {
  const s = useComposeStore.getState();
  if (!api || !dirty(s) || s.submitting) return;
  const state = { ...s, typed: typed(s) };
  // Nothing typed yet: there is nothing to keep (an existing draft is still saved, emptied).
  if (!s.draftId && isBlank({ ...state, chips: s.chips, subject: s.fields.subject, text: s.fields.text })) return;
  const session = s.session;
  const version = s.contentVersion;
  const request = draftSaveRequest({ ...state, subject: s.fields.subject, text: s.fields.text, html: s.fields.html });
  s.draftSaving();
  const core = api;
  const result = await settle(() => core.drafts.save(request));
  const after = useComposeStore.getState();
  if (!result.ok) {
    after.draftSaveFailed(session, t('compose.draftSaveFailed', { message: errorText(result.error) }));
    return;
  }
  useDraftsStore.getState().upsert(result.value);
  after.draftSaved(session, version, result.value.id, Date.now());
  // A cancelled message now lives on as this draft; a failed one stays until its replacement is queued.
  const sourceId = after.session === session ? after.sourceId : null;
  const source = sourceId ? findItem(useOutboxStore.getState(), sourceId) : undefined;
  if (sourceId && (!source || source.state === 'cancelled')) await retireSource(core, sourceId);
  const latest = useComposeStore.getState();
  if (latest.session === session && dirty(latest)) schedule();
}

/** Saves now if anything changed; resolves once saved (or refused). */
export function saveDraftNow(): Promise<void> {
  cancelTimer();
  running = running.then(saveOnce, saveOnce);
  return running;
}

/** No save pending or running: the draft id in the store is final. Changes after this schedule a save again. */
export async function settleDrafts(): Promise<void> {
  cancelTimer();
  await running;
}

/** Starts saving drafts through `core`; returns a function that stops it. */
export function startAutosave(core: MailApi, options: { delayMs?: number } = {}): () => void {
  api = core;
  delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
  const stop = useComposeStore.subscribe((s, prev) => {
    if (s.session !== prev.session && dirty(s)) void saveDraftNow();
    else if (prev.open && !s.open) void saveDraftNow();
    else if (s.contentVersion !== prev.contentVersion && dirty(s)) schedule();
  });
  return () => {
    stop();
    cancelTimer();
    if (api === core) api = null;
  };
}
