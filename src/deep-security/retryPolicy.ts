/** How often and how long a request is retried. All times are in ms. */
export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  /** Backoff before the second attempt; later ones multiply by `factor`. */
  initialDelayMs: number;
  factor: number;
  maxDelayMs: number;
  /** Upper bound on a wait that the server asks for with `Retry-After`. */
  retryAfterCapMs: number;
  /** Limit on one attempt, from sending the request to the last body byte. */
  attemptTimeoutMs: number;
  /** Limit on one request with all its attempts and waits. */
  totalTimeoutMs: number;
}

/**
 * Defaults for real deployments. Deep Security counts calls over the last
 * 60 seconds and rejects all of them while over a limit, so a 429 is worth
 * waiting up to a minute for.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  initialDelayMs: 1_000,
  factor: 2,
  maxDelayMs: 30_000,
  retryAfterCapMs: 60_000,
  attemptTimeoutMs: 120_000,
  totalTimeoutMs: 10 * 60_000,
};
