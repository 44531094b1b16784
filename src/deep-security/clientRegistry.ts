import {
  IntegrationLogger,
  IntegrationValidationError,
} from '@jupiterone/integration-sdk-core';

import { IntegrationConfig } from '../config/fields';
import { resolveConfig } from '../config/resolveConfig';
import { errorMessage } from '../util/errorMessage';
import { DeepSecurityClient, DeepSecurityClientOptions } from './client';
import { parseRetryPolicy, RetryPolicy } from './retryPolicy';

/**
 * Environment variable with retry policy overrides as a JSON object, for
 * example `{"initialDelayMs":5,"attemptTimeoutMs":500}`. It is a knob for
 * tests and tuning, not an instance setting: the fault tests and
 * `npm run faults` use it to shrink retry delays for a CLI run, which
 * happens in another process. Fields left out keep their defaults.
 */
export const RETRY_POLICY_VARIABLE = 'TREND_MICRO_RETRY_POLICY';

/**
 * One client per instance configuration, so that the steps of a run, which
 * the SDK executes concurrently, share one connection pool and one rate
 * budget.
 */
const clients = new WeakMap<IntegrationConfig, DeepSecurityClient>();

let clientOptions: DeepSecurityClientOptions = {};

export function getDeepSecurityClient(
  config: IntegrationConfig,
  logger: IntegrationLogger,
): DeepSecurityClient {
  let client = clients.get(config);
  if (!client) {
    const retryPolicy = {
      ...readRetryPolicyVariable(logger),
      ...clientOptions.retryPolicy,
    };
    client = new DeepSecurityClient(resolveConfig(config), logger, {
      ...clientOptions,
      retryPolicy,
    });
    clients.set(config, client);
  }
  return client;
}

/**
 * Sets retry and concurrency options for clients created from now on. Tests
 * in the same process use it to shrink retry delays to milliseconds. Its
 * retry policy fields win over the environment variable's.
 */
export function setDeepSecurityClientOptions(
  options: DeepSecurityClientOptions,
): void {
  clientOptions = options;
}

function readRetryPolicyVariable(
  logger: IntegrationLogger,
): Partial<RetryPolicy> {
  const text = process.env[RETRY_POLICY_VARIABLE];
  if (text === undefined || text.trim() === '') {
    return {};
  }

  let policy: Partial<RetryPolicy>;
  try {
    policy = parseRetryPolicy(text, RETRY_POLICY_VARIABLE);
  } catch (err) {
    throw new IntegrationValidationError(
      `${errorMessage(err)} Fix or unset ${RETRY_POLICY_VARIABLE}.`,
    );
  }
  logger.info(
    { retryPolicy: policy },
    `Retry policy overridden by ${RETRY_POLICY_VARIABLE}`,
  );
  return policy;
}
