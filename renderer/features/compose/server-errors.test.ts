import { describe, expect, it } from 'vitest';
import { fieldErrorsFromDetail } from './server-errors';

describe('fieldErrorsFromDetail', () => {
  it('maps the core’s invalid entries onto To and Cc', () => {
    expect(
      fieldErrorsFromDetail({
        invalid: [
          { field: 'cc', input: 'a@', reason: 'missing the domain after @' },
          { field: 'to', input: 'b', reason: 'missing @' },
        ],
      }),
    ).toEqual({
      errors: { to: 'Invalid address "b": missing @', cc: 'Invalid address "a@": missing the domain after @' },
      first: 'to',
    });
  });
  it('marks Bcc too, in the user’s language when the reason is known', () => {
    expect(fieldErrorsFromDetail({ invalid: [{ field: 'bcc', input: 'eve', reason: 'missing @' }] })).toEqual({
      errors: { bcc: 'Invalid address "eve": missing @' },
      first: 'bcc',
    });
  });
  it('ignores anything it does not understand', () => {
    expect(fieldErrorsFromDetail(undefined)).toBeNull();
    expect(fieldErrorsFromDetail({ invalid: [] })).toBeNull();
    expect(fieldErrorsFromDetail({ invalid: [{ field: 'from', input: 'x', reason: 'y' }, 'junk', null] })).toBeNull();
  });
});
