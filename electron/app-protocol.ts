/**
 * The Electron window loads the UI from app://outbox/ rather than file:, so
 * the page has a real origin of its own, file: keeps no extra powers (see the
 * GrantFileProtocolExtraPrivileges fuse), and the CSP arrives as a response
 * header. Only files inside the built renderer folder are served.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'outbox';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** The window talks to the core over IPC only: no network for scripts at all, beyond its own files. */
export const ELECTRON_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // A message's frame inherits this and narrows it with its own policy: blob: for its inline (cid:) images,
  // and remote images only once the user allowed them for that message or sender (renderer/features/reader).
  "img-src 'self' data: blob: https: http:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

const refuse = (status: number) => new Response(null, { status, headers: { 'content-security-policy': ELECTRON_CSP } });

/** Answers one app: request from the renderer folder `root`. */
export async function serveApp(request: Request, root: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
  let url: URL;
  let pathname: string;
  try {
    url = new URL(request.url);
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return refuse(400);
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refuse(404);
  const base = normalize(root + sep);
  const file = normalize(join(base, pathname === '/' ? 'index.html' : pathname));
  // An encoded ../ or a NUL survives URL parsing; the resolved path must still lie inside the renderer folder.
  if (!file.startsWith(base) || pathname.includes('\0') || pathname.includes('\\')) return refuse(403);
  try {
    if (!(await stat(file)).isFile()) return refuse(404);
    const body = request.method === 'HEAD' ? null : await readFile(file);
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': ELECTRON_CSP,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
    });
  } catch {
    return refuse(404);
  }
}
