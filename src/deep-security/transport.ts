import * as http from 'http';

import { retry } from '@lifeomic/attempt';
import { IntegrationLogger } from '@jupiterone/integration-sdk-core';

import { buildApiKeyHeader } from '../config/apiKeyHeader';
import { DeepSecurityConnectionConfig } from '../config/resolveConfig';
import { createAgent } from './httpAgent';
import { RequestFailure } from './requestFailure';
import { RequestLimiter } from './requestLimiter';
import { DEFAULT_RETRY_POLICY, RetryPolicy } from './retryPolicy';
import { sendRequest } from './sendRequest';
import { toIntegrationError } from './toIntegrationError';

export interface TransportOptions {
  connection: DeepSecurityConnectionConfig;
  logger: IntegrationLogger;
  retryPolicy?: Partial<RetryPolicy>;
  /** Requests in flight at once across all steps. */
  maxConcurrentRequests?: number;
}

export interface TransportRequest {
  method: 'GET' | 'POST';
  /** Path below the base URL, starting with `/`, without a query string. */
  path: string;
  query?: Array<[string, string]>;
  body?: unknown;
  /** Console right named in the error when the API responds with 403. */
  requiredRight?: string;
  /** Entity types that a 403 leaves unread. */
  resourceTypes?: readonly string[];
  /**
   * Checks the parsed body and returns what is wrong with it, if anything.
   * A body that fails the check is retried like an unreadable one.
   */
  findBodyProblem?: (body: unknown) => string | undefined;
  /**
   * For list responses: the property that contains the records. The body then
   * comes back as a `BodyRecordList` when it is valid.
   */
  listProperty?: string;
  /** Fewer attempts than the retry policy allows, for calls that must fail fast. */
  maxAttempts?: number;
}

export interface TransportStats {
  requests: number;
  retries: number;
  bytesReceived: number;
}

/**
 * Sends Deep Security API requests with the key header, `api-version: v1`,
 * a timeout per attempt and bounded retries of rate limiting, server errors,
 * network faults and unreadable bodies.
 */
export class DeepSecurityTransport {
  readonly retryPolicy: RetryPolicy;
  private readonly agent: http.Agent;
  private readonly limiter: RequestLimiter;
  private readonly headers: Record<string, string>;
  private readonly stats: TransportStats = {
    requests: 0,
    retries: 0,
    bytesReceived: 0,
  };

