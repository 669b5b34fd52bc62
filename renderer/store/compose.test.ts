import { beforeEach, describe, expect, it } from 'vitest';
import { resetStores } from '../app/fake-api';
import { fullAddress, useComposeStore } from './compose';
import { blankMessage } from './draft-logic';

beforeEach(resetStores);

describe('compose undo delay and the undoSendSeconds setting', () => {
  it('starts at the setting and follows it while the user has not touched the field', () => {
    const compose = useComposeStore.getState();
    expect(compose.fields.delay).toBe('');
    compose.defaultDelayChanged(5);
    expect(useComposeStore.getState().fields.delay).toBe('5');
    useComposeStore.getState().defaultDelayChanged(12);
    expect(useComposeStore.getState().fields.delay).toBe('12');
    expect(useComposeStore.getState().defaultDelay).toBe(12);
  });

  it('keeps the value the user typed, this session, across sends', () => {
    useComposeStore.getState().defaultDelayChanged(5);
    useComposeStore.getState().setField('delay', '30');
    useComposeStore.getState().defaultDelayChanged(9);
    expect(useComposeStore.getState().fields.delay).toBe('30');
    expect(useComposeStore.getState().defaultDelay).toBe(9);
    useComposeStore.getState().submitted();
    useComposeStore.getState().defaultDelayChanged(7);
    expect(useComposeStore.getState().fields.delay).toBe('30');
  });

  it('clears a delay error when the setting replaces the value', () => {
    useComposeStore.setState({ errors: { delay: 'bad' } });
    useComposeStore.getState().defaultDelayChanged(5);
    expect(useComposeStore.getState().errors).toEqual({});
  });
});

describe('compose Send later', () => {
  it('checks the time on blur and clears the mark once fixed', () => {
    const compose = useComposeStore.getState();
    compose.setField('sendAt', '2000-01-01T10:00');
    useComposeStore.getState().blurred('sendAt');
    expect(useComposeStore.getState().errors.sendAt).toBe('Send later must be a time in the future.');
    useComposeStore.getState().setField('sendAt', '');
    expect(useComposeStore.getState().errors.sendAt).toBeUndefined();
  });

  it('marks a partly typed date on blur', () => {
    useComposeStore.getState().blurred('sendAt', true);
    expect(useComposeStore.getState().errors.sendAt).toBe('Enter a full date and time, or leave Send later empty.');
  });

  it('is cleared after a send', () => {
    useComposeStore.getState().setField('sendAt', '2999-01-01T10:00');
    useComposeStore.getState().submitted();
    expect(useComposeStore.getState().fields.sendAt).toBe('');
  });
});

describe('compose open, close and discard', () => {
  it('keeps what was typed when closed, and forgets it when discarded', () => {
    const compose = useComposeStore.getState();
    compose.defaultDelayChanged(5);
    compose.openNew();
    useComposeStore.getState().setField('subject', 'Half written');
    useComposeStore.getState().close();
    expect(useComposeStore.getState().open).toBe(false);
    useComposeStore.getState().openNew();
    expect(useComposeStore.getState().fields.subject).toBe('Half written');
    useComposeStore.getState().discard();
    expect(useComposeStore.getState().open).toBe(false);
    expect(useComposeStore.getState().fields).toMatchObject({ subject: '', delay: '5' });
  });

  it('re-checks a marked Bcc as it is fixed', () => {
    useComposeStore.getState().typeAddress('bcc', 'eve@');
    useComposeStore.getState().blurred('bcc');
    expect(useComposeStore.getState().errors.bcc).toContain('missing the domain after @');
    useComposeStore.getState().typeAddress('bcc', 'eve@example.test');
    expect(useComposeStore.getState().errors.bcc).toBeUndefined();
  });
});

