import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADDRESS_REASON_KEYS, addressReason } from './address-reasons';
import { en } from '../../shared/i18n/en';

/** Every reason string the shared parser can return, read from its source. */
function reasonsInParser(): string[] {
  const source = readFileSync(join(__dirname, '../../shared/address.ts'), 'utf8');
  const literals = [...source.matchAll(/(?:return|reason:)\s+'((?:[^'\\]|\\.)*)'/g)].map((m) => (m[1] as string).replace(/\\(.)/g, '$1'));
  return [...new Set(literals)];
}

describe('address reasons', () => {
  it('has a catalogue key for every reason the parser gives', () => {
    const reasons = reasonsInParser();
    expect(reasons.length).toBeGreaterThan(15);
    for (const reason of reasons) expect(ADDRESS_REASON_KEYS, reason).toHaveProperty([reason]);
  });
  it('maps each reason to the same English text', () => {
    for (const [reason, key] of Object.entries(ADDRESS_REASON_KEYS)) expect(en[key], key).toBe(reason);
  });
  it('passes an unknown reason through', () => {
    expect(addressReason('no such domain')).toBe('no such domain');
    expect(addressReason('toString')).toBe('toString');
  });
});
