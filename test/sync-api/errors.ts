/**
 * Error that the stand-in returns to the client as
 * `{"error":{"code":…,"message":…}}` with the given HTTP status.
 */
export class SyncApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
    this.name = 'SyncApiError';
  }
}
