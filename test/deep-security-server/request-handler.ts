/**
 * Handling of one HTTP request: recording, latency, fault rules, checks,
 * the operation, and writing the response.
 *
 * Order: the body is read, the latency passes, then fault rules are
 * matched. Faults that replace the response (status, reset, hang, redirect,
 * html, emptyBody) apply before the key is checked, like a failing proxy in
 * front of the manager. The other faults change the normal response.
 */

import { IncomingMessage, ServerResponse } from 'http';
import { performance } from 'perf_hooks';

import { ApiError } from './api-error';
import {
  ApiResult,
  matchRoute,
  routeResource,
  RouteMatch,
  runOperation,
} from './api-routes';
import { Delays } from './delays';
import { FaultRules } from './fault-rules';
import { applyItemFault } from './item-faults';
import {
  authenticate,
  checkApiVersion,
  parseSearchBody,
  tryParseJson,
} from './request-checks';
import { itemsBodyChunks, objectBodyText } from './response-body';
import {
  ResponsePlan,
  WriteMode,
  WriteObserver,
  writeResponse,
} from './response-writer';
import { RESOURCES, Tenant } from './tenant';
import { Fault, RecordedRequest, ResourceName } from './types';

/** Largest accepted request body in bytes. A search filter is a few hundred bytes. */
const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

/** Lists longer than this are streamed instead of built in memory. Equal to the largest search page. */
const STREAM_THRESHOLD_ITEMS = 5000;

const JSON_HEADERS = { 'Content-Type': 'application/json' };

const STATUS_MESSAGES: Record<number, string> = {
  429: 'Too many API requests',
  500: 'Internal server error.',
  502: 'Bad gateway.',
  503: 'Service unavailable.',
  504: 'Gateway timeout.',
};

const SIGN_IN_PAGE =
  '<!DOCTYPE html>\n<html><head><title>Sign In - Deep Security</title></head>' +
  '<body><h1>Sign In</h1><form method="post" action="/SignIn.screen">' +
  '<input name="username"><input name="password" type="password"></form></body></html>\n';

export interface ServerState {
  apiKey: string;
  tenant: Tenant;
  forbidden: ReadonlySet<ResourceName>;
  latencyMs: number;
  faults: FaultRules;
  delays: Delays;
  requests: RecordedRequest[];
  totals: { bytesSent: number };
  /** Indices of the last search page sent per resource, for duplicateIds and repeatPage. */
  previousSearchPages: Map<ResourceName, number[]>;
}

type BodyReadResult = { kind: 'body'; body: Buffer } | { kind: 'tooLarge' };

function readBody(request: IncomingMessage): Promise<BodyReadResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BODY_BYTES) {
        chunks.push(chunk);
      }
    });
    request.on('end', () =>
      resolve(
        size > MAX_REQUEST_BODY_BYTES
          ? { kind: 'tooLarge' }
          : { kind: 'body', body: Buffer.concat(chunks) },
      ),
    );
    // A client that aborts while sending the body gets no response, because
    // its socket is closed. Resolving twice is harmless, so 'close' after 'end' is too.
    const resolvePartial = () =>
      resolve({ kind: 'body', body: Buffer.concat(chunks) });
    request.on('error', resolvePartial);
    request.on('close', resolvePartial);
  });
}

function messageResult(
  status: number,
  message: string,
  headers?: Record<string, string>,
): ApiResult {
  return { kind: 'object', status, body: { message }, headers };
}

function contentTypeOf(body: string): string {
  if (body.trimStart().startsWith('<')) {
    return 'text/html; charset=utf-8';
  }
  return tryParseJson(Buffer.from(body)) === undefined
    ? 'text/plain; charset=utf-8'
    : 'application/json';
}

/**
 * Carries out a fault that replaces the response. Returns false for faults
 * that instead change the normal response.
 */
