import { IntegrationLogger } from '@jupiterone/integration-sdk-core';
import { createMockIntegrationLogger } from '@jupiterone/integration-sdk-testing';

import { resolveConfig } from '../../src/config/resolveConfig';
import { DeepSecurityClient } from '../../src/deep-security/client';
import { RetryPolicy } from '../../src/deep-security/retryPolicy';
import { DeepSecurityTransport } from '../../src/deep-security/transport';
import {
  FaultRule,
  generatedTenantCounts,
  RecordedRequest,
  RunningDeepSecurityServer,
  startDeepSecurityServer,
} from '../deep-security-server';

export const API_KEY = 'fault-test-key';

/** A generated tenant small enough that every resource fits on one page. */
export const TENANT = { kind: 'generated', seed: 7, computers: 45 } as const;
export const COUNTS = generatedTenantCounts(TENANT.seed, TENANT.computers);

/**
 * Retries in milliseconds, so that a test of a fault takes well under a
 * second. Five attempts, waits of 5 to 40 ms, `Retry-After` capped at 50 ms.
 */
export const FAST_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  initialDelayMs: 5,
  factor: 2,
  maxDelayMs: 40,
  retryAfterCapMs: 50,
  attemptTimeoutMs: 300,
  totalTimeoutMs: 5_000,
};

export interface FaultSetup {
  server: RunningDeepSecurityServer;
  client: DeepSecurityClient;
  /** A transport of its own, for tests that call searchPages directly. */
  transport: DeepSecurityTransport;
  logger: IntegrationLogger;
  /** Messages of every warning logged, in order. */
  warnings: string[];
  /** `delayMs` of every retry warning, in order: the waits before retries. */
  retryDelays: number[];
  close(): Promise<void>;
}

/** Starts the local server with `faults` and a client with fast retries. */
export async function startFaultSetup(
  faults: FaultRule[],
  retryPolicy: Partial<RetryPolicy> = {},
): Promise<FaultSetup> {
  const server = await startDeepSecurityServer({
    apiKey: API_KEY,
    tenant: TENANT,
    faults,
  });
  const logger = createMockIntegrationLogger();
  const warnings: string[] = [];
  const retryDelays: number[] = [];
  jest.spyOn(logger, 'warn').mockImplementation((...args: unknown[]) => {
    const [fields] = args;
    const message = args.find((arg): arg is string => typeof arg === 'string');
    warnings.push(message ?? '');
    if (isRecord(fields) && typeof fields.delayMs === 'number') {
      retryDelays.push(fields.delayMs);
    }
    return true;
  });

  const connection = resolveConfig({ apiKey: API_KEY, apiUrl: server.url });
  const policy = { ...FAST_RETRY_POLICY, ...retryPolicy };
  const client = new DeepSecurityClient(connection, logger, {
    retryPolicy: policy,
  });
  const transport = new DeepSecurityTransport({
    connection,
    logger,
    retryPolicy: policy,
  });

  return {
    server,
    client,
    transport,
    logger,
    warnings,
    retryDelays,
    close: async () => {
      client.close();
      transport.destroy();
      await server.close();
    },
  };
}

/** Collects the IDs that an `iterate…` method hands to its iteratee. */
export async function collectIds<T extends { ID: number }>(
  iterate: (iteratee: (record: T) => Promise<void>) => Promise<unknown>,
): Promise<number[]> {
  const ids: number[] = [];
  await iterate((record) => {
    ids.push(record.ID);
    return Promise.resolve();
  });
  return ids;
}

/** Requests to which the server applied a fault of this type. */
export function faultedRequests(
  requests: RecordedRequest[],
  fault: RecordedRequest['fault'],
): RecordedRequest[] {
  return requests.filter((request) => request.fault === fault);
}

/** Returns the error a promise rejects with, and fails if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof Error) {
      return err;
    }
    throw new Error(`Expected an Error, got ${String(err)}`);
  }
  throw new Error('Expected the promise to reject, but it resolved');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
