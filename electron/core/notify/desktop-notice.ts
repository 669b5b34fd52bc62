/**
 * What the Electron host shows as a desktop notification when a message ends
 * badly: failed for good, or sent but refused for some recipients. Once per
 * message; kept apart from main.ts so it is tested without Electron.
 */
import type { OutboxItem } from '../../../shared/model';
import { formatReply } from '../smtp/reply';

export interface DesktopNotice {
  title: string;
  body: string;
}

export function desktopNotice(item: OutboxItem, alreadyShown: ReadonlySet<string>): DesktopNotice | null {
  if (alreadyShown.has(item.id)) return null;
  const subject = item.subject || '(no subject)';
  if (item.state === 'failed') return { title: `Not sent: ${subject}`, body: item.error?.message ?? 'The server refused the message.' };
  const refused = item.state === 'sent' ? item.recipients.filter((r) => r.state === 'rejected') : [];
  if (!refused.length) return null;
  return { title: `Not delivered to everyone: ${subject}`, body: refused.map((r) => `${r.address}: ${r.reply ? formatReply(r.reply) : 'refused'}`).join('\n') };
}
