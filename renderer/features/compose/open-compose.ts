/**
 * Opens Compose filled from outside the window: a mailto: link the host
 * passed on (the app:compose event, or the browser host's URL fragment).
 * The message being written, if any, is saved as a draft first.
 */
import type { ComposeRequest } from '../../../shared/model';
import { BRIDGE_TOKEN_PARAM } from '../../../shared/bridge-protocol';
import { parseMailto } from '../../../shared/mailto';
import { useComposeStore } from '../../store/compose';
import { messageFromRequest } from '../../store/draft-logic';
import { blankMessage, isBlank } from '../../store/draft-logic';
import { saveDraftNow, settleDrafts } from './autosave';
import { chosenAccount } from '../../store/accounts-logic';
import { useSettingsStore } from '../../store/settings';
import { useStatusStore } from '../../store/status';
import { newMessageFor } from '../reply/answer-logic';

export async function composeFromRequest(request: ComposeRequest): Promise<void> {
  await saveDraftNow();
  // The link's fields are not the user's work yet: they become a draft once the user changes something.
  useComposeStore.getState().load(messageFromRequest(request), { origin: 'new', saved: true });
}

/**
 * New message (Ctrl/Cmd+N): a blank message. The one written before is in
 * Drafts (saved when Compose closed); should that save have failed, Compose
 * opens on it again instead, so nothing is lost.
 */
export async function startNewMessage(): Promise<void> {
  const before = useComposeStore.getState();
  if (before.open) return;
  await settleDrafts();
  const s = useComposeStore.getState();
  if (s.open) return;
  const blank = isBlank({ chips: s.chips, typed: { to: s.fields.to, cc: s.fields.cc, bcc: s.fields.bcc }, subject: s.fields.subject, text: s.fields.text, attachments: s.attachments });
  const kept = s.contentVersion === s.savedVersion && s.draftId !== null;
  if (blank || kept) {
    const account = chosenAccount(useStatusStore.getState().accounts, null, useSettingsStore.getState().settings?.defaultAccountId);
    s.load(newMessageFor(account, blankMessage), { origin: 'new', saved: true });
  }
  else s.openNew();
}

/**
 * Where the `mailto=` parameter's value is in the fragment. The browser host
 * percent-encodes it (mailto%3A…), so it ends at the next "&"; a link pasted
 * as is (mailto:…?subject=…&body=…) keeps its own "&"s, so it runs to the
 * end, leaving out only the bridge's token parameter.
 */
function findMailto(hash: string): { value: string; rest: string } | null {
  const raw = hash.replace(/^#/, '');
  const match = /(?:^|&)mailto=/.exec(raw);
  if (!match) return null;
  const before = raw.slice(0, match.index);
  const after = raw.slice(match.index + match[0].length);
  if (!/^mailto:/i.test(after)) {
    const end = after.indexOf('&');
    const value = end < 0 ? after : after.slice(0, end);
    const rest = [before, end < 0 ? '' : after.slice(end + 1)].filter(Boolean).join('&');
    try {
      return { value: decodeURIComponent(value), rest };
    } catch {
      return { value, rest };
    }
  }
  const token = new RegExp(`&${BRIDGE_TOKEN_PARAM}=[^&]*`);
  const tokenPart = token.exec(after)?.[0] ?? '';
  return { value: after.replace(token, ''), rest: [before, tokenPart.slice(1)].filter(Boolean).join('&') };
}

/** The `mailto=` parameter of the URL fragment (next to token=), as Compose fields; null when absent or not a mailto: URI. */
export function mailtoFromFragment(hash: string): ComposeRequest | null {
  const found = findMailto(hash);
  return found ? parseMailto(found.value) : null;
}

/** The fragment without `mailto=`, so a reload does not open the link again. */
export function fragmentWithoutMailto(hash: string): string {
  const found = findMailto(hash);
  if (!found) return hash;
  return found.rest ? `#${found.rest}` : '';
}
