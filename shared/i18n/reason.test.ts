import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fr } from './fr';
import { ru } from './ru';
import { described, reason, wordReason } from './reason';

describe('reasons', () => {
  it('keep the English wording as the message, and the key and values to word it again', () => {
    expect(described('TIMEOUT', 'reason.stoppedAnswering')).toEqual({ code: 'TIMEOUT', message: 'The server stopped answering.', reason: { key: 'reason.stoppedAnswering' } });
    expect(described('SERVER_REJECTED', 'reason.serverRepliedAt', { reply: '451 4.7.1 Greylisted', command: 'RCPT' }).message).toBe('The server replied 451 4.7.1 Greylisted at RCPT.');
  });

  it('are worded in each language, a reason inside a reason included; server words stay as they came', () => {
    const waiting = reason('reason.waitingForServer', { host: 'smtp.example.test', port: 587, detail: reason('reason.cannotTalk', { detail: 'connect ECONNREFUSED' }) });
    expect(wordReason(waiting, en)).toBe('Waiting for smtp.example.test:587 to be reachable (Could not talk to the server: connect ECONNREFUSED.) No attempt is used while waiting.');
    expect(wordReason(waiting, fr)).toBe(
      'En attente de smtp.example.test:587 (Impossible de communiquer avec le serveur\u00a0: connect ECONNREFUSED.). Aucune tentative n’est comptée pendant l’attente.',
    );
    expect(wordReason(reason('reason.tooBig', { size: '12.0', limit: '10.0' }), ru)).toBe('Размер письма около 12.0 МБ; сервер принимает не больше 10.0 МБ.');
  });

  it('insert values literally and word nothing they do not know', () => {
    expect(wordReason(reason('reason.serverReplied', { reply: '550 $& {reply}' }), en)).toBe('The server replied 550 $& {reply}.');
    // A newer core's key, or one outside the reasons: the caller falls back to the English message.
    expect(wordReason({ key: 'reason.fromTheFuture' }, fr)).toBeNull();
    expect(wordReason({ key: 'compose.send' }, fr)).toBeNull();
  });
});
