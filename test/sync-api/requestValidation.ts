import { SyncApiError } from './errors';

/** Maximum batch size of one upload request. The SDK runtime 8.41.0 also uploads 250 per batch by default. */
export const MAX_UPLOAD_BATCH_SIZE = 250;

export type UploadType = 'entities' | 'relationships';

export interface CreateJobRequest {
  source: string;
  scope?: string;
  integrationInstanceId?: string;
  integrationJobId?: string;
}

export interface SyncEvent {
  name: string;
  description: string;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function invalidRequest(message: string): SyncApiError {
  return new SyncApiError(400, 'INVALID_REQUEST', message);
}

function requireBodyObject(body: unknown): Record<string, unknown> {
  if (!isRecord(body)) {
    throw invalidRequest('Request body must be a JSON object.');
  }
  return body;
}

function readOptionalString(
  body: Record<string, unknown>,
  field: string,
): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string' || value === '') {
    throw invalidRequest(`Field "${field}" must be a non-empty string.`);
  }
  return value;
}

/**
 * Validates the body of `POST /persister/synchronization/jobs`. An
 * `integration-managed` job must name its integration instance and an `api`
 * job its scope. The CLI 8.41.0 rejects `run` and `sync` options without them too.
 */
export function parseCreateJobRequest(body: unknown): CreateJobRequest {
  const fields = requireBodyObject(body);

  const source = readOptionalString(fields, 'source');
  if (source === undefined) {
    throw invalidRequest('Field "source" is missing.');
  }

  const request: CreateJobRequest = {
    source,
    scope: readOptionalString(fields, 'scope'),
    integrationInstanceId: readOptionalString(fields, 'integrationInstanceId'),
    integrationJobId: readOptionalString(fields, 'integrationJobId'),
  };

  if (source === 'integration-managed' && !request.integrationInstanceId) {
    throw invalidRequest(
      'Field "integrationInstanceId" is missing, but source "integration-managed" requires it.',
    );
  }
  if (source === 'api' && !request.scope) {
    throw invalidRequest(
      'Field "scope" is missing, but source "api" requires it.',
    );
  }

  return request;
}

/**
 * Validates an upload body `{"entities":[…]}` or `{"relationships":[…]}`:
 * at most MAX_UPLOAD_BATCH_SIZE objects, each with a string `_key` and `_type`.
 */
export function parseUploadBatch(
  type: UploadType,
  body: unknown,
): Array<Record<string, unknown>> {
  const fields = requireBodyObject(body);
  const batch = fields[type];

  if (!Array.isArray(batch)) {
    throw invalidRequest(`Field "${type}" must be an array.`);
  }
  if (batch.length > MAX_UPLOAD_BATCH_SIZE) {
    throw new SyncApiError(
      400,
      'UPLOAD_BATCH_TOO_LARGE',
      `Batch of ${batch.length} ${type} exceeds the maximum of ${MAX_UPLOAD_BATCH_SIZE} per request; split it into smaller batches.`,
    );
  }

  const items: Array<Record<string, unknown>> = [];
  batch.forEach((item: unknown, index: number) => {
    if (!isRecord(item)) {
      throw invalidRequest(`${type}[${index}] must be a JSON object.`);
    }
    if (typeof item._key !== 'string' || typeof item._type !== 'string') {
      throw invalidRequest(
        `${type}[${index}] must have string "_key" and "_type" properties.`,
      );
    }
    items.push(item);
  });
  return items;
}

/** Validates `{"events":[{"name":…,"description":…}]}`. */
export function parseEvents(body: unknown): SyncEvent[] {
  const fields = requireBodyObject(body);
  const events = fields.events;

  if (!Array.isArray(events)) {
    throw invalidRequest('Field "events" must be an array.');
  }

  return events.map((event: unknown, index: number) => {
    if (
      !isRecord(event) ||
      typeof event.name !== 'string' ||
      typeof event.description !== 'string'
    ) {
      throw invalidRequest(
        `events[${index}] must be an object with string "name" and "description".`,
      );
    }
    return { name: event.name, description: event.description };
  });
}

/** Validates the optional `{"partialDatasets":{"types":[…]}}` of a finalize request. */
export function parsePartialDatasets(
  body: unknown,
): { types: string[] } | undefined {
  if (body === undefined) {
    return undefined;
  }
  const partialDatasets = requireBodyObject(body).partialDatasets;
  if (partialDatasets === undefined) {
    return undefined;
  }

  const types = isRecord(partialDatasets) ? partialDatasets.types : undefined;
  if (!Array.isArray(types) || !types.every(isString)) {
    throw invalidRequest(
      'Field "partialDatasets" must be an object with a "types" array of strings.',
    );
  }
  return { types };
}

/** Validates the optional `{"reason":…}` of an abort request. */
export function parseAbortReason(body: unknown): string | undefined {
  if (body === undefined) {
    return undefined;
  }
  const reason = requireBodyObject(body).reason;
  if (reason === undefined) {
    return undefined;
  }
  if (typeof reason !== 'string') {
    throw invalidRequest('Field "reason" must be a string.');
  }
  return reason;
}
