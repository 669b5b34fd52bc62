/**
 * Fetches one autoconfig document with the limits a lookup the user waits for
 * needs: a short deadline for the whole answer, a size cap (the stream is cut
 * past it), and no redirects. A redirect is refused rather than followed: the
 * answer decides where the user's password is sent, so it must come from the
 * address we asked, not from wherever that address points.
 */
export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { timeoutMs: 6_000, maxBytes: 64 * 1024 };

export type FetchOutcome =
  | { ok: true; text: string }
  | { ok: false; why: 'status' | 'redirect' | 'too-large' | 'timeout' | 'network' };

export async function fetchBounded(url: URL, limits: FetchLimits = DEFAULT_FETCH_LIMITS): Promise<FetchOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    const response = await fetch(url, {
      redirect: 'manual',
      signal: controller.signal,
      headers: { accept: 'application/xml, text/xml;q=0.9' },
      credentials: 'omit',
    });
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, why: 'redirect' };
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, why: 'status' };
    }
    const declared = Number(response.headers.get('content-length'));
    if (declared > limits.maxBytes) {
      await response.body.cancel().catch(() => undefined);
      return { ok: false, why: 'too-large' };
    }
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limits.maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, why: 'too-large' };
      }
      chunks.push(value);
    }
    return { ok: true, text: new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks)) };
  } catch {
    return { ok: false, why: controller.signal.aborted ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
  }
}
