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
    useComposeStore.getState().submitted('Message queued.');
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
    useComposeStore.getState().submitted('ok');
    expect(useComposeStore.getState().fields.sendAt).toBe('');
  });
});
