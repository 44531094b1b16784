import * as http from 'http';
import fetch, { Response } from 'node-fetch';

import {
  isRetryableNetworkCode,
  isRetryableStatus,
  isTlsErrorCode,
  RequestFailure,
} from './requestFailure';
import { scanJson } from './jsonScan';
import { BodyRecordList } from './recordList';
import { ResponseProgress, watchResponses } from './responseWatch';
import { parseRetryAfter } from './retryAfter';
import { readTlsReason } from './tlsReason';
import { isRecord } from '../util/isRecord';

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  /** The method and URL as errors and logs show them. */
  endpoint: string;
  headers: Record<string, string>;
  body?: string;
  agent: http.Agent;
  timeoutMs: number;
  /**
   * For list responses: the property of the top-level object that contains the
   * records. A valid body with that array is returned as a
   * `BodyRecordList`, whose records are parsed one at a time.
   */
  listProperty?: string;
}

export interface HttpResult {
  /** The parsed JSON body, or a `BodyRecordList` for a list response. */
  body: unknown;
  bytesReceived: number;
}

/** Reason for which sendRequest aborted an attempt itself. */
type StopReason = 'timeout' | 'cut-short';

/** Characters of a non-JSON body quoted in the error, enough for a page title. */
const MAX_QUOTED_BODY = 100;

/** Redirects followed within the same origin before giving up. */
const MAX_REDIRECTS = 5;

/**
 * Sends one attempt of a request and parses its JSON body. Every failure is
 * a `RequestFailure` that states whether another attempt may help.
 *
 * Redirects are followed only within the same scheme, host and port, because
 * the API key header would otherwise go to another server.
 */
export async function sendRequest(request: HttpRequest): Promise<HttpResult> {
  const controller = new AbortController();
  let stopReason: StopReason | undefined;
  const stop = (reason: StopReason) => {
    if (stopReason === undefined) {
      stopReason = reason;
      controller.abort();
    }
  };
  const timer = setTimeout(() => stop('timeout'), request.timeoutMs);
  const watched = watchResponses(request.agent, () => stop('cut-short'));

  try {
    let url = request.url;
    for (let hops = 0; ; hops++) {
      const response = await fetch(url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        agent: watched.agent,
        redirect: 'manual',
        signal: controller.signal,
      });

      if (isRedirect(response.status)) {
        url = resolveRedirect(request, url, response, hops);
        response.body.resume();
        continue;
      }

      return await readResponse(request, response);
    }
  } catch (err) {
    throw classifyError(request, err, stopReason, watched.progress);
  } finally {
    clearTimeout(timer);
  }
}

function isRedirect(status: number): boolean {
  return status >= 300 && status < 400 && status !== 304;
}

function resolveRedirect(
  request: HttpRequest,
  currentUrl: string,
  response: Response,
  hops: number,
): string {
  const location = response.headers.get('location');
  if (!location) {
    throw new RequestFailure(
      'redirect',
      request.endpoint,
      `the server answered ${response.status} without a Location header`,
      { status: response.status, retryable: false },
    );
  }

  const from = new URL(currentUrl);
  const to = new URL(location, currentUrl);
  if (to.origin !== from.origin) {
    throw new RequestFailure(
      'redirect',
      request.endpoint,
      `the server redirected to ${to.href} (status ${response.status}), another origin. The API key is sent only to ${from.origin}; set apiUrl to the manager's real API address instead.`,
      { status: response.status, retryable: false },
    );
  }

  const keepsMethod = response.status === 307 || response.status === 308;
  if (request.method !== 'GET' && !keepsMethod) {
    throw new RequestFailure(
      'redirect',
      request.endpoint,
      `the server answered ${response.status} with Location ${to.href}, which would turn the ${request.method} into a GET. Set apiUrl to the address the manager redirects to.`,
      { status: response.status, retryable: false },
    );
  }

  if (hops + 1 >= MAX_REDIRECTS) {
    throw new RequestFailure(
      'redirect',
      request.endpoint,
      `more than ${MAX_REDIRECTS} redirects, the last to ${to.href}`,
      { status: response.status, retryable: false },
    );
  }
  return to.href;
}

async function readResponse(
  request: HttpRequest,
  response: Response,
): Promise<HttpResult> {
  const buffer = await response.buffer();

  if (!response.ok) {
    const apiMessage = readApiMessage(buffer.toString('utf8'));
    throw new RequestFailure(
      'http',
      request.endpoint,
      `${response.status} ${response.statusText}${
        apiMessage ? `: ${apiMessage}` : ''
      }`,
      {
        status: response.status,
        statusText: response.statusText,
        apiMessage,
        retryable: isRetryableStatus(response.status),
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
      },
    );
  }

  let errorAt: number | undefined;
  if (request.listProperty !== undefined) {
    const scan = scanJson(buffer, request.listProperty);
    if (scan.errorAt === undefined && scan.records !== undefined) {
      return {
        body: new BodyRecordList(buffer, scan.records),
        bytesReceived: buffer.length,
      };
    }
    errorAt = scan.errorAt;
  }
  return {
    body: parseJsonBody(request, response, buffer, errorAt),
    bytesReceived: buffer.length,
  };
}

