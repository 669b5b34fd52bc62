/**
 * `?bench=outbox10k`: the renderer starts on an in-memory API holding 10,000
 * outbox items instead of the core, so e2e/perf/outbox-10k.ts can measure the
 * list in Chromium. Only the browser host's page can ask for it: in Electron
 * (window.mail, from the preload) or from a file: URL the flag is ignored.
 */
export type BenchMode = 'outbox10k';

export function benchMode(location: Pick<Location, 'search' | 'protocol'>, hasPreloadApi: boolean): BenchMode | null {
  if (hasPreloadApi || location.protocol === 'file:') return null;
  return new URLSearchParams(location.search).get('bench') === 'outbox10k' ? 'outbox10k' : null;
}