describe('compose attachments', () => {
  const file = (key: string) => ({ key, name: `${key}.txt`, type: 'text/plain', size: 3, sha256: 'a'.repeat(64) });
  it('adds what was read, keeps why others were not, and removes on request', () => {
    const compose = useComposeStore.getState();
    compose.readingStarted(2);
    expect(useComposeStore.getState().reading).toBe(2);
    useComposeStore.getState().attachmentsRead([file('a'), file('b')], ['“c” is too big.'], 2);
    let state = useComposeStore.getState();
    expect(state.reading).toBe(0);
    expect(state.attachments.map((a) => a.key)).toEqual(['a', 'b']);
    expect(state.attachError).toBe('“c” is too big.');
    state.removeAttachment('a');
    state = useComposeStore.getState();
    expect(state.attachments.map((a) => a.key)).toEqual(['b']);
    expect(state.attachError).toBeNull();
  });
  it('are kept on close and cleared by Discard', () => {
    useComposeStore.getState().attachmentsRead([file('a')], [], 0);
    useComposeStore.getState().close();
    expect(useComposeStore.getState().attachments).toHaveLength(1);
    useComposeStore.getState().discard();
    expect(useComposeStore.getState().attachments).toEqual([]);
  });
});

describe('recipient chips', () => {
  const compose = () => useComposeStore.getState();
  it('turns entries finished by a comma into chips and keeps the rest as typed', () => {
    compose().typeAddress('to', 'ada@example.test, "Lee, Ann" <ann@x.test>; bo');
    expect(compose().chips.to).toEqual(['ada@example.test', '"Lee, Ann" <ann@x.test>']);
    expect(compose().fields.to).toBe('bo');
    expect(fullAddress(compose(), 'to')).toBe('ada@example.test, "Lee, Ann" <ann@x.test>, bo');
  });
  it('drops the space typed after a comma', () => {
    compose().typeAddress('to', 'a@x.test,');
    compose().typeAddress('to', ' ');
    compose().typeAddress('to', ' b');
    expect(compose().fields.to).toBe('b');
  });
  it('commits the typed text on Enter or blur, and takes the last chip back on Backspace', () => {
    compose().typeAddress('cc', 'c@x.test');
    compose().commitAddress('cc');
    expect(compose().chips.cc).toEqual(['c@x.test']);
    expect(compose().fields.cc).toBe('');
    compose().editLastChip('cc');
    expect(compose().chips.cc).toEqual([]);
    expect(compose().fields.cc).toBe('c@x.test');
  });
  it('adds a suggestion as a chip and removes a chip by position', () => {
    compose().addChip('to', 'a@x.test');
    compose().addChip('to', 'b@x.test');
    compose().removeChip('to', 0);
    expect(compose().chips.to).toEqual(['b@x.test']);
  });
  it('clears a To error once a chip fixes it', () => {
    compose().typeAddress('to', 'bob@');
    compose().blurred('to');
    expect(compose().errors.to).toContain('missing the domain');
    compose().editLastChip('to');
    compose().typeAddress('to', 'bob@example.test');
    expect(compose().errors.to).toBeUndefined();
  });
  it('counts each change to what a draft keeps, not to the delay', () => {
    const before = compose().contentVersion;
    compose().typeAddress('to', 'a');
    compose().setField('subject', 'S');
    compose().setBody('Hi', '');
    compose().setBody('Hi', '');
    compose().setField('delay', '3');
    expect(compose().contentVersion).toBe(before + 3);
  });
});

describe('loading a message', () => {
  it('replaces the message, marks it saved or not, and starts a new session', () => {
    const session = useComposeStore.getState().session;
    useComposeStore.getState().load({ ...blankMessage, chips: { to: ['a@x.test'], cc: [], bcc: [] }, subject: 'S', text: 'T' }, { origin: 'draft', draftId: 'draft-0001', saved: true });
    let s = useComposeStore.getState();
    expect(s).toMatchObject({ open: true, origin: 'draft', draftId: 'draft-0001', session: session + 1 });
    expect(s.fields).toMatchObject({ subject: 'S', text: 'T' });
    expect(s.contentVersion).toBe(s.savedVersion);
    useComposeStore.getState().load(blankMessage, { origin: 'queued', sourceId: 'item-0001', saved: false });
    s = useComposeStore.getState();
    expect(s.sourceId).toBe('item-0001');
    expect(s.draftId).toBeNull();
    expect(s.contentVersion).not.toBe(s.savedVersion);
  });
  it('ignores a draft save answer for an earlier message', () => {
    const { session } = useComposeStore.getState();
    useComposeStore.getState().load(blankMessage, { origin: 'new', saved: true });
    useComposeStore.getState().draftSaved(session, 5, 'draft-late', 1);
    expect(useComposeStore.getState().draftId).toBeNull();
  });
});
