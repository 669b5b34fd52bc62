import { describe, expect, it } from 'vitest';
import { credentialsToTry, fragmentWithoutToken } from './ws-transport';

describe('fragmentWithoutToken', () => {
  it('takes the spent token out of the address and keeps a mailto: link as written', () => {
    expect(fragmentWithoutToken('#token=abc')).toBe('');
    expect(fragmentWithoutToken('#token=abc&mailto=mailto%3Aada%40example.test')).toBe('#mailto=mailto%3Aada%40example.test');
    expect(fragmentWithoutToken('#token=abc&mailto=mailto:ada@example.test?subject=Hi&body=x')).toBe('#mailto=mailto:ada@example.test?subject=Hi&body=x');
    expect(fragmentWithoutToken('#mailto=mailto%3Aa%40b.test&token=abc')).toBe('#mailto=mailto%3Aa%40b.test');
  });
});

describe('credentialsToTry', () => {
  it('tries the tab’s session before a token, so a reload does not need the spent token', () => {
    expect(credentialsToTry('s1', 't1')).toEqual(['session=s1', 'token=t1']);
    expect(credentialsToTry(null, 't1')).toEqual(['token=t1']);
    expect(credentialsToTry('s1', null)).toEqual(['session=s1']);
    expect(credentialsToTry(null, null)).toEqual([]);
  });
});
