import { describe, expect, it } from 'vitest';
import { inboxUnread } from '../../../shared/inbox-unread';
import { newMailNotice } from './new-mail-notice';
import { notificationText } from './notification-markup';

const one = { accountId: 'a', folderId: 'f', count: 1, latest: [{ id: '1', from: { name: 'Ada <b>L</b>', address: 'ada@example.test' }, subject: 'Tea at <a href="x">five</a>' }] };

describe('newMailNotice', () => {
  it('names the sender and the subject of one message, in the window’s language', () => {
    expect(newMailNotice(one)).toEqual({ title: 'New mail from Ada <b>L</b>', body: 'Tea at <a href="x">five</a>' });
    expect(newMailNotice(one, 'ru').title).toBe('Новое письмо от Ada <b>L</b>');
    // The body reaches a Linux notification server escaped, shown as written.
    expect(notificationText(newMailNotice(one).body, 'linux')).toBe('Tea at &lt;a href=&quot;x&quot;&gt;five&lt;/a&gt;');
  });
  it('counts several and lists the latest; a sender with no name is its address, no subject says so', () => {
    const many = {
      ...one,
      count: 3,
      latest: [
        { id: '3', from: { address: 'grace@example.test' }, subject: '' },
        { id: '2', from: null, subject: 'Hello' },
      ],
    };
    expect(newMailNotice(many)).toEqual({ title: 'New mail: 3 messages', body: 'grace@example.test: (no subject)\nan unknown sender: Hello' });
  });
});

describe('inboxUnread', () => {
  it('adds the unread counts of every Inbox and nothing else', () => {
    expect(inboxUnread([{ role: 'inbox', unread: 3 }, { role: 'inbox', unread: 2 }, { role: 'junk', unread: 9 }, { role: 'other', unread: 4 }])).toBe(5);
    expect(inboxUnread([])).toBe(0);
  });
});
