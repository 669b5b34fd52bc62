import { afterEach, describe, expect, it } from 'vitest';
import { described } from '../../shared/i18n/reason';
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
});
