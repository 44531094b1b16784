/**
 * Limits the requests in flight and delays every request while the API
 * is rate limiting. One limiter is shared by all steps of a run, because the
 * Deep Security rate limits count calls per API key and per tenant.
 */
export class RequestLimiter {
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];
  private pausedUntil = 0;

  constructor(private readonly maxConcurrentRequests: number) {}

  /** Waits for a free slot and for any rate-limit pause to end. */
  async acquire(): Promise<void> {
    if (this.inFlight >= this.maxConcurrentRequests) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.inFlight++;
    }

    const pause = this.pausedUntil - Date.now();
    if (pause > 0) {
      await sleep(pause);
    }
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) {
      // The slot passes straight to the next waiter, so `inFlight` stays.
      next();
    } else {
      this.inFlight--;
    }
  }

  /** Pauses every request, including other steps', for `delayMs`. */
  pauseFor(delayMs: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + delayMs);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
