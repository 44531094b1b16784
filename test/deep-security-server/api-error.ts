/**
 * An error the API reports to the client as `{"message": …}` with an HTTP
 * status, for example 400 for an invalid search filter.
 */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}
