/**
 * Writing a response to the socket: whole bodies with Content-Length,
 * large lists streamed with chunked encoding and backpressure, and the
 * partial writes of the stallBody and truncateBody faults.
 */

import { ServerResponse } from 'http';

/** Bytes collected before each write of a streamed body. */
const STREAM_WRITE_BYTES = 64 * 1024;

/**
 * Amount of the body to send:
 * - complete: send the whole body.
 * - stall: send the headers and part of the body, then never end.
 * - truncate: announce the full length (or stream chunked), send part of the body, then end the socket.
 */
export type WriteMode = 'complete' | 'stall' | 'truncate';

export interface ResponsePlan {
  status: number;
  headers: Record<string, string>;
  chunks: Iterable<string>;
  /** Number of chunks. The stall and truncate modes use it to find the middle of a streamed body. */
  chunkCount?: number;
  /** Stream with chunked encoding instead of building the body in memory. */
  stream: boolean;
}

export interface WriteObserver {
  /** Called when the status line and headers go out. */
  onHead(status: number): void;
  /** Called with the size of each body write. */
  onBodyBytes(bytes: number): void;
}

/** Resolves true on 'drain', or false if the response closes first. */
function waitForDrain(response: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const onDrain = () => finish(true);
    const onClose = () => finish(false);
    const finish = (drained: boolean) => {
      response.off('drain', onDrain);
      response.off('close', onClose);
      resolve(drained);
    };
    response.once('drain', onDrain);
    response.once('close', onClose);
  });
}

/** Ends the TCP connection after the written data is flushed, without finishing the HTTP message. */
function endSocketAfterFlush(response: ServerResponse): void {
  response.socket?.end();
}

function writeBuffered(
  response: ServerResponse,
  plan: ResponsePlan,
  mode: WriteMode,
  observer: WriteObserver,
): void {
  const body = Buffer.from(Array.from(plan.chunks).join(''), 'utf8');
  response.writeHead(plan.status, {
    ...plan.headers,
    'Content-Length': String(body.length),
  });
  observer.onHead(plan.status);

  if (mode === 'complete') {
    observer.onBodyBytes(body.length);
    response.end(body);
    return;
  }

  const part = body.subarray(0, Math.floor(body.length / 2));
  observer.onBodyBytes(part.length);
  response.write(part, () => {
    if (mode === 'truncate') {
      endSocketAfterFlush(response);
    }
  });
}

async function writeStreamed(
  response: ServerResponse,
  plan: ResponsePlan,
  mode: WriteMode,
  observer: WriteObserver,
): Promise<void> {
  // Without Content-Length, Node sends Transfer-Encoding: chunked.
  response.writeHead(plan.status, plan.headers);
  observer.onHead(plan.status);

  const stopAfterChunk =
    mode === 'complete' ? Infinity : Math.floor((plan.chunkCount ?? 0) / 2);
  let pending = '';
  let chunkNumber = 0;

  const flush = async (): Promise<boolean> => {
    const data = Buffer.from(pending, 'utf8');
    pending = '';
    observer.onBodyBytes(data.length);
    if (!response.write(data)) {
      return waitForDrain(response);
    }
    // Building records is synchronous, so yield to the event loop between
    // writes. Otherwise a long list blocks other requests and the timers of
    // a client in the same process until it is complete.
    await new Promise((resolve) => setImmediate(resolve));
    return !response.destroyed;
  };

  for (const chunk of plan.chunks) {
    if (response.destroyed) {
      return;
    }
    pending += chunk;
    chunkNumber += 1;

    if (chunkNumber >= stopAfterChunk) {
      break;
    }
    if (pending.length >= STREAM_WRITE_BYTES && !(await flush())) {
      return;
    }
  }

  if (pending.length > 0 && !(await flush())) {
    return;
  }

  if (mode === 'complete') {
    response.end();
  } else if (mode === 'truncate') {
    // Closing without the terminating zero-length chunk leaves the message incomplete.
    endSocketAfterFlush(response);
  }
}

/** Sends the plan. The promise settles when the body is written or the write stops for a fault. */
export async function writeResponse(
  response: ServerResponse,
  plan: ResponsePlan,
  mode: WriteMode,
  observer: WriteObserver,
): Promise<void> {
  if (plan.stream) {
    await writeStreamed(response, plan, mode, observer);
  } else {
    writeBuffered(response, plan, mode, observer);
  }
}
