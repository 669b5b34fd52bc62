import { beforeEach, describe, expect, it } from 'vitest';
import { resetStores } from '../app/fake-api';
import { useComposeStore } from './compose';

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
    useComposeStore.getState().setField('bcc', 'eve@');
    useComposeStore.getState().blurred('bcc');
    expect(useComposeStore.getState().errors.bcc).toContain('missing the domain after @');
    useComposeStore.getState().setField('bcc', 'eve@example.test');
    expect(useComposeStore.getState().errors.bcc).toBeUndefined();
  });
});

describe('compose attachments', () => {
  const file = (key: string) => ({ key, name: `${key}.txt`, type: 'text/plain', size: 3, contentBase64: 'YWJj' });
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
