/**
 * Public types of the local Deep Security API v1 stand-in used by the tests.
 */

export type ResourceName =
  | 'administrators'
  | 'roles'
  | 'apiKeys'
  | 'computers'
  | 'computerGroups';

export const RESOURCE_NAMES: readonly ResourceName[] = [
  'administrators',
  'roles',
  'apiKeys',
  'computers',
  'computerGroups',
];

export type TenantSource =
  /**
   * A folder with administrators.json, roles.json, apikeys.json,
   * computergroups.json and computers.json, each in the API's own wrapper
   * format, for example `{"roles":[…]}`.
   */
  | { kind: 'directory'; path: string }
  /** A synthetic tenant built from the seed. `generatedTenantCounts` returns its exact counts. */
  | {
      kind: 'generated';
      seed: number;
      computers: number;
      oddRecords?: boolean;
    };

export interface StartDeepSecurityServerOptions {
  /** The only key the server accepts. */
  apiKey: string;
  tenant: TenantSource;
  /** TCP port on 127.0.0.1. Default 0, which picks a free port. */
  port?: number;
  /** PEM key and certificate. When given, the server speaks HTTPS. */
  tls?: { key: string; cert: string };
  /** Resources whose list, search and describe calls return 403. */
  forbidden?: ResourceName[];
  /** Delay in milliseconds before the server handles each request. */
  latencyMs?: number;
  /** Initial fault rules. `setFaults` replaces them. */
  faults?: FaultRule[];
}

/** One request as the server saw it. The API key is never stored. */
export interface RecordedRequest {
  method: string;
  /** Path with query string, for example `/api/computers?expand=none`. */
  path: string;
  /** Absent for `/apikeys/current` and for paths that match no resource. */
  resource?: ResourceName;
  /** Values of the `expand` query parameter in request order. Absent when the parameter was not sent. */
  expand?: string[];
  /** Parsed JSON body of a search request, when it was valid JSON. */
  searchBody?: unknown;
  /** Header that carried the valid key. Absent when the key was missing or wrong. */
  authHeader?: 'api-secret-key' | 'authorization';
  /** Type of the fault rule applied to this request. */
  fault?: Fault['type'];
  /** Number of records in the response's list. Absent for other responses. */
  itemCount?: number;
  /** HTTP status sent. 0 while pending, and for `reset` and `hang` faults. */
  status: number;
  /** Response body bytes written to the socket. */
  bytesSent: number;
  /**
   * Milliseconds from the request's arrival until the whole response was
   * written, or until the socket closed for a response that never finished.
   */
  durationMs: number;
}

export interface RunningDeepSecurityServer {
  /** Base URL ending in `/api`, for example `http://127.0.0.1:41234/api`. */
  url: string;
  port: number;
  /** Requests in arrival order. Entries are updated in place when their response ends. */
  requests: RecordedRequest[];
  stats(): { requests: number; bytesSent: number };
  /** Replaces the fault rules and resets their counters. */
  setFaults(rules: FaultRule[]): void;
  /** Stops listening and destroys open sockets, including hanging and stalled ones. */
  close(): Promise<void>;
}

export interface FaultRule {
  /** Matches requests for this resource. `/apikeys/current` belongs to no resource. */
  resource?: ResourceName;
  /** Matches this path, with or without the `/api` prefix and without a query, for example `/apikeys/current`. */
  path?: string;
  /** Number of matching requests to let through before the fault applies. Default 0. */
  afterRequests?: number;
  /** Number of matching requests the fault applies to. Default 1, `Infinity` allowed. */
  times?: number;
  fault: Fault;
}

export type Fault =
  /**
   * Responds with this status instead of the normal response. `body` defaults to a JSON message
   * (for 429 the documented "Too many API requests"), and `Retry-After` is
   * sent only when `retryAfter` is given.
   */
  | { type: 'status'; status: number; retryAfter?: string; body?: string }
  /** Destroys the socket without sending a response. */
  | { type: 'reset' }
  /** Accepts the request and never responds. */
  | { type: 'hang' }
  /** Sends the headers and the first half of the body, then stalls until the client or close() ends the socket. */
  | { type: 'stallBody' }
  /**
   * Sends the first half of the body, then ends the socket. The headers
   * announce the full Content-Length, except for lists of more than 5000
   * records, which are chunked and lose their final chunk.
   */
  | { type: 'truncateBody' }
  /** Sends a 200 text/html sign-in page. */
  | { type: 'html' }
  /**
   * Sends the normal response as 200 application/json with a member that has no
   * value (`"ID":`) inserted halfway through the list or object.
   */
  | { type: 'invalidJson' }
  /** Sends 200 with an empty body. */
  | { type: 'emptyBody' }
  /**
   * Breaks the list wrapper: `{}`, `{"<wrapper>":null}`, a misspelt key such
   * as `apikeys` for `apiKeys`, or a bare array.
   */
  | { type: 'wrapper'; variant: 'missing' | 'null' | 'renamed' | 'bareArray' }
  /**
   * Starts a search page with the last 3 records of the previous search page
   * of the resource. Without a previous page, and for plain lists, repeats
   * the first 3 records at the end.
   */
  | { type: 'duplicateIds' }
  /** Responds to a search with the previous search page of the resource. Changes nothing without one, or for a plain list. */
  | { type: 'repeatPage' }
  /** Shuffles the records deterministically. Lists over 5000 records are shuffled in blocks of 5000. */
  | { type: 'outOfOrder' }
  /** Responds with this status (default 302), a Location header and no body. */
  | { type: 'redirect'; location: string; status?: 301 | 302 | 307 | 308 };
