import { beforeEach, describe, expect, it } from 'vitest';
import { resetStores } from '../../app/fake-api';
import { useComposeStore } from '../../store/compose';
import { composeFromRequest, fragmentWithoutMailto, mailtoFromFragment, startNewMessage } from './open-compose';

beforeEach(resetStores);

describe('mailto= in the URL fragment', () => {
  const hash = `#token=abc&mailto=${encodeURIComponent('mailto:ada@example.test?subject=Caf%C3%A9&body=Hello%0D%0AWorld')}`;
  it('is read with the shared mailto: parser', () => {
    expect(mailtoFromFragment(hash)).toEqual({ to: 'ada@example.test', cc: '', bcc: '', subject: 'Café', text: 'Hello\nWorld' });
    expect(mailtoFromFragment('#token=abc')).toBeNull();
    expect(mailtoFromFragment('#token=abc&mailto=http%3A%2F%2Fx')).toBeNull();
  });
  it('is removed from the fragment, keeping the token', () => {
    expect(fragmentWithoutMailto(hash)).toBe('#token=abc');
    expect(fragmentWithoutMailto(`#mailto=x`)).toBe('');
    expect(fragmentWithoutMailto(`#mailto=x&token=abc`)).toBe('#token=abc');
    expect(fragmentWithoutMailto('#token=abc')).toBe('#token=abc');
  });
  it('also takes a link pasted without encoding, with its own & and the token anywhere', () => {
    const expected = { to: 'ada@example.test', cc: '', bcc: '', subject: 'Café', text: 'Hello\nWorld' };
    const raw = '#token=abc&mailto=mailto:ada@example.test?subject=Caf%C3%A9&body=Hello%0D%0AWorld';
    expect(mailtoFromFragment(raw)).toEqual(expected);
    expect(fragmentWithoutMailto(raw)).toBe('#token=abc');
    const tokenAfter = '#mailto=mailto:ada@example.test?subject=Caf%C3%A9&token=abc&body=Hello%0D%0AWorld';
    expect(mailtoFromFragment(tokenAfter)).toEqual(expected);
    expect(fragmentWithoutMailto(tokenAfter)).toBe('#token=abc');
  });
});

describe('composeFromRequest', () => {
  it('opens Compose with the link’s fields as chips, subject and body', async () => {
    await composeFromRequest({ to: 'ada@example.test, "Lee, Ann" <ann@x.test>', cc: 'c@x.test', bcc: '', subject: 'Café', text: 'Hello\nWorld' });
    const s = useComposeStore.getState();
    expect(s.open).toBe(true);
    expect(s.chips).toEqual({ to: ['ada@example.test', '"Lee, Ann" <ann@x.test>'], cc: ['c@x.test'], bcc: [] });
    expect(s.fields).toMatchObject({ subject: 'Café', text: 'Hello\nWorld', html: '' });
    expect(s.origin).toBe('new');
    expect(s.contentVersion).toBe(s.savedVersion);
  });
});

describe('startNewMessage', () => {
  it('starts blank when the message before is saved as a draft, keeping the delay preference', async () => {
    const compose = useComposeStore.getState;
    compose().defaultDelayChanged(5);
    compose().setField('delay', '9');
    compose().setField('subject', 'Before');
    compose().draftSaved(compose().session, compose().contentVersion, 'draft-0001', 1);
    await startNewMessage();
    expect(compose()).toMatchObject({ open: true, draftId: null, origin: 'new' });
    expect(compose().fields).toMatchObject({ subject: '', delay: '9' });
  });
  it('opens on the message before when it could not be saved', async () => {
    useComposeStore.getState().setField('subject', 'Unsaved');
    await startNewMessage();
    expect(useComposeStore.getState().fields.subject).toBe('Unsaved');
    expect(useComposeStore.getState().open).toBe(true);
  });
});
