import { describe, expect, it } from 'vitest';
import { makeItem } from '../testing/fixtures';
import { desktopNotice, noticeLanguage } from './desktop-notice';

describe('desktopNotice', () => {
  const reply = { code: 550, enhanced: '5.1.1', text: 'No such user' };
  const relay = { code: 554, enhanced: '5.7.1', text: 'Relay access denied' };
  const failed = makeItem({ state: 'failed', subject: 'Plans', lastReply: relay, error: { code: 'SERVER_REJECTED', message: '554 5.7.1 Relay access denied' } });
  const partly = makeItem({
    state: 'sent',
    subject: '',
    recipients: [
      { address: 'ada@example.test', field: 'to', state: 'accepted' },
      { address: 'nobody@example.test', field: 'to', state: 'rejected', reply },
      { address: 'silent@example.test', field: 'to', state: 'rejected' },
    ],
  });

  it('tells of a message that failed for good, with the reason and the server’s words, once', () => {
    expect(desktopNotice(failed, new Set())).toEqual({ title: 'Not sent: Plans', body: 'The server refused the message.\n554 5.7.1 Relay access denied' });
    expect(desktopNotice(failed, new Set([failed.id]))).toBeNull();
    // No reply at all (the line dropped): the headline alone.
    expect(desktopNotice(makeItem({ state: 'failed', subject: 'Plans', lastReply: null, error: { code: 'TIMEOUT', message: 'timed out' } }), new Set())?.body).toBe(
      'The server did not answer in time.',
    );
  });

  it('tells of a sent message some recipients refused, naming them with the server’s words', () => {
    expect(desktopNotice(partly, new Set())).toEqual({
      title: 'Not delivered to everyone: (no subject)',
      body: 'nobody@example.test: 550 5.1.1 No such user\nsilent@example.test: refused',
    });
  });

  it('speaks the window’s language; the server’s words stay as they were', () => {
    expect(desktopNotice(failed, new Set(), 'fr')).toEqual({ title: 'Non envoyé\u00a0: Plans', body: 'Le serveur a refusé le message.\n554 5.7.1 Relay access denied' });
    expect(desktopNotice(partly, new Set(), 'ru')).toEqual({
      title: 'Доставлено не всем: (без темы)',
      body: 'nobody@example.test: 550 5.1.1 No such user\nsilent@example.test: отклонено',
    });
  });

  it('stays quiet for a message every recipient accepted, and for one still on its way', () => {
    expect(desktopNotice(makeItem({ state: 'sent', recipients: [{ address: 'ada@example.test', field: 'to', state: 'accepted' }] }), new Set())).toBeNull();
    expect(desktopNotice(makeItem({ state: 'deferred' }), new Set())).toBeNull();
  });
});

describe('noticeLanguage', () => {
  it('takes the language the window shows, and distrusts anything else the page says', () => {
    expect(noticeLanguage('ru', ['fr-FR'])).toBe('ru');
    expect(noticeLanguage('de', ['fr-CA', 'en'])).toBe('fr');
    expect(noticeLanguage({ toString: () => 'fr' }, ['de'])).toBe('en');
    expect(noticeLanguage(null, [])).toBe('en');
  });
});
