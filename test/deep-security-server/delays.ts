/**
 * Timers for the per-request latency that the server can cancel together
 * when it closes, so no timer outlives the server.
 */
export class Delays {
  private readonly pending = new Map<NodeJS.Timeout, () => void>();
  private cancelled = false;

  /** Resolves true after `ms` milliseconds, or false if cancelAll runs first. */
  wait(ms: number): Promise<boolean> {
    if (this.cancelled) {
      return Promise.resolve(false);
    }
    if (ms <= 0) {
      return Promise.resolve(true);
    }

    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        resolve(true);
      }, ms);
      this.pending.set(timer, () => resolve(false));
    });
  }

  /** Clears every pending timer and makes later waits resolve false at once. */
  cancelAll(): void {
    this.cancelled = true;
    for (const [timer, cancel] of this.pending) {
      clearTimeout(timer);
      cancel();
    }
    this.pending.clear();
  }
}
