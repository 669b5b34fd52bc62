/**
 * Commands answer with a Result, but a transport can still throw (a closed
 * IPC channel, a bug). Settling turns that into an ordinary failure so every
 * caller has one error path.
 */
import type { Result } from '../../shared/errors';

export async function settle<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch (error) {
    return { ok: false, error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) } };
  }
}
