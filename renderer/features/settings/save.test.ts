import { beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../../shared/errors';
import { fakeApi, resetStores } from '../../app/fake-api';
import { applySettings } from '../../app/connect';
import { useComposeStore } from '../../store/compose';
import { useSettingsStore } from '../../store/settings';
import { saveSettings } from './save';

beforeEach(resetStores);

describe('saveSettings', () => {
  it('saves, shows the saved value, and Compose follows', async () => {
    const fake = fakeApi({ 'settings.update': (changes) => ok({ undoSendSeconds: changes.undoSendSeconds ?? 5 }) });
    applySettings({ undoSendSeconds: 5 });
    useSettingsStore.getState().setField('undoDelay', '9');
    expect(await saveSettings(fake.api)).toBe('saved');
    expect(fake.calls).toEqual([{ name: 'settings.update', request: { undoSendSeconds: 9 } }]);
    const settings = useSettingsStore.getState();
    expect(settings.settings).toEqual({ undoSendSeconds: 9 });
    expect(settings.edited).toBe(false);
    expect(settings.saving).toBe(false);
    expect(settings.notice).toBe('Settings saved.');
    expect(useComposeStore.getState().fields.delay).toBe('9');
  });

  it('refuses a bad value without calling the core', async () => {
    const fake = fakeApi();
    useSettingsStore.getState().setField('undoDelay', '61');
    expect(await saveSettings(fake.api)).toBe('refused');
    expect(fake.calls).toHaveLength(0);
    expect(useSettingsStore.getState().saveError).toBe('The default undo delay must be a whole number of seconds from 0 to 60.');
    expect(useSettingsStore.getState().invalid).toBe(true);
  });

  it('shows the core error and keeps what was typed', async () => {
    const fake = fakeApi({ 'settings.update': () => err('STORAGE_FAILED', 'The disk is full.') });
    useSettingsStore.getState().setField('undoDelay', '9');
    expect(await saveSettings(fake.api)).toBe('failed');
    const settings = useSettingsStore.getState();
    expect(settings.saveError).toBe('Could not save settings: The disk is full.');
    expect(settings.fields.undoDelay).toBe('9');
    expect(settings.saving).toBe(false);
  });
});
