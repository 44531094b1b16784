/**
 * Checks of request headers and bodies that come before an operation runs:
 * API key, api-version, and the Content-Type and JSON of a search body.
 */

import { createHash, timingSafeEqual } from 'crypto';
import { IncomingHttpHeaders } from 'http';

import { ApiError } from './api-error';
import { RecordedRequest } from './types';

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Compares digests so that the time taken does not depend on where the strings differ. */
function keyMatches(expected: string, candidate: string): boolean {
  return timingSafeEqual(sha256(expected), sha256(candidate));
}

/**
 * Returns the header that carries the valid key: `api-secret-key: <key>`
 * (Deep Security Manager and legacy keys) or `Authorization: ApiKey <key>`
 * (Cloud One keys). Raises a 401 ApiError otherwise.
 * The API does not document the status for a bad key, so 401 is this server's choice.
 */
export function authenticate(
  apiKey: string,
  headers: IncomingHttpHeaders,
): NonNullable<RecordedRequest['authHeader']> {
  const secret = headers['api-secret-key'];
  if (typeof secret === 'string' && keyMatches(apiKey, secret)) {
    return 'api-secret-key';
  }

  const authorization = headers.authorization;
  const match =
    typeof authorization === 'string'
      ? /^ApiKey\s+(\S+)\s*$/i.exec(authorization)
      : null;
  if (match !== null && keyMatches(apiKey, match[1])) {
    return 'authorization';
  }

  throw new ApiError(401, 'Invalid API key.');
}

/** Raises a 400 ApiError unless the `api-version` header is `v1`, the only version of the API. */
export function checkApiVersion(headers: IncomingHttpHeaders): void {
  const version = headers['api-version'];
  if (version === undefined) {
    throw new ApiError(
      400,
      'Missing api-version header. Send api-version: v1.',
    );
  }
  if (version !== 'v1') {
    throw new ApiError(
      400,
      `Unsupported api-version "${String(version)}". Send api-version: v1.`,
    );
  }
}

/** Parses a search body. Raises a 400 ApiError for a wrong Content-Type or invalid JSON. */
export function parseSearchBody(
  headers: IncomingHttpHeaders,
  body: Buffer,
): unknown {
  const contentType = headers['content-type'];
  const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new ApiError(
      400,
      contentType === undefined
        ? 'Missing Content-Type header. Send Content-Type: application/json with a search.'
        : `Invalid Content-Type "${contentType}". Send Content-Type: application/json with a search.`,
    );
  }

  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ApiError(400, `Invalid JSON in the search body: ${reason}`);
  }
}

/** Returns the parsed body for the request log, or undefined when it is not JSON. */
export function tryParseJson(body: Buffer): unknown {
  if (body.length === 0) {
    return undefined;
  }
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}
