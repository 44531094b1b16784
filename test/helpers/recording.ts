import { setupRecording } from '@jupiterone/integration-sdk-testing';
import type { Request } from '@pollyjs/core';

import { IntegrationConfig } from '../../src/config/fields';
import {
  RunningDeepSecurityServer,
  startDeepSecurityServer,
} from '../deep-security-server';

/**
 * Recordings are made against the local Deep Security server on this fixed
 * port, because Polly matches requests by their full URL.
 */
export const RECORDING_PORT = 41190;

/** The key used when recording. Polly writes it as [REDACTED]. */
export const RECORDING_API_KEY = 'recording-api-key-3f1c';

/** The generated tenant that recordings are made from. */
export const RECORDING_TENANT = {
  kind: 'generated',
  seed: 20260101,
  computers: 40,
} as const;

/** Set RECORD=true to record again against a server that the test starts. */
export const isRecording = process.env.RECORD === 'true';

export const recordingInstanceConfig: IntegrationConfig = {
  apiKey: RECORDING_API_KEY,
  apiUrl: `http://127.0.0.1:${RECORDING_PORT}/api`,
};

/** Request headers that carry the API key. */
export const KEY_HEADERS = ['api-secret-key', 'authorization'];

export type RecordingMode = 'record' | 'replay';

/**
 * Sets up Polly for Deep Security requests. The HAR files store the key
 * headers as [REDACTED].
 *
 * In replay mode no request leaves the process, so the key headers are
 * replaced with [REDACTED] before Polly looks a request up. Polly prints a
 * request that has no recording, headers included, to console.error and
 * into the error it throws, and the key then appears in neither. Record mode
 * sends the real key to the server.
 */
export function setupDeepSecurityRecording(options: {
  directory: string;
  name: string;
  mode: RecordingMode;
}): ReturnType<typeof setupRecording> {
  return setupRecording({
    directory: options.directory,
    name: options.name,
    redactedRequestHeaders: KEY_HEADERS,
    mutateRequest: options.mode === 'replay' ? redactKeyHeaders : undefined,
    options: {
      mode: options.mode,
      recordIfMissing: false,
      recordFailedRequests: true,
      // Every search page of a resource goes to the same URL, and the body
      // contains the ID that the page starts after.
      matchRequestsBy: { headers: false, body: true, order: false },
    },
  });
}

function redactKeyHeaders(request: Request): void {
  for (const header of KEY_HEADERS) {
    if (request.hasHeader(header)) {
      request.setHeader(header, '[REDACTED]');
    }
  }
}

/**
 * Starts a Polly recording that replays from `__recordings__` next to the
 * test. A request without a recording fails the test instead of reaching the
 * network. When recording, the local server is started first.
 */
export async function startRecording(
  directory: string,
  name: string,
): Promise<{
  polly: ReturnType<typeof setupRecording>;
  stop: () => Promise<void>;
}> {
  let server: RunningDeepSecurityServer | undefined;
  if (isRecording) {
    server = await startDeepSecurityServer({
      apiKey: RECORDING_API_KEY,
      tenant: RECORDING_TENANT,
      port: RECORDING_PORT,
    });
  }

  const polly = setupDeepSecurityRecording({
    directory,
    name,
    mode: isRecording ? 'record' : 'replay',
  });

  return {
    polly,
    stop: async () => {
      await polly.stop();
      await server?.close();
    },
  };
}
