/** Cause of one failed attempt at a request. */
export type RequestFailureKind =
  | 'http'
  | 'timeout'
  | 'network'
  /** The connection closed before the whole response body arrived. */
  | 'truncated'
  | 'tls'
  | 'parse'
  | 'redirect';

/**
 * A failed attempt, before the retry policy decides whether to try again.
 * The message never contains the API key: the key travels only in a header,
 * and headers are never copied into errors.
 */
export class RequestFailure extends Error {
  constructor(
    readonly kind: RequestFailureKind,
    readonly endpoint: string,
    message: string,
    readonly options: {
      status?: number;
      statusText?: string;
      /** The `message` field of the API's JSON error body, when it had one. */
      apiMessage?: string;
      retryable: boolean;
      /** Delay the server asked for with `Retry-After`, in ms. */
      retryAfterMs?: number;
      code?: string;
    },
  ) {
    super(message);
    // Keeps `instanceof` working when ts-node compiles this file to ES5,
    // which `j1-integration` does when run outside the project folder.
    Object.setPrototypeOf(this, RequestFailure.prototype);
    this.name = 'RequestFailure';
  }

  get retryable(): boolean {
    return this.options.retryable;
  }
}

/** Network error codes worth another attempt. */
const RETRYABLE_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ERR_STREAM_PREMATURE_CLOSE',
  'UND_ERR_SOCKET',
]);

/** OpenSSL and Node codes for a certificate the client does not trust. */
const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

export function isTlsErrorCode(code: string | undefined): boolean {
  return (
    code !== undefined && (TLS_CODES.has(code) || code.startsWith('ERR_SSL'))
  );
}

export function isRetryableNetworkCode(code: string | undefined): boolean {
  return code !== undefined && RETRYABLE_NETWORK_CODES.has(code);
}

/** Status codes worth another attempt: rate limiting and server faults. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}
