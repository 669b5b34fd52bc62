import { describe, expect, it } from 'vitest';
import { makeAccount, makeStatus } from './test-fixtures';
import { accountText, activityText, onlineText, phaseText, recoveryProgressText, unreachableLines } from './status-logic';

describe('phaseText', () => {
  it('says Connecting before the first status', () => {
    expect(phaseText(null)).toBe('Connecting…');
  });
  it('says Ready when ready', () => {
    expect(phaseText(makeStatus())).toBe('Ready');
  });
  it('counts the messages being recovered', () => {
    const recovering = makeStatus({ phase: 'recovering', recovery: { total: 3, done: 1 } });
    expect(phaseText(recovering)).toBe('Recovering 3 messages');
    expect(recoveryProgressText(recovering)).toBe('(1 of 3 done)');
    expect(phaseText(makeStatus({ phase: 'recovering', recovery: { total: 1, done: 0 } }))).toBe('Recovering 1 message');
  });
  it('shows no progress when not recovering', () => {
    expect(recoveryProgressText(makeStatus())).toBeNull();
  });
});

describe('onlineText', () => {
  it('maps the flag to a word', () => {
    expect(onlineText(makeStatus({ online: true }))).toBe('Online');
    expect(onlineText(makeStatus({ online: false }))).toBe('Offline — messages wait and are sent when the server can be reached');
    expect(onlineText(null)).toBeNull();
  });
});

describe('accountText', () => {
  it('names the sandbox plainly', () => {
    expect(accountText([makeAccount({ sandbox: true })])).toBe('Local sandbox');
  });
  it('shows the sender of a real account', () => {
    expect(accountText([makeAccount()])).toBe('Sending as Ann Lee <ann@example.test>');
  });
  it('uses the default account: the one chosen in Settings, else the first real one', () => {
    expect(accountText([makeAccount({ sandbox: true }), makeAccount()])).toBe('Sending as Ann Lee <ann@example.test>');
    expect(accountText([makeAccount({ id: 'local-sandbox', sandbox: true }), makeAccount()], 'local-sandbox')).toBe('Local sandbox');
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

describe('unreachableLines', () => {
  const work = makeAccount({ id: 'account-work', name: 'Work' });
  const home = makeAccount({ id: 'account-home', name: 'Home' });
  const down = { accountId: 'account-work', host: 'smtp.work.test', port: 2525, failedProbes: 1, persistent: false };

  it('names the account whose server is down, and its server, while the app stays online', () => {
    const status = makeStatus({ online: true, unreachable: [down] });
    expect(onlineText(status)).toBe('Online');
    const lines = unreachableLines(status, [work, home]);
    expect(lines).toEqual([{ accountId: 'account-work', persistent: false, text: expect.stringContaining('Work') }]);
    expect(lines[0]?.text).toContain('smtp.work.test:2525');
    expect(lines[0]?.text).not.toContain('Home');
  });

  it('after a few failed probes says plainly that the settings need fixing', () => {
    const [line] = unreachableLines(makeStatus({ unreachable: [{ ...down, failedProbes: 3, persistent: true }] }), [work]);
    expect(line?.persistent).toBe(true);
    expect(line?.text).toContain('Settings');
    expect(line?.text).not.toBe(unreachableLines(makeStatus({ unreachable: [down] }), [work])[0]?.text);
  });

  it('says nothing when every server answers, or for a status from before the field existed', () => {
    expect(unreachableLines(makeStatus({ unreachable: [] }), [work])).toEqual([]);
    expect(unreachableLines(makeStatus(), [work])).toEqual([]);
    expect(unreachableLines(null, null)).toEqual([]);
  });
});
