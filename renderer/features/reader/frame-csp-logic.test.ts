import { describe, expect, it } from 'vitest';
import { FRAME_SANDBOX, frameCsp } from './frame-csp-logic';

const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name as string, values]));

describe('frameCsp', () => {
  it('allows nothing by default, and images only from inline data and the app’s blobs', () => {
    const csp = directives(frameCsp({ remoteImages: false }));
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('img-src')).toEqual(['data:', 'blob:']);
    for (const name of ['script-src', 'style-src', 'font-src', 'object-src', 'frame-src', 'connect-src', 'media-src', 'form-action', 'base-uri'])
      expect(csp.get(name), name).toEqual(["'none'"]);
  });
  it('opens images (and only images) to the network once the user allowed them', () => {
    const allowed = directives(frameCsp({ remoteImages: true }));
    expect(allowed.get('img-src')).toEqual(['data:', 'blob:', 'https:', 'http:']);
    expect(allowed.get('script-src')).toEqual(["'none'"]);
    expect(allowed.get('connect-src')).toEqual(["'none'"]);
  });
  it('never lets a frame grant itself the app’s origin, or include self', () => {
    for (const remoteImages of [false, true]) expect(frameCsp({ remoteImages })).not.toMatch(/'self'|unsafe/);
  });
  it('sandboxes without scripts, forms, popups or navigation', () => {
    expect(FRAME_SANDBOX.split(' ')).toEqual(['allow-same-origin']);
  });
});
