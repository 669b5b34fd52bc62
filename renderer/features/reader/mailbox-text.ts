/** How an address is written in the reading pane: "Name <address>", or the address alone. */
import type { Mailbox } from '../../../shared/model';

export const mailboxText = (m: Mailbox): string => (m.name ? `${m.name} <${m.address}>` : m.address);
export const mailboxShort = (m: Mailbox | null): string | null => (m ? m.name || m.address : null);
