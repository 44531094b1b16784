export { startSyncApiServer } from './server';
export { MAX_UPLOAD_BATCH_SIZE } from './requestValidation';
export type {
  RejectedRequest,
  RunningSyncApiServer,
  StartSyncApiServerOptions,
  SyncJobState,
  SyncJobStatus,
} from './types';
