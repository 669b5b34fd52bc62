/**
 * `?bench=outbox10k`: the renderer starts on an in-memory API holding 10,000
 * outbox items instead of the core, so e2e/perf/outbox-10k.ts can measure the
 * list in Chromium. Only the browser host's page can ask for it: in Electron
 * (window.mail, from the preload) or from a file: URL the flag is ignored.
 * `?bench=reader`: the reading window on fake mail (app/fake-mail.ts), to
 * look at and measure it before the IMAP core is there; `?bench=reader100k`: the same with an Inbox of
 * 100,000 messages, for e2e/perf (first rows, long tasks while scrolling).
 */
export type BenchMode = 'outbox10k' | 'reader' | 'reader100k';

export function benchMode(location: Pick<Location, 'search' | 'protocol'>, hasPreloadApi: boolean): BenchMode | null {
  if (hasPreloadApi || location.protocol === 'file:') return null;
  const flag = new URLSearchParams(location.search).get('bench');
  return flag === 'outbox10k' || flag === 'reader' || flag === 'reader100k' ? flag : null;
}
