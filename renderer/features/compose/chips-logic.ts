/**
 * Recipient chips: typed address text becomes one chip per entry when the
 * user types a comma or semicolon (outside quotes, comments and <>), presses
 * Enter or leaves the field. Each chip is checked with the same parser the
 * core uses, so an invalid chip shows the reason the core would give.
 */
import { formatMailbox, parseAddressList, tokenizeAddressList } from '../../../shared/address';
import { addressReason } from '../../i18n/address-reasons';
import { t } from '../../i18n/t';

/** The entries finished by a separator, and the text after the last one (still being typed): shared/address.ts's tokenizer, comments kept as typed. */
export function splitTyped(text: string): { complete: string[]; rest: string } {
  const { complete, rest } = tokenizeAddressList(text, { keepComments: true });
  return { complete, rest };
}

/** Every entry of a whole field value (a draft's "To", a mailto: link), finished or not. */
export function entriesOf(value: string): string[] {
  const { complete, rest } = splitTyped(value);
  return rest.trim() ? [...complete, rest.trim()] : complete;
}

/** The field's value as the core gets it: the chips, then whatever is still typed. */
export function addressValue(chips: readonly string[], typed: string): string {
  return [...chips, typed.trim()].filter((entry) => entry !== '').join(', ');
}

export interface ChipInfo {
  /** What the chip shows: the display name when there is one, else the address. */
  label: string;
  /** The whole entry, normalised when valid. */
  full: string;
  /** Lower-cased addresses the chip stands for (to leave them out of suggestions). */
  addresses: string[];
  /** Why the entry cannot be sent, in the UI language; null when it is fine. */
  problem: string | null;
}

export function chipInfo(entry: string): ChipInfo {
  const parsed = parseAddressList(entry);
  if (!parsed.ok) {
    return { label: entry, full: entry, addresses: [], problem: addressReason(parsed.invalid[0]?.reason ?? '') };
  }
  const [first] = parsed.mailboxes;
  if (!first) return { label: entry, full: entry, addresses: [], problem: t('compose.chipEmpty') };
  return {
    label: parsed.mailboxes.length === 1 ? (first.name ?? first.address) : entry,
    full: parsed.mailboxes.map(formatMailbox).join(', '),
    addresses: parsed.mailboxes.map((m) => m.address.toLowerCase()),
    problem: null,
  };
}
