/**
 * The Content-Security-Policy of the frame that shows a sender's HTML. A
 * srcdoc frame inherits the app's own CSP too, and the two add up: a load
 * happens only when both allow it. So the app's CSP lets images come from
 * http(s) (index.html, the browser host's header), and this policy is the one
 * that decides: inline data and our blob: URLs always, the network only once
 * the user has said "Load images" for this message or its sender. Nothing
 * else may load at all: no scripts, styles, fonts, frames, media, forms.
 */
export function frameCsp({ remoteImages }: { remoteImages: boolean }): string {
  return [
    "default-src 'none'",
    `img-src data: blob:${remoteImages ? ' https: http:' : ''}`,
    "style-src 'none'",
    "font-src 'none'",
    "script-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "child-src 'none'",
    "media-src 'none'",
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** The sandbox flags: same origin (so the app can style the frame and catch link clicks), and nothing else — no scripts, forms, popups, top navigation, downloads. */
export const FRAME_SANDBOX = 'allow-same-origin';