async function applyReplacingFault(
  fault: Fault,
  request: IncomingMessage,
  response: ServerResponse,
  observer: WriteObserver,
): Promise<boolean> {
  const send = (
    status: number,
    headers: Record<string, string>,
    body: string,
  ) =>
    writeResponse(
      response,
      { status, headers, chunks: [body], stream: false },
      'complete',
      observer,
    );

  switch (fault.type) {
    case 'reset':
      request.socket.destroy();
      return true;
    case 'hang':
      return true;
    case 'status': {
      const body =
        fault.body ??
        JSON.stringify({
          message:
            STATUS_MESSAGES[fault.status] ?? `HTTP status ${fault.status}.`,
        });
      const headers: Record<string, string> = {
        'Content-Type': contentTypeOf(body),
      };
      if (fault.retryAfter !== undefined) {
        headers['Retry-After'] = fault.retryAfter;
      }
      await send(fault.status, headers, body);
      return true;
    }
    case 'redirect':
      await send(fault.status ?? 302, { Location: fault.location }, '');
      return true;
    case 'html':
      await send(
        200,
        { 'Content-Type': 'text/html; charset=utf-8' },
        SIGN_IN_PAGE,
      );
      return true;
    case 'emptyBody':
      await send(200, JSON_HEADERS, '');
      return true;
    default:
      return false;
  }
}

interface ResultInput {
  state: ServerState;
  request: IncomingMessage;
  record: RecordedRequest;
  match: RouteMatch;
  apiPath: string;
  expand: string[] | undefined;
  body: BodyReadResult;
}

/** Runs the checks and the operation, converting ApiError to an error response. */
function computeResult(input: ResultInput): ApiResult {
  const { state, request, record, match } = input;
  try {
    record.authHeader = authenticate(state.apiKey, request.headers);
    checkApiVersion(request.headers);

    if (match.kind === 'notFound') {
      throw new ApiError(
        404,
        `No API endpoint matches ${request.method} /api${input.apiPath}.`,
      );
    }
    if (match.kind === 'methodNotAllowed') {
      return messageResult(
        405,
        `${request.method} is not allowed on /api${
          input.apiPath
        }. Use ${match.allowed.join(' or ')}.`,
        { Allow: match.allowed.join(', ') },
      );
    }

    return runOperation(match.route, {
      tenant: state.tenant,
      forbidden: state.forbidden,
      expand: input.expand,
      readSearchBody: () => {
        if (input.body.kind === 'tooLarge') {
          throw new ApiError(
            413,
            `Request body is larger than ${MAX_REQUEST_BODY_BYTES} bytes.`,
          );
        }
        return parseSearchBody(request.headers, input.body.body);
      },
    });
  } catch (error) {
    if (error instanceof ApiError) {
      return messageResult(error.status, error.message);
    }
    throw error;
  }
}

function planResponse(
  result: ApiResult,
  fault: Fault | undefined,
): ResponsePlan {
  const broken = fault?.type === 'invalidJson';

  if (result.kind === 'object') {
    return {
      status: broken ? 200 : result.status,
      headers: { ...JSON_HEADERS, ...result.headers },
      chunks: [objectBodyText(result.body, broken)],
      stream: false,
    };
  }

  const { source, expand, indices } = result;
  function* records() {
    for (const index of indices) {
      yield source.recordAt(index, expand);
    }
  }

  return {
    status: 200,
    headers: JSON_HEADERS,
    chunks: itemsBodyChunks(records(), {
      wrapper: RESOURCES[result.resource].wrapper,
      variant: fault?.type === 'wrapper' ? fault.variant : 'normal',
      brokenAt: broken ? Math.floor(result.count / 2) : undefined,
    }),
    // Opening, one chunk per record, closing.
    chunkCount: result.count + 2,
    stream: result.count > STREAM_THRESHOLD_ITEMS,
  };
}

