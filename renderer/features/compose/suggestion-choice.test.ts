import { describe, expect, it } from 'vitest';
import { suggestionToTake } from './suggestion-choice';

describe('suggestionToTake', () => {
  it('takes the only suggestion when what was typed is not an address by itself', () => {
    expect(suggestionToTake(['grace@example.test'], -1, false)).toBe('grace@example.test');
  });
  it('takes the highlighted suggestion, whichever it is', () => {
    expect(suggestionToTake(['a@x.test', 'b@x.test'], 1, false)).toBe('b@x.test');
    expect(suggestionToTake(['a@x.test'], 0, true)).toBe('a@x.test');
  });
  it('keeps a complete address typed by hand, even with one suggestion shown', () => {
    expect(suggestionToTake(['grace@example.test'], -1, true)).toBeUndefined();
  });
  it('does not guess between several suggestions nobody highlighted', () => {
    expect(suggestionToTake(['a@x.test', 'b@x.test'], -1, false)).toBeUndefined();
    expect(suggestionToTake([], -1, false)).toBeUndefined();
  });
});
