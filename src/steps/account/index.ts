import {
  IntegrationProviderAPIError,
  IntegrationStep,
  IntegrationStepExecutionContext,
} from '@jupiterone/integration-sdk-core';

import { IntegrationConfig } from '../../config/fields';
import { resolveConfig } from '../../config/resolveConfig';
import { Entities, Steps } from '../../constants';
import { getDeepSecurityClient } from '../../deep-security/clientRegistry';
import { DeepSecurityCurrentApiKey } from '../../deep-security/types';
import { createAccountEntity } from './converter';

export const ACCOUNT_ENTITY_DATA_KEY = 'account-entity';

export async function fetchAccount(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  const { instance, jobState, logger } = context;
  const client = getDeepSecurityClient(instance.config, logger);

  // The key's description adds the tenant ID to the account when the role
  // may read it. The account exists without it.
  let currentKey: DeepSecurityCurrentApiKey | undefined;
  try {
    currentKey = await client.getCurrentApiKey();
  } catch (err) {
    if (!(err instanceof IntegrationProviderAPIError)) {
      throw err;
    }
    logger.warn(
      { err, endpoint: err.endpoint, status: err.status },
      'Could not describe the API key; the account entity has no tenant ID',
    );
  }

  const account = createAccountEntity(
    instance.id,
    resolveConfig(instance.config),
    currentKey,
  );
  await jobState.addEntity(account);
  await jobState.setData(ACCOUNT_ENTITY_DATA_KEY, account);
}

export const accountSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    id: Steps.ACCOUNT,
    name: 'Fetch Account',
    entities: [Entities.ACCOUNT],
    relationships: [],
    dependsOn: [],
    executionHandler: fetchAccount,
  },
];
