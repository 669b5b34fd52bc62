import { describe, expect, it } from 'vitest';
import { paramsText, rcptText, upsertMessages } from './sandbox-logic';
import { makeSandboxMessage } from './test-fixtures';

describe('upsertMessages', () => {
  it('sorts newest first and dedupes by id', () => {
    const list = upsertMessages([makeSandboxMessage({ id: 'a', receivedAt: 1 })], [makeSandboxMessage({ id: 'b', receivedAt: 2 }), makeSandboxMessage({ id: 'a', receivedAt: 1 })]);
    expect(list.map((m) => m.id)).toEqual(['b', 'a']);
  });
  it('returns the same array for nothing new', () => {
    const list = [makeSandboxMessage()];
    expect(upsertMessages(list, [])).toBe(list);
  });
});

describe('paramsText', () => {
  it('puts the DSN parameters first', () => {
    expect(paramsText({ SIZE: '120', ENVID: 'abc', RET: 'HDRS', BODY: '8BITMIME' })).toBe('RET=HDRS ENVID=abc BODY=8BITMIME SIZE=120');
  });
  it('shows flag parameters without =', () => {
    expect(paramsText({ SMTPUTF8: '' })).toBe('SMTPUTF8');
  });
  it('is empty for no parameters', () => {
    expect(paramsText({})).toBe('');
  });
});

describe('rcptText', () => {
  it('adds the recipient parameters in brackets', () => {
    expect(rcptText({ address: 'bob@x.test', params: { NOTIFY: 'SUCCESS,FAILURE' } })).toBe('bob@x.test (NOTIFY=SUCCESS,FAILURE)');
    expect(rcptText({ address: 'bob@x.test', params: {} })).toBe('bob@x.test');
  });
});
