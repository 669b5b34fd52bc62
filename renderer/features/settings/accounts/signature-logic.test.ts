import { describe, expect, it } from 'vitest';
import { signatureFrom } from './account-form-logic';

describe('the signature an account keeps', () => {
  it('keeps formatting as written, gives plain text paragraphs, and is none without text', () => {
    expect(signatureFrom({ text: 'Ann\nLighthouse Co.', html: '<p><strong>Ann</strong></p><p>Lighthouse Co.</p>' })).toEqual({
      text: 'Ann\nLighthouse Co.',
      html: '<p><strong>Ann</strong></p><p>Lighthouse Co.</p>',
    });
    expect(signatureFrom({ text: 'Ann <ann@x>\r\n', html: '' })).toEqual({ text: 'Ann <ann@x>', html: '<p>Ann &lt;ann@x&gt;</p>' });
    expect(signatureFrom({ text: '  \n ', html: '<p></p>' })).toBeNull();
    expect(signatureFrom(undefined)).toBeNull();
  });
});
