/**
 * Which folder the Sent copy goes to: the one the server marks `\Sent`
 * (RFC 6154), else the first that exists of the names servers commonly use,
 * else a new "Sent", created and subscribed so other clients show it too.
 */
import type { ImapFlow, ListResponse } from 'imapflow';
import { isSelectable } from '../imap/folder-roles';

export const COMMON_SENT_NAMES = ['Sent', 'Sent Items', 'Sent Messages', 'INBOX.Sent'] as const;
export const NEW_SENT_FOLDER = 'Sent';

/** Pure: the Sent folder among a LIST answer, or null. */
export function pickSentFolder(folders: readonly Pick<ListResponse, 'path' | 'specialUse' | 'flags'>[]): string | null {
  const usable = folders.filter(isSelectable);
  // The server's own flag only: imapflow also guesses `specialUse` from names, which the list below covers in our order.
  const flagged = usable.find((f) => f.flags.has('\\Sent'));
  if (flagged) return flagged.path;
  for (const name of COMMON_SENT_NAMES) {
    const found = usable.find((f) => f.path.toLowerCase() === name.toLowerCase());
    if (found) return found.path;
  }
  return null;
}

export async function findSentFolder(client: ImapFlow): Promise<string> {
  const found = pickSentFolder(await client.list());
  if (found) return found;
  return createSentFolder(client);
}

/** Creates the folder (already there is fine) and subscribes it; a refusal throws. */
export async function createSentFolder(client: ImapFlow, path: string = NEW_SENT_FOLDER): Promise<string> {
  const created = await client.mailboxCreate(path);
  await client.mailboxSubscribe(created.path).catch(() => undefined);
  return created.path;
}
