import {
  IntegrationExecutionContext,
  IntegrationProviderAPIError,
  IntegrationProviderAuthorizationError,
  IntegrationValidationError,
} from '@jupiterone/integration-sdk-core';

import { IntegrationConfig } from './config/fields';
import { resolveConfig } from './config/resolveConfig';
import { getDeepSecurityClient } from './deep-security/clientRegistry';

/**
 * Checks the configuration fields, then makes one cheap authenticated call,
 * `GET /apikeys/current`, which reads no list.
 *
 * A 403 on that call proves the key authenticated, but a role may lack the
 * right to describe keys. The key is then accepted if it may search for one
 * computer; when it may not do that either, the role has no API access.
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
    await client.getCurrentApiKey();
  } catch (err) {
    if (!(err instanceof IntegrationProviderAuthorizationError)) {
      throw toValidationError(err);
    }
    logger.info(
      { endpoint: err.endpoint },
      'The API key authenticated but may not describe itself; checking that it may read computers',
    );
    await client.probeComputers();
  }
}

/**
 * Turns a network or TLS failure into a validation error, which the user
 * sees as a configuration problem. Authentication, authorization and server
 * errors keep their own class.
 */
function toValidationError(err: unknown): unknown {
  if (
    err instanceof IntegrationProviderAPIError &&
    typeof err.status === 'string' &&
    err.status !== 'NO_PROGRESS'
  ) {
    return new IntegrationValidationError(err.message);
  }
  return err;
}
