import {
  IntegrationStep,
  IntegrationStepExecutionContext,
} from '@jupiterone/integration-sdk-core';

import { IntegrationConfig } from '../../config/fields';
import { Entities, Relationships, Steps } from '../../constants';
import { Resources } from '../../deep-security/resources';
import { collectAccountResource } from '../collectAccountResource';
import { createApiKeyEntity } from './converter';

/** [API key entity key, role ID] for every API key with a role. */
export const API_KEY_ROLE_REFERENCES = 'api-key-role-references';

export async function fetchApiKeys(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  const roleReferences = await collectAccountResource({
    context,
    resource: Resources.apiKeys,
    iterate: (client, iteratee) => client.iterateApiKeys(iteratee),
    convert: createApiKeyEntity,
    accountRelationship: Relationships.ACCOUNT_HAS_API_KEY,
    referenceProperty: 'roleId',
  });
  await context.jobState.setData(API_KEY_ROLE_REFERENCES, roleReferences);
}

export const apiKeySteps: IntegrationStep<IntegrationConfig>[] = [
  {
    id: Steps.API_KEYS,
    name: 'Fetch API Keys',
    entities: [Entities.API_KEY],
    relationships: [Relationships.ACCOUNT_HAS_API_KEY],
    dependsOn: [Steps.ACCOUNT],
    executionHandler: fetchApiKeys,
  },
];
