/** The undo delay as typed, in Compose or in Settings: a whole number of seconds the core accepts. */
import { LIMITS } from '../../shared/model';

export function parseDelaySeconds(value: string): number | null {
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n <= LIMITS.delaySeconds ? n : null;
}
