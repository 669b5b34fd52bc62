import { describe, expect, it } from 'vitest';
import { makeEntry } from '../../store/test-fixtures';
import { directionMark, directionName, lineText, replyClass } from './format';

describe('directionMark', () => {
  it('marks client and server lines', () => {
    expect(directionMark('client')).toBe('C:');
    expect(directionMark('server')).toBe('S:');
    expect(directionName('server')).toBe('Server');
  });
});

describe('lineText', () => {
  it('keeps a full reply line as it is', () => {
    expect(lineText(makeEntry({ code: 250, enhanced: '2.0.0', text: '250 2.0.0 Ok: queued as ABC' }))).toBe('250 2.0.0 Ok: queued as ABC');
  });
  it('puts back a code stored apart from the text', () => {
    expect(lineText(makeEntry({ code: 250, enhanced: '2.0.0', text: 'Ok: queued as ABC' }))).toBe('250 2.0.0 Ok: queued as ABC');
    expect(lineText(makeEntry({ code: 354, text: 'End data with <CR><LF>.<CR><LF>' }))).toBe('354 End data with <CR><LF>.<CR><LF>');
  });
  it('leaves client lines alone', () => {
    expect(lineText(makeEntry({ direction: 'client', code: 250, text: 'EHLO me' }))).toBe('EHLO me');
  });
});

describe('replyClass', () => {
  it('classifies server replies', () => {
    expect(replyClass(makeEntry({ code: 250 }))).toBe('ok');
    expect(replyClass(makeEntry({ code: 451 }))).toBe('transient');
    expect(replyClass(makeEntry({ code: 550 }))).toBe('permanent');
    expect(replyClass(makeEntry({ direction: 'client', code: undefined }))).toBeNull();
  });
});