function parseJsonBody(
  request: HttpRequest,
  response: Response,
  buffer: Buffer,
  /** The byte of the first syntax error, when a scan already found it. */
  knownErrorAt?: number,
): unknown {
  const text = buffer.toString('utf8');
  const contentType = response.headers.get('content-type') ?? '';
  if (text.trim() === '') {
    throw new RequestFailure(
      'parse',
      request.endpoint,
      `the server answered ${response.status} with an empty body instead of JSON`,
      { status: response.status, retryable: true },
    );
  }

  try {
    return JSON.parse(text);
  } catch {
    // Bytes, as a proxy log or a hex dump would count them.
    const byte = knownErrorAt ?? scanJson(buffer).errorAt ?? buffer.length;
    const location = `parse error at byte ${byte} of ${buffer.length}`;

    if (contentType.includes('json')) {
      const found =
        byte < buffer.length
          ? `unexpected ${JSON.stringify(characterAt(buffer, byte))}`
          : 'the body ends too early';
      throw new RequestFailure(
        'parse',
        request.endpoint,
        `the server answered ${response.status} with invalid JSON (${location}: ${found})`,
        { status: response.status, retryable: true },
      );
    }
    throw new RequestFailure(
      'parse',
      request.endpoint,
      `the server answered ${response.status} with ${
        contentType ? `a ${contentType} body` : 'a body without content type'
      } instead of JSON (${location}). The body starts with ${quoteStart(
        text,
      )}; a proxy or sign-in page may be answering instead of the API.`,
      { status: response.status, retryable: true },
    );
  }
}

/** Decodes the character whose UTF-8 encoding starts at `byte`. */
function characterAt(buffer: Buffer, byte: number): string {
  const decoded = buffer.toString('utf8', byte, byte + 4);
  return String.fromCodePoint(decoded.codePointAt(0) ?? 0xfffd);
}

/** Quotes the start of a body on one line. */
function quoteStart(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(
    line.length > MAX_QUOTED_BODY ? `${line.slice(0, MAX_QUOTED_BODY)}…` : line,
  );
}

/** Reads `message` from a Deep Security error body, which may not be JSON. */
function readApiMessage(text: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: an error page from a proxy, for example.
    return undefined;
  }
  return hasMessage(parsed) ? parsed.message.slice(0, 500) : undefined;
}

function hasMessage(value: unknown): value is { message: string } {
  return isRecord(value) && typeof value.message === 'string';
}

function classifyError(
  request: HttpRequest,
  err: unknown,
  stopReason: StopReason | undefined,
  progress: ResponseProgress,
): RequestFailure {
  if (err instanceof RequestFailure) {
    return err;
  }

  const error = err instanceof Error ? err : new Error(String(err));
  const code = readErrorCode(error);
  const host = new URL(request.url).host;

  if (stopReason === 'cut-short') {
    return new RequestFailure(
      'truncated',
      request.endpoint,
      `the connection closed after ${describeBodyProgress(progress)} of the ${
        progress.status
      } response had arrived`,
      { retryable: true },
    );
  }

  if (stopReason === 'timeout' || error.name === 'AbortError') {
    const detail =
      progress.status === undefined
        ? 'no status line or headers arrived'
        : `the headers (status ${
            progress.status
          }) arrived, then the body stalled after ${describeBodyProgress(
            progress,
          )}`;
    return new RequestFailure(
      'timeout',
      request.endpoint,
      `no complete response from ${host} within ${request.timeoutMs} ms: ${detail}`,
      { retryable: true, code: 'ETIMEDOUT' },
    );
  }

  if (isTlsErrorCode(code)) {
    return new RequestFailure(
      'tls',
      request.endpoint,
      `TLS connection to ${host} failed: ${code} (${readTlsReason(
        error.message,
      )})`,
      { retryable: false, code },
    );
  }

  if (code === 'ENOTFOUND') {
    return new RequestFailure(
      'network',
      request.endpoint,
      `the host name ${
        new URL(request.url).hostname
      } could not be resolved (ENOTFOUND). Check apiUrl or region.`,
      { retryable: false, code },
    );
  }

  return new RequestFailure(
    'network',
    request.endpoint,
    `network error talking to ${host}: ${code ?? error.name} (${
      error.message
    })`,
    { retryable: code === undefined || isRetryableNetworkCode(code), code },
  );
}

function describeBodyProgress(progress: ResponseProgress): string {
  return progress.contentLength === undefined
    ? `${progress.bodyBytes} body bytes (no Content-Length)`
    : `${progress.bodyBytes} of ${progress.contentLength} body bytes`;
}

function readErrorCode(error: Error): string | undefined {
  const withCode = error as Error & { code?: unknown; errno?: unknown };
  if (typeof withCode.code === 'string') {
    return withCode.code;
  }
  return typeof withCode.errno === 'string' ? withCode.errno : undefined;
}
