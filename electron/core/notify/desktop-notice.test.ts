import { describe, expect, it } from 'vitest';
import { makeItem } from '../testing/fixtures';
import { desktopNotice } from './desktop-notice';

describe('desktopNotice', () => {
  const reply = { code: 550, enhanced: '5.1.1', text: 'No such user' };
  it('tells of a message that failed for good, with the reason, once', () => {
    const failed = makeItem({ state: 'failed', subject: 'Plans', error: { code: 'SERVER_REJECTED', message: '554 5.7.1 Relay access denied' } });
    expect(desktopNotice(failed, new Set())).toEqual({ title: 'Not sent: Plans', body: '554 5.7.1 Relay access denied' });
    expect(desktopNotice(failed, new Set([failed.id]))).toBeNull();
  });
  it('tells of a sent message some recipients refused, naming them with the server’s words', () => {
    const sent = makeItem({
      state: 'sent',
      subject: '',
      recipients: [
        { address: 'ada@example.test', field: 'to', state: 'accepted' },
        { address: 'nobody@example.test', field: 'to', state: 'rejected', reply },
      ],
    });
    expect(desktopNotice(sent, new Set())).toEqual({ title: 'Not delivered to everyone: (no subject)', body: 'nobody@example.test: 550 5.1.1 No such user' });
  });
  it('stays quiet for a message every recipient accepted, and for one still on its way', () => {
    expect(desktopNotice(makeItem({ state: 'sent', recipients: [{ address: 'ada@example.test', field: 'to', state: 'accepted' }] }), new Set())).toBeNull();
    expect(desktopNotice(makeItem({ state: 'deferred' }), new Set())).toBeNull();
  });
});