function writeModeFor(fault: Fault | undefined): WriteMode {
  if (fault?.type === 'stallBody') {
    return 'stall';
  }
  if (fault?.type === 'truncateBody') {
    return 'truncate';
  }
  return 'complete';
}

/** Applies item faults and remembers the search page that will be sent. */
function finishItems(
  state: ServerState,
  result: ApiResult,
  fault: Fault | undefined,
): ApiResult {
  if (result.kind !== 'items') {
    return result;
  }

  const changed = applyItemFault(
    result,
    fault,
    state.previousSearchPages.get(result.resource),
  );
  if (!changed.isSearch) {
    return changed;
  }

  const page = Array.from(changed.indices);
  state.previousSearchPages.set(changed.resource, page);
  return { ...changed, indices: page, count: page.length };
}

function resourceOfMatch(match: RouteMatch): ResourceName | undefined {
  if (match.kind === 'matched') {
    return routeResource(match.route);
  }
  if (match.kind === 'methodNotAllowed') {
    return match.resource;
  }
  return undefined;
}

/**
 * Handles one request and records it in `state.requests`. Resolves when the
 * response is written, or earlier for faults that never finish a response.
 */
export async function handleRequest(
  state: ServerState,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const started = performance.now();
  const record: RecordedRequest = {
    method: request.method ?? 'GET',
    path: request.url ?? '/',
    status: 0,
    bytesSent: 0,
    durationMs: 0,
  };
  state.requests.push(record);

  // durationMs is first set when the last write call returns, so it is set by
  // the time the client has read the body. 'finish' (data handed to the OS)
  // refines it, and 'close' sets it for responses that never finish.
  const recordDuration = () => {
    record.durationMs = performance.now() - started;
  };
  response.once('finish', recordDuration);
  response.once('close', () => {
    if (!response.writableFinished) {
      recordDuration();
    }
  });

  const observer: WriteObserver = {
    onHead: (status) => {
      record.status = status;
    },
    onBodyBytes: (bytes) => {
      record.bytesSent += bytes;
      state.totals.bytesSent += bytes;
    },
  };

  const url = new URL(record.path, 'http://127.0.0.1');
  const expand = url.searchParams.has('expand')
    ? url.searchParams.getAll('expand')
    : undefined;
  if (expand !== undefined) {
    record.expand = expand;
  }

  const body = await readBody(request);
  const searchBody =
    body.kind === 'body' && record.method === 'POST'
      ? tryParseJson(body.body)
      : undefined;
  if (searchBody !== undefined) {
    record.searchBody = searchBody;
  }
  if (!(await state.delays.wait(state.latencyMs))) {
    return;
  }

  const inApi = url.pathname.startsWith('/api/');
  const apiPath = inApi ? url.pathname.slice('/api'.length) : url.pathname;
  const match: RouteMatch = inApi
    ? matchRoute(record.method, apiPath)
    : { kind: 'notFound' };
  const resource = resourceOfMatch(match);
  if (resource !== undefined) {
    record.resource = resource;
  }

  const fault = state.faults.take(resource, apiPath);
  if (fault !== undefined) {
    record.fault = fault.type;
  }
  if (
    fault !== undefined &&
    (await applyReplacingFault(fault, request, response, observer))
  ) {
    return;
  }

  let result: ApiResult;
  if (!inApi) {
    result = messageResult(
      404,
      `No API endpoint matches ${record.method} ${url.pathname}. API paths start with /api/.`,
    );
  } else {
    result = computeResult({
      state,
      request,
      record,
      match,
      apiPath,
      expand,
      body,
    });
  }

  result = finishItems(state, result, fault);
  if (result.kind === 'items') {
    const variant = fault?.type === 'wrapper' ? fault.variant : 'normal';
    record.itemCount =
      variant === 'missing' || variant === 'null' ? 0 : result.count;
  }

  const mode = writeModeFor(fault);
  await writeResponse(response, planResponse(result, fault), mode, observer);
  if (mode === 'complete') {
    recordDuration();
  }
}
