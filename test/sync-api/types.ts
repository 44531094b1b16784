export interface StartSyncApiServerOptions {
  /** Key that every request must send as `Authorization: Bearer <apiKey>`. */
  apiKey: string;
  /** Account that every request must send in the `LifeOmic-Account` header. */
  account: string;
  /** Port on 127.0.0.1. The default, 0, picks a free port. */
  port?: number;
}

export type SyncJobStatus = 'AWAITING_UPLOADS' | 'FINALIZE_PENDING' | 'ABORTED';

export interface SyncJobState {
  id: string;
  status: SyncJobStatus;
  source: string;
  scope?: string;
  integrationInstanceId?: string;
  integrationJobId?: string;
  /** Creation time in milliseconds since the epoch. */
  startTimestamp: number;
  /** Every uploaded entity in arrival order, with `_integrationInstanceId` added when the job has one. */
  entities: Array<Record<string, unknown>>;
  /** Every uploaded relationship in arrival order, with `_integrationInstanceId` added when the job has one. */
  relationships: Array<Record<string, unknown>>;
  events: Array<{ name: string; description: string }>;
  /** Size of each accepted upload request, in arrival order. */
  batches: { entities: number[]; relationships: number[] };
  partialDatasets?: { types: string[] };
  abortReason?: string;
}

/** Request that the stand-in rejected with a 4xx status. */
export interface RejectedRequest {
  method: string;
  path: string;
  status: number;
  code: string;
  message: string;
}

export interface RunningSyncApiServer {
  /** Base URL such as `http://127.0.0.1:40123`, to pass as `--api-base-url`. */
  url: string;
  /** Jobs in creation order. The objects are live and change as requests arrive. */
  jobs: SyncJobState[];
  /** Count of requests rejected for failed authentication or a contract violation. */
  rejectedRequests: number;
  /** The rejected requests themselves, so a failing test can show why. */
  rejections: RejectedRequest[];
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}
