import { describe, expect, it } from 'vitest';
import { makeItem } from '../../../testing/harness/fixtures';
import { deliveryFailedNotice, desktopNotice, firstBadEnd, newDeliveryFailures, noticeLanguage } from './desktop-notice';

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
    expect(desktopNotice(failed)).toEqual({ title: 'Not sent: Plans', body: 'The server refused the message.\n554 5.7.1 Relay access denied' });
    const shown = new Set<string>();
    expect(firstBadEnd(failed, shown)).toBe(true);
    expect(firstBadEnd(failed, shown)).toBe(false);
    // No reply at all (the line dropped): the headline alone.
    expect(desktopNotice(makeItem({ state: 'failed', subject: 'Plans', lastReply: null, error: { code: 'TIMEOUT', message: 'timed out' } }))?.body).toBe(
      'The server did not answer in time.',
    );
  });

  it('tells of a sent message some recipients refused, naming them with the server’s words', () => {
    expect(desktopNotice(partly)).toEqual({
      title: 'Not delivered to everyone: (no subject)',
      body: 'nobody@example.test: 550 5.1.1 No such user\nsilent@example.test: refused',
    });
  });

  it('speaks the window’s language; the server’s words stay as they were', () => {
    expect(desktopNotice(failed, 'fr')).toEqual({ title: 'Non envoyé\u00a0: Plans', body: 'Le serveur a refusé le message.\n554 5.7.1 Relay access denied' });
    expect(desktopNotice(partly, 'ru')).toEqual({
      title: 'Доставлено не всем: (без темы)',
      body: 'nobody@example.test: 550 5.1.1 No such user\nsilent@example.test: отклонено',
    });
  });

  it('stays quiet for a message every recipient accepted, and for one still on its way', () => {
    const delivered = makeItem({ state: 'sent', recipients: [{ address: 'ada@example.test', field: 'to', state: 'accepted' }] });
    const deferred = makeItem({ state: 'deferred' });
    for (const item of [delivered, deferred]) {
      expect(desktopNotice(item)).toBeNull();
      expect(firstBadEnd(item, new Set())).toBe(false);
    }
    // A partial refusal is a bad end too, told once.
    expect(firstBadEnd(partly, new Set())).toBe(true);
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

describe('delivery failure notices', () => {
  const event = { state: 'failed' as const, at: 5, status: '5.1.1', diagnostic: '550 5.1.1 no such user', reportingMta: 'mx.test', retryUntil: null, reportId: 'r1' };
  const item = makeItem({
    state: 'sent',
    subject: 'Plans',
    recipients: [
      { address: 'ada@example.test', field: 'to', state: 'accepted', delivery: { state: 'delivered', events: [{ ...event, state: 'delivered' }] } },
      { address: 'bob@example.test', field: 'to', state: 'accepted', delivery: { state: 'failed', events: [event] } },
    ],
  });
  it('names each newly failed recipient once, with the remote server words, in the window language', () => {
    const shown = new Set<string>();
    const failed = newDeliveryFailures(item, shown);
    expect(failed.map((r) => r.address)).toEqual(['bob@example.test']);
    expect(newDeliveryFailures(item, shown)).toEqual([]);
    expect(deliveryFailedNotice(item, failed, 'fr')).toEqual({ title: '« Plans » n’a pas été distribué à tous', body: 'bob@example.test: 5.1.1 550 5.1.1 no such user' });
  });
});
