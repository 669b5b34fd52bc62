/** Reads until `ok` holds (the real servers answer in their own time), or fails naming what it last read. */
export async function waitFor<T>(read: () => Promise<T> | T, ok: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > until) throw new Error(`not reached within ${timeoutMs} ms: ${JSON.stringify(value).slice(0, 600)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
