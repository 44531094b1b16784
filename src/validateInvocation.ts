import {
  IntegrationExecutionContext,
  IntegrationLogger,
  IntegrationProviderAPIError,
  IntegrationProviderAuthorizationError,
  IntegrationValidationError,
} from '@jupiterone/integration-sdk-core';

import { IntegrationConfig } from './config/fields';
import { resolveConfig } from './config/resolveConfig';
import { DeepSecurityClient } from './deep-security/client';
import { getDeepSecurityClient } from './deep-security/clientRegistry';
import {
  RequestFailure,
  RequestFailureKind,
} from './deep-security/requestFailure';

/**
 * Failures that the user fixes in the configuration (apiUrl, region,
 * caCertificate) or in the network path to the manager. During validation
 * they become validation errors. Authentication, authorization, server and
 * parse errors keep their own class.
 */
const CONFIGURATION_FAILURES: readonly RequestFailureKind[] = [
  'network',
  'timeout',
  'tls',
  'redirect',
];

/**
 * Attempts per validation call. A wrong host or port is the usual cause of a
 * refused connection here, so validation fails after one retry instead of
 * backing off through the whole retry policy.
 */
const VALIDATION_MAX_ATTEMPTS = 2;

/**
 * Checks the configuration fields, then makes one cheap authenticated call,
 * `GET /apikeys/current`, which reads no list. Only when the key's role may
 * not describe the key does a second call ask for at most one computer.
 */
export async function validateInvocation(
  context: IntegrationExecutionContext<IntegrationConfig>,
): Promise<void> {
  const { instance, logger } = context;
  const connection = resolveConfig(instance.config);

  logger.info(
    {
      baseUrl: connection.baseUrl,
      baseUrlSource: connection.baseUrlSource,
      apiKeyType: connection.apiKeyType,
      caCertificate: connection.caCertificate !== undefined,
    },
    `Using the Deep Security API at ${connection.baseUrl} (from ${connection.baseUrlSource})`,
  );
  if (connection.disableTlsVerification) {
    logger.warn(
      { baseUrl: connection.baseUrl },
      'TLS certificate verification is disabled (disableTlsVerification=true): the manager is not authenticated and the API key could be sent to an impostor. Prefer caCertificate.',
    );
  }

  const client = getDeepSecurityClient(instance.config, logger);
  try {
    await checkApiKey(client, logger);
  } catch (err) {
    throw toValidationError(err);
  }
}

/**
 * Checks that the API accepts the key. A 403 on `GET /apikeys/current`
 * proves that the key authenticated, but its role may lack the right to
 * describe keys. The key is then accepted if it may search for one
 * computer. When it may not, the 403 of that search names the computer
 * right and API access.
 */
async function checkApiKey(
  client: DeepSecurityClient,
  logger: IntegrationLogger,
): Promise<void> {
  try {
    await client.getCurrentApiKey({ maxAttempts: VALIDATION_MAX_ATTEMPTS });
  } catch (err) {
    if (!(err instanceof IntegrationProviderAuthorizationError)) {
      throw err;
    }
    logger.info(
      { endpoint: err.endpoint },
      'The API key authenticated but may not describe itself; checking that it may read computers',
    );
    await client.probeComputers({ maxAttempts: VALIDATION_MAX_ATTEMPTS });
  }
}

function toValidationError(err: unknown): unknown {
  if (!(err instanceof IntegrationProviderAPIError)) {
    return err;
  }
  const failure = err.cause();
  if (
    failure instanceof RequestFailure &&
    CONFIGURATION_FAILURES.includes(failure.kind)
  ) {
    return new IntegrationValidationError(err.message);
  }
  return err;
}
