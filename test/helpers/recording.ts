import { setupRecording } from '@jupiterone/integration-sdk-testing';

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

  const polly = setupRecording({
    directory,
    name,
    redactedRequestHeaders: ['api-secret-key', 'authorization'],
    options: {
      mode: isRecording ? 'record' : 'replay',
      recordIfMissing: false,
      recordFailedRequests: true,
      // Every search page of a resource goes to the same URL; the body
      // holds the ID the page starts after.
      matchRequestsBy: { headers: false, body: true, order: false },
    },
  });

  return {
    polly,
    stop: async () => {
      await polly.stop();
      await server?.close();
    },
  };
}
