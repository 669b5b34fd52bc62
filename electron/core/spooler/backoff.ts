/**
 * When to try a deferred message again: exponential, with jitter so a queue
 * that failed together does not retry together, and a give-up age of days,
 * not minutes (RFC 5321 §4.5.4.1 suggests at least 4-5 days).
 */
export interface RetryPolicy {
  firstDelayMs: number;
  factor: number;
  maxDelayMs: number;
  /** ±fraction of the delay. */
  jitter: number;
  giveUpAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  firstDelayMs: 30_000,
  factor: 2,
  maxDelayMs: 60 * 60_000,
  jitter: 0.2,
  giveUpAfterMs: 4 * 24 * 60 * 60_000,
};

/** Delay before attempt `attempts + 1`, given `attempts` already made (≥ 1). */
export function retryDelay(policy: RetryPolicy, attempts: number, random: () => number = Math.random): number {
  const base = Math.min(policy.maxDelayMs, policy.firstDelayMs * policy.factor ** Math.max(0, attempts - 1));
  return Math.round(base * (1 + policy.jitter * (2 * random() - 1)));
}