  constructor(private readonly options: TransportOptions) {
    const { connection } = options;
    const maxConcurrentRequests = options.maxConcurrentRequests ?? 4;

    this.retryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retryPolicy };
    this.limiter = new RequestLimiter(maxConcurrentRequests);
    this.agent = createAgent({
      protocol: new URL(connection.baseUrl).protocol,
      caCertificate: connection.caCertificate,
      disableTlsVerification: connection.disableTlsVerification,
      maxSockets: maxConcurrentRequests,
    });
    this.headers = {
      ...buildApiKeyHeader(connection.apiKeyType, connection.apiKey),
      'api-version': 'v1',
      Accept: 'application/json',
    };
  }

  get baseUrl(): string {
    return this.options.connection.baseUrl;
  }

  getStats(): TransportStats {
    return { ...this.stats };
  }

  /**
   * Sends a request and returns its parsed JSON body, or a `BodyRecordList`
   * for a request with `listProperty`.
   */
  async request(request: TransportRequest): Promise<unknown> {
    const url = this.buildUrl(request);
    const endpoint = `${request.method} ${url}`;
    const body =
      request.body === undefined ? undefined : JSON.stringify(request.body);
    const headers =
      body === undefined
        ? this.headers
        : { ...this.headers, 'Content-Type': 'application/json' };

    const policy = this.retryPolicy;
    const maxAttempts = Math.min(
      request.maxAttempts ?? policy.maxAttempts,
      policy.maxAttempts,
    );
    const startedAt = Date.now();
    let nextDelayMs = policy.initialDelayMs;
    let attempts = 0;
    let timeLimitNote: string | undefined;

    try {
      return await retry(
        async () => {
          attempts++;
          await this.limiter.acquire();
          try {
            this.stats.requests++;
            const result = await sendRequest({
              method: request.method,
              url,
              endpoint,
              headers,
              body,
              agent: this.agent,
              listProperty: request.listProperty,
              // The last attempt gets only what is left of the total limit.
              timeoutMs: Math.max(
                1,
                Math.min(
                  policy.attemptTimeoutMs,
                  policy.totalTimeoutMs - (Date.now() - startedAt),
                ),
              ),
            });
            this.stats.bytesReceived += result.bytesReceived;

            const problem = request.findBodyProblem?.(result.body);
            if (problem) {
              throw new RequestFailure('parse', endpoint, problem, {
                status: 200,
                retryable: true,
              });
            }
            return result.body;
          } finally {
            this.limiter.release();
          }
        },
        {
          maxAttempts: maxAttempts,
          handleError: (err, context) => {
            if (!(err instanceof RequestFailure) || !err.retryable) {
              context.abort();
              return;
            }

            nextDelayMs = this.computeDelay(err, context.attemptNum);
            const elapsedMs = Date.now() - startedAt;
            if (elapsedMs + nextDelayMs >= policy.totalTimeoutMs) {
              timeLimitNote = `stopped retrying after ${elapsedMs} ms, because another wait of ${nextDelayMs} ms would exceed the limit of ${policy.totalTimeoutMs} ms for the whole request (totalTimeoutMs)`;
              context.abort();
              return;
            }

            if (err.options.status === 429) {
              this.limiter.pauseFor(nextDelayMs);
            }
            if (context.attemptsRemaining > 0) {
              this.stats.retries++;
              this.options.logger.warn(
                {
                  endpoint,
                  attempt: context.attemptNum + 1,
                  maxAttempts: maxAttempts,
                  failure: err.kind,
                  status: err.options.status,
                  delayMs: nextDelayMs,
                },
                `Deep Security request ${endpoint} failed: ${err.message.replace(
                  /\.+$/,
                  '',
                )}. Retrying in ${nextDelayMs} ms (attempt ${
                  context.attemptNum + 2
                } of ${maxAttempts}).`,
              );
            }
          },
          // attempt also calls this before the first attempt, which must
          // not wait.
          calculateDelay: (context) =>
            context.attemptNum === 0 ? 0 : nextDelayMs,
        },
      );
    } catch (err) {
      throw toIntegrationError(withTimeLimitNote(err, timeLimitNote), {
        endpoint,
        attempts,
        requiredRight: request.requiredRight,
        resourceTypes: request.resourceTypes
          ? [...request.resourceTypes]
          : undefined,
      });
    }
  }

  /** Exponential backoff with jitter, or the server's `Retry-After` up to a cap. */
  private computeDelay(failure: RequestFailure, attemptNum: number): number {
    const policy = this.retryPolicy;
    if (failure.options.retryAfterMs !== undefined) {
      return Math.min(failure.options.retryAfterMs, policy.retryAfterCapMs);
    }
    const backoff = Math.min(
      policy.initialDelayMs * Math.pow(policy.factor, attemptNum),
      policy.maxDelayMs,
    );
    return Math.round(backoff / 2 + (Math.random() * backoff) / 2);
  }

  private buildUrl(request: TransportRequest): string {
    const query = new URLSearchParams(request.query ?? []).toString();
    return `${this.baseUrl}${request.path}${query ? `?${query}` : ''}`;
  }

  /** Closes idle keep-alive sockets so that the process can exit. */
  destroy(): void {
    this.agent.destroy();
  }
}

/** Adds why retrying stopped early to the last failure's message. */
function withTimeLimitNote(err: unknown, note: string | undefined): unknown {
  if (note === undefined || !(err instanceof RequestFailure)) {
    return err;
  }
  return new RequestFailure(
    err.kind,
    err.endpoint,
    `${err.message.replace(/\.+$/, '')}; ${note}`,
    err.options,
  );
}
