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
import { createRelationshipFromMetadata } from '../relationshipFactory';
import { createAdministratorRoleEntity } from './converter';

export async function fetchAdministratorRoles(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  const { instance, jobState, logger } = context;
  const client = getDeepSecurityClient(instance.config, logger);
  const account = await getAccountEntity(jobState, instance.id);

  await collectResource({
    context,
    resource: Resources.roles,
    iterate: (iteratee, afterPage) =>
      client.iterateAdministratorRoles(iteratee, afterPage),
    convert: (role) => {
      const entity = createAdministratorRoleEntity(role);
      return {
        entities: [entity],
        relationships: [
          createRelationshipFromMetadata(
            Relationships.ACCOUNT_HAS_ADMINISTRATOR_ROLE,
            account._key,
            entity._key,
          ),
        ],
      };
    },
  });
}

export const administratorRoleSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    id: Steps.ADMINISTRATOR_ROLES,
    name: 'Fetch Administrator Roles',
    entities: [Entities.ADMINISTRATOR_ROLE],
    relationships: [Relationships.ACCOUNT_HAS_ADMINISTRATOR_ROLE],
    dependsOn: [Steps.ACCOUNT],
    executionHandler: fetchAdministratorRoles,
  },
];
