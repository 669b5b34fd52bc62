import { afterEach, describe, expect, it } from 'vitest';
import { described, failure } from '../../shared/i18n/reason';
import { errorText } from './error-text';
import { i18n } from './i18n';

afterEach(() => i18n.changeLanguage('en'));

describe('errorText', () => {
  const timeout = described('TIMEOUT', 'reason.connectTimeout');
  it('words the core’s reason in the window’s language', () => {
    expect(errorText(timeout)).toBe('Connecting to the server timed out.');
    void i18n.changeLanguage('fr');
    expect(errorText(timeout)).toBe('La connexion au serveur a expiré.');
    void i18n.changeLanguage('ru');
    expect(errorText(timeout)).toBe('Время подключения к серверу истекло.');
  });
  it('shows the stored message when there is no reason it knows', () => {
    void i18n.changeLanguage('fr');
    expect(errorText({ message: 'connect ECONNREFUSED 127.0.0.1:25' })).toBe('connect ECONNREFUSED 127.0.0.1:25');
    expect(errorText({ message: 'Something new.', reason: { key: 'reason.fromTheFuture' } })).toBe('Something new.');
  });
  it('words a call’s error the same way: a full disk at Send, in Russian', () => {
    const full = failure('STORAGE_FAILED', 'reason.storageFailed', { detail: 'SQLITE_FULL: database or disk is full' }).appError;
    expect(full.message).toBe('Could not save to disk (SQLITE_FULL: database or disk is full). Nothing was queued; free some space and try again.');
    void i18n.changeLanguage('ru');
    expect(errorText(full)).toBe('Не удалось сохранить на диск (SQLITE_FULL: database or disk is full). Ничего не поставлено в очередь; освободите место и попробуйте снова.');
  });
});
