import { describe, expect, it } from 'vitest';
import { draftRecipientsText } from './format';

describe('draftRecipientsText', () => {
  it('joins the fields that hold something', () => {
    expect(draftRecipientsText({ to: 'a@x.test, b@x.test', cc: ' ', bcc: 'c@x.test' })).toBe('a@x.test, b@x.test, c@x.test');
  });
  it('says when there is no recipient yet', () => {
    expect(draftRecipientsText({ to: '', cc: '', bcc: '' })).toBe('No recipients yet');
  });
});
