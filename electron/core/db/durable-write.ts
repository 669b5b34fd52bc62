/**
 * A write that is reported done only when it reached the disk. If a COMMIT
 * failed while it ran (see commit-guard.ts), `confirm` reads the store again:
 * the write counts only if it is really there.
 */
import { failedCommitCount, lastCommitFailure } from './commit-guard';
import { isStorageError, storageFailure } from './storage-error';

export async function durableWrite<T>(write: () => Promise<T>, confirm: (result: T) => Promise<boolean>): Promise<T> {
  const before = failedCommitCount();
  let result: T;
  try {
    result = await write();
  } catch (error) {
    if (isStorageError(error)) throw storageFailure(error);
    throw error;
  }
  if (failedCommitCount() !== before && !(await confirm(result).catch(() => false))) {
    throw storageFailure(lastCommitFailure());
  }
  return result;
}
