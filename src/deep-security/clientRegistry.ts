import { IntegrationLogger } from '@jupiterone/integration-sdk-core';

import { IntegrationConfig } from '../config/fields';
import { resolveConfig } from '../config/resolveConfig';
import { DeepSecurityClient, DeepSecurityClientOptions } from './client';

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
    client = new DeepSecurityClient(
      resolveConfig(config),
      logger,
      clientOptions,
    );
    clients.set(config, client);
  }
  return client;
}

/**
 * Sets retry and concurrency options for clients created from now on. Tests
 * and the fault script use it to shrink retry delays to milliseconds.
 */
export function setDeepSecurityClientOptions(
  options: DeepSecurityClientOptions,
): void {
  clientOptions = options;
}
