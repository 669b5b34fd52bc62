/** A size as a reason value, in the unit that fits it, so no one reads "0.0 MB" for a small message. */
import type { Reason } from '../errors';
import { reason } from './reason';

export function sizeReason(octets: number): Reason {
  if (octets < 1024) return reason('reason.sizeBytes', { n: String(octets) });
  if (octets < 1024 * 1024) return reason('reason.sizeKB', { n: (octets / 1024).toFixed(1) });
  return reason('reason.sizeMB', { n: (octets / 1024 / 1024).toFixed(1) });
}
