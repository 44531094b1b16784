import { randomUUID } from 'crypto';

import { SyncApiError } from './errors';
import { CreateJobRequest, SyncEvent, UploadType } from './requestValidation';
import { SyncJobState } from './types';

/** Job as the API returns it under `{"job":…}`: the state without the uploaded data. */
export interface SyncJobView {
  id: string;
  status: SyncJobState['status'];
  source: string;
  scope?: string;
  integrationInstanceId?: string;
  integrationJobId?: string;
  startTimestamp: number;
  numEntitiesUploaded: number;
  numRelationshipsUploaded: number;
  partialDatasets?: { types: string[] };
  abortReason?: string;
}

/** Holds the synchronization jobs and applies the job state transitions. */
export class SyncJobStore {
  readonly jobs: SyncJobState[] = [];

  /**
   * Creates a job in AWAITING_UPLOADS. The job gets a generated
   * integrationJobId unless the client sent one or the source is `api`.
   * SDK runtime 8.41.0 posts step events only when the job has one.
   */
  create(request: CreateJobRequest): SyncJobState {
    const id = randomUUID();
    const integrationJobId =
      request.integrationJobId ??
      (request.source === 'api' ? undefined : randomUUID());

    const job: SyncJobState = {
      id,
      status: 'AWAITING_UPLOADS',
      source: request.source,
      scope: request.scope,
      integrationInstanceId: request.integrationInstanceId,
      integrationJobId,
      startTimestamp: Date.now(),
      entities: [],
      relationships: [],
      events: [],
      batches: { entities: [], relationships: [] },
    };
    this.jobs.push(job);
    return job;
  }

  get(jobId: string): SyncJobState {
    const job = this.jobs.find((candidate) => candidate.id === jobId);
    if (!job) {
      throw new SyncApiError(
        404,
        'JOB_NOT_FOUND',
        `Synchronization job "${jobId}" was not found.`,
      );
    }
    return job;
  }

  /** Throws JOB_NOT_AWAITING_UPLOADS, the code the SDK runtime treats as fatal, once the job has ended. */
  requireAwaitingUploads(job: SyncJobState): void {
    if (job.status !== 'AWAITING_UPLOADS') {
      throw new SyncApiError(
        400,
        'JOB_NOT_AWAITING_UPLOADS',
        `Synchronization job "${job.id}" has status ${job.status} and no longer accepts this request.`,
      );
    }
  }

  upload(
    job: SyncJobState,
    type: UploadType,
    batch: Array<Record<string, unknown>>,
  ): void {
    this.requireAwaitingUploads(job);

    for (const item of batch) {
      const stored =
        job.integrationInstanceId === undefined
          ? { ...item }
          : { ...item, _integrationInstanceId: job.integrationInstanceId };
      job[type].push(stored);
    }
    job.batches[type].push(batch.length);
  }

  recordEvents(job: SyncJobState, events: SyncEvent[]): void {
    job.events.push(...events);
  }

  finalize(
    job: SyncJobState,
    partialDatasets: { types: string[] } | undefined,
  ): void {
    this.requireAwaitingUploads(job);
    job.partialDatasets = partialDatasets;
    job.status = 'FINALIZE_PENDING';
  }

  abort(job: SyncJobState, reason: string | undefined): void {
    this.requireAwaitingUploads(job);
    job.abortReason = reason;
    job.status = 'ABORTED';
  }
}

export function toJobView(job: SyncJobState): SyncJobView {
  return {
    id: job.id,
    status: job.status,
    source: job.source,
    scope: job.scope,
    integrationInstanceId: job.integrationInstanceId,
    integrationJobId: job.integrationJobId,
    startTimestamp: job.startTimestamp,
    numEntitiesUploaded: job.entities.length,
    numRelationshipsUploaded: job.relationships.length,
    partialDatasets: job.partialDatasets,
    abortReason: job.abortReason,
  };
}
