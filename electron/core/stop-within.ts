/**
 * Waiting for a part that talks to a server to stop, but not for ever: a server that never answers
 * must not keep the app from quitting. What such a part was doing is durable already or done again
 * at the next start, so closing goes on and says which part it left behind.
 */
export const STOP_WITHIN_MS = 15_000;

export async function stopWithin(name: string, stopping: Promise<unknown>, log: { error(message: string): void }, ms: number): Promise<'stopped' | 'left'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'left'>((resolve) => (timer = setTimeout(() => resolve('left'), ms)));
  const outcome = await Promise.race([stopping.then(() => 'stopped' as const, () => 'stopped' as const), late]).finally(() => clearTimeout(timer));
  if (outcome === 'left') log.error(`close: ${name} still stopping after ${ms} ms; closing without waiting for it`);
  return outcome;
}
