import * as http from 'http';

/** Progress of the latest response to one attempt. */
export interface ResponseProgress {
  /** Status of the latest response whose headers arrived. */
  status?: number;
  /** That response's Content-Length, when it sent one. */
  contentLength?: number;
  /** Body bytes of that response received so far, before decompression. */
  bodyBytes: number;
}

export interface WatchedAgent {
  /** The agent to pass to node-fetch for this attempt. */
  agent: http.Agent;
  progress: ResponseProgress;
}

/**
 * Wraps `agent` so that Node's response objects behind node-fetch can be
 * watched. node-fetch 2.7 does not notice when the connection closes before
 * a body with a Content-Length is complete: its body stream then neither
 * ends nor fails, and reading it waits for the attempt timeout. The watch
 * calls `onCutShort` as soon as such a response closes.
 *
 * NOTE: the wrapper intercepts `addRequest`, through which Node's
 * ClientRequest hands itself to its agent. Node's documentation does not
 * list that method; without it the requests go unwatched, and a cut-short
 * body fails by the attempt timeout instead.
 */
export function watchResponses(
  agent: http.Agent,
  onCutShort: () => void,
): WatchedAgent {
  const progress: ResponseProgress = { bodyBytes: 0 };

  const watch = (request: http.ClientRequest) => {
    request.once('response', (response: http.IncomingMessage) => {
      const length = Number(response.headers['content-length']);
      progress.status = response.statusCode;
      progress.contentLength =
        Number.isSafeInteger(length) && length >= 0 ? length : undefined;
      progress.bodyBytes = 0;

      // node-fetch pipes the response in its own 'response' listener, which
      // runs in this same emit, so no chunk passes before it is attached.
      response.on('data', (chunk: Buffer) => {
        progress.bodyBytes += chunk.length;
      });
      response.once('close', () => {
        if (!response.complete) {
          onCutShort();
        }
      });
    });
  };

  const watched = new Proxy(agent, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (property !== 'addRequest' || typeof value !== 'function') {
        return value;
      }
      return (request: unknown, ...rest: unknown[]): unknown => {
        if (request instanceof http.ClientRequest) {
          watch(request);
        }
        return Reflect.apply(value, target, [request, ...rest]);
      };
    },
  });
  return { agent: watched, progress };
}
