/**
 * The address parser (shared/address.ts, also used by the main process) gives
 * its reasons in English. The renderer shows them in the user's language by
 * mapping each known reason to a catalogue key; an unknown one is shown as is.
 */
import { t, type MessageKey } from './t';

export const ADDRESS_REASON_KEYS: Readonly<Record<string, MessageKey>> = {
  'contains a line break or control character': 'address.lineBreakOrControl',
  'missing @': 'address.missingAt',
  'missing the part before @': 'address.missingLocal',
  'missing the domain after @': 'address.missingDomain',
  'address is longer than 254 characters': 'address.tooLong',
  'the part before @ is longer than 64 octets': 'address.localTooLong',
  'unbalanced quotes in the part before @': 'address.unbalancedQuotes',
  'empty dot-separated part before @': 'address.emptyAtom',
  'invalid character before @': 'address.badLocalChar',
  'invalid address literal': 'address.badLiteral',
  'empty label in domain': 'address.emptyLabel',
  'space or invisible character in domain': 'address.invisibleInDomain',
  'domain cannot be converted to ASCII': 'address.domainNotAscii',
  'domain is longer than 253 characters': 'address.domainTooLong',
  'invalid character in domain': 'address.badDomainChar',
  'domain label longer than 63 characters': 'address.labelTooLong',
  'domain needs a dot (example.com)': 'address.domainNeedsDot',
  'top-level domain cannot be numeric': 'address.numericTld',
  'unterminated quote, comment or <': 'address.unterminated',
  'missing >': 'address.missingClose',
  'text after >': 'address.textAfterClose',
  'a display name holding < > @ : ; [ ] or \\ must be in quotes': 'address.nameNeedsQuotes',
  'contains a line break': 'address.lineBreak',
  'contains a control character': 'address.control',
  'contains < or >': 'address.angleBracket',
  'contains a character that reverses the direction of the text': 'address.bidiOverride',
};

export function addressReason(reason: string): string {
  const key = Object.prototype.hasOwnProperty.call(ADDRESS_REASON_KEYS, reason) ? ADDRESS_REASON_KEYS[reason] : undefined;
  return key ? t(key) : reason;
}
