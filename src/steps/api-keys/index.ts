import {
  IntegrationStep,
  IntegrationStepExecutionContext,
} from '@jupiterone/integration-sdk-core';

import { IntegrationConfig } from '../../config/fields';
import { Entities, Relationships, Steps } from '../../constants';
import { getDeepSecurityClient } from '../../deep-security/clientRegistry';
import { Resources } from '../../deep-security/resources';
import { getAccountEntity } from '../account/getAccountEntity';
import { collectResource } from '../collectResource';
import { Reference } from '../references';
import { createRelationshipFromMetadata } from '../relationshipFactory';
import { createApiKeyEntity } from './converter';

/** [API key entity key, role ID] for every API key with a role. */
export const API_KEY_ROLE_REFERENCES = 'api-key-role-references';

export async function fetchApiKeys(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  const { instance, jobState, logger } = context;
  const client = getDeepSecurityClient(instance.config, logger);
  const account = await getAccountEntity(jobState, instance.id);
  const roleReferences: Reference[] = [];

  await collectResource({
    context,
    resource: Resources.apiKeys,
    iterate: (iteratee, afterPage) =>
      client.iterateApiKeys(iteratee, afterPage),
    convert: (apiKey) => {
      const entity = createApiKeyEntity(apiKey);
      if (typeof entity.roleId === 'number') {
        roleReferences.push([entity._key, entity.roleId]);
      }
      return {
        entities: [entity],
        relationships: [
          createRelationshipFromMetadata(
            Relationships.ACCOUNT_HAS_API_KEY,
            account._key,
            entity._key,
          ),
        ],
      };
    },
  });

  await jobState.setData(API_KEY_ROLE_REFERENCES, roleReferences);
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
