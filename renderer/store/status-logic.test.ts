import { describe, expect, it } from 'vitest';
import type { AppStatus } from '../../shared/model';
import { makeAccount } from './test-fixtures';
import { accountText, activityText, onlineText, phaseText, recoveryProgressText } from './status-logic';

const status = (overrides: Partial<AppStatus> = {}): AppStatus => ({
  phase: 'ready',
  recovery: { total: 0, done: 0 },
  online: true,
  host: 'browser',
  version: '0.1.0',
  ...overrides,
});

const account = makeAccount;

describe('phaseText', () => {
  it('says Connecting before the first status', () => {
    expect(phaseText(null)).toBe('Connecting…');
  });
  it('says Ready when ready', () => {
    expect(phaseText(status())).toBe('Ready');
  });
  it('counts the messages being recovered', () => {
    const recovering = status({ phase: 'recovering', recovery: { total: 3, done: 1 } });
    expect(phaseText(recovering)).toBe('Recovering 3 messages');
    expect(recoveryProgressText(recovering)).toBe('(1 of 3 done)');
    expect(phaseText(status({ phase: 'recovering', recovery: { total: 1, done: 0 } }))).toBe('Recovering 1 message');
  });
  it('shows no progress when not recovering', () => {
    expect(recoveryProgressText(status())).toBeNull();
  });
});

describe('onlineText', () => {
  it('maps the flag to a word', () => {
    expect(onlineText(status({ online: true }))).toBe('Online');
    expect(onlineText(status({ online: false }))).toBe('Offline — messages wait and are sent when the server can be reached');
    expect(onlineText(null)).toBeNull();
  });
});

describe('accountText', () => {
  it('names the sandbox plainly', () => {
    expect(accountText([account({ sandbox: true })])).toBe('Local sandbox');
  });
  it('shows the sender of a real account', () => {
    expect(accountText([account()])).toBe('Sending as Ann Lee <ann@example.test>');
  });
  it('uses the default account: the one chosen in Settings, else the first real one', () => {
    expect(accountText([account({ sandbox: true }), account()])).toBe('Sending as Ann Lee <ann@example.test>');
    expect(accountText([account({ id: 'local-sandbox', sandbox: true }), account()], 'local-sandbox')).toBe('Local sandbox');
  });
  it('says when there is no account', () => {
    expect(accountText([])).toBe('No account set up');
    expect(accountText(null)).toBeNull();
  });
});

describe('activityText', () => {
  it('says how many are being sent', () => {
    expect(activityText({ sending: 2, queued: 5, deferred: 1 })).toBe('Sending 2…');
  });
  it('counts the waiting ones otherwise', () => {
    expect(activityText({ sending: 0, queued: 1, deferred: 0 })).toBe('1 waiting');
    expect(activityText({ sending: 0, queued: 2, deferred: 3 })).toBe('5 waiting');
  });
  it('says when there is nothing to send', () => {
    expect(activityText({ sending: 0, queued: 0, deferred: 0 })).toBe('Nothing to send');
  });
});
