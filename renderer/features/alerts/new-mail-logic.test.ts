import { describe, expect, it } from 'vitest';
import { catalogues } from '../../../shared/i18n/catalogues';
import { fillPlaceholders } from '../../../shared/i18n/fill';
import type { PlainKey } from '../../../shared/i18n/types';
import { newMailText, windowTitle } from './new-mail-logic';

const textIn = (language: 'en' | 'fr' | 'ru') => (key: PlainKey, vars: Record<string, string | number> = {}) => fillPlaceholders(catalogues[language][key], vars);
const en = textIn('en');

describe('windowTitle', () => {
  it('shows the Inbox unread count before the app’s name, in the window’s language and number format', () => {
    expect(windowTitle(3, en)).toBe('Inbox (3) — Outbox Mail');
    expect(windowTitle(1234, textIn('fr'), (n) => new Intl.NumberFormat('fr').format(n))).toBe('Boîte de réception (1\u202f234) — Outbox Mail');
    expect(windowTitle(2, textIn('ru'))).toBe('Входящие (2) — Outbox Mail');
  });
  it('is the app’s name alone when nothing is unread', () => {
    expect(windowTitle(0, en)).toBe('Outbox Mail');
  });
});

describe('newMailText', () => {
  const one = { accountId: 'a', folderId: 'f', count: 1, latest: [{ id: '1', from: { name: 'Ada', address: 'ada@example.test' }, subject: 'Tea' }] };
  it('names the sender and subject of one message', () => {
    expect(newMailText(one, en)).toBe('New mail from Ada: Tea');
  });
  it('counts several and names the latest; falls back to the address and “no subject”', () => {
    const many = { ...one, count: 4, latest: [{ id: '4', from: { address: 'grace@example.test' }, subject: '' }] };
    expect(newMailText(many, en)).toBe('4 new messages, the latest from grace@example.test: (no subject)');
  });
});
