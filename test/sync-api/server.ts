import { createServer, IncomingMessage, ServerResponse } from 'http';

import { SyncApiError } from './errors';
import { SyncJobStore, toJobView } from './jobStore';
import {
  parseAbortReason,
  parseCreateJobRequest,
  parseEvents,
  parsePartialDatasets,
  parseUploadBatch,
} from './requestValidation';
import { RunningSyncApiServer, StartSyncApiServerOptions } from './types';

/** Guards the test process against a runaway request body. NOTE: the real API's limit is not known here. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

const JOB_ROUTE =
  /^\/persister\/synchronization\/jobs(?:\/([^/]+)(?:\/(entities|relationships|events|finalize|abort))?)?$/;

interface JsonResponse {
  status: number;
  body: unknown;
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      throw new SyncApiError(
        413,
        'REQUEST_ENTITY_TOO_LARGE',
        `Request body exceeds ${MAX_BODY_BYTES} bytes.`,
      );
    }
    chunks.push(buffer);
  }

  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed;
  } catch (err) {
    throw new SyncApiError(
      400,
      'INVALID_JSON',
      `Request body is not valid JSON: ${
        err instanceof Error ? err.message : String(err)
      }`,
    );
  }
}

function checkAuthorization(
  request: IncomingMessage,
  options: StartSyncApiServerOptions,
): void {
  const authorization = request.headers['authorization'];
  const account = request.headers['lifeomic-account'];

  if (authorization !== `Bearer ${options.apiKey}`) {
    throw new SyncApiError(
      401,
      'UNAUTHORIZED',
      'The Authorization header is missing or does not carry the expected bearer API key.',
    );
  }
  if (account !== options.account) {
    throw new SyncApiError(
      401,
      'UNAUTHORIZED',
      'The LifeOmic-Account header is missing or names another account.',
    );
  }
}

/** Routes one authenticated request to the job store and builds the JSON response. */
async function handleJobRequest(
  store: SyncJobStore,
  method: string,
  path: string,
  request: IncomingMessage,
): Promise<JsonResponse> {
  const match = JOB_ROUTE.exec(path);
  const jobId = match?.[1];
  const action = match?.[2];

  if (match && jobId === undefined && method === 'POST') {
    const job = store.create(
      parseCreateJobRequest(await readJsonBody(request)),
    );
    return { status: 200, body: { job: toJobView(job) } };
  }

  if (
    match &&
    jobId !== undefined &&
    action === undefined &&
    method === 'GET'
  ) {
    return { status: 200, body: { job: toJobView(store.get(jobId)) } };
  }

  if (
    !match ||
    jobId === undefined ||
    action === undefined ||
    method !== 'POST'
  ) {
    throw new SyncApiError(404, 'NOT_FOUND', `No route for ${method} ${path}.`);
  }

  const job = store.get(jobId);
  const body = await readJsonBody(request);

  switch (action) {
    case 'entities':
    case 'relationships': {
      // The status check comes first so that a late upload always gets the
      // JOB_NOT_AWAITING_UPLOADS code, whatever its body contains.
      store.requireAwaitingUploads(job);
      store.upload(job, action, parseUploadBatch(action, body));
      return { status: 200, body: { job: toJobView(job) } };
    }
    case 'events': {
      const events = parseEvents(body);
      store.recordEvents(job, events);
      return { status: 200, body: { events } };
    }
    case 'finalize':
      store.finalize(job, parsePartialDatasets(body));
      return { status: 200, body: { job: toJobView(job) } };
    default:
      store.abort(job, parseAbortReason(body));
      return { status: 200, body: { job: toJobView(job) } };
  }
}

function sendJson(response: ServerResponse, { status, body }: JsonResponse) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

/**
 * Starts an in-memory stand-in of the JupiterOne synchronization API
 * (`/persister/synchronization/jobs/...`) on 127.0.0.1, for running
 * `j1-integration run` and `sync` against it and then asserting on the
 * recorded jobs. Every 4xx response counts as a rejected request.
 */
export function startSyncApiServer(
  options: StartSyncApiServerOptions,
): Promise<RunningSyncApiServer> {
  const store = new SyncJobStore();

  const running: RunningSyncApiServer = {
    url: '',
    jobs: store.jobs,
    rejectedRequests: 0,
    rejections: [],
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };

  const toErrorResponse = (
    err: unknown,
    method: string,
    path: string,
  ): JsonResponse => {
    if (!(err instanceof SyncApiError)) {
      // A bug in the stand-in itself, not a client mistake.
      console.error(`Sync API stand-in failed on ${method} ${path}`, err);
      const message = err instanceof Error ? err.message : String(err);
      return {
        status: 500,
        body: { error: { code: 'INTERNAL_ERROR', message } },
      };
    }

    running.rejectedRequests += 1;
    running.rejections.push({
      method,
      path,
      status: err.status,
      code: err.code,
      message: err.message,
    });
    return {
      status: err.status,
      body: { error: { code: err.code, message: err.message } },
    };
  };

  const respond = async (
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> => {
    const method = request.method ?? 'GET';
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;

    let result: JsonResponse;
    try {
      checkAuthorization(request, options);
      result = await handleJobRequest(store, method, path, request);
    } catch (err) {
      result = toErrorResponse(err, method, path);
    }

    // Drain a body that was rejected unread so that the connection can be reused.
    request.resume();
    sendJson(response, result);
  };

  const server = createServer((request, response) => {
    respond(request, response).catch((err: unknown) => {
      console.error('Sync API stand-in could not send a response', err);
      response.destroy();
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        reject(new Error(`Unexpected server address: ${String(address)}`));
        return;
      }
      running.url = `http://127.0.0.1:${address.port}`;
      resolve(running);
    });
  });
}
