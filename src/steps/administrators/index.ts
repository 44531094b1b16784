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
import { createAdministratorEntity } from './converter';

/** [administrator key, role ID] for every administrator with a role. */
export const ADMINISTRATOR_ROLE_REFERENCES = 'administrator-role-references';

export async function fetchAdministrators(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  const { instance, jobState, logger } = context;
  const client = getDeepSecurityClient(instance.config, logger);
  const account = await getAccountEntity(jobState, instance.id);
  const roleReferences: Reference[] = [];

  await collectResource({
    context,
    resource: Resources.administrators,
    iterate: (iteratee, afterPage) =>
      client.iterateAdministrators(iteratee, afterPage),
    convert: (administrator) => {
      const entity = createAdministratorEntity(administrator);
      if (typeof entity.roleId === 'number') {
        roleReferences.push([entity._key, entity.roleId]);
      }
      return {
        entities: [entity],
        relationships: [
          createRelationshipFromMetadata(
            Relationships.ACCOUNT_HAS_ADMINISTRATOR,
            account._key,
            entity._key,
          ),
        ],
      };
    },
  });

  await jobState.setData(ADMINISTRATOR_ROLE_REFERENCES, roleReferences);
}

export const administratorSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    id: Steps.ADMINISTRATORS,
    name: 'Fetch Administrators',
    entities: [Entities.ADMINISTRATOR],
    relationships: [Relationships.ACCOUNT_HAS_ADMINISTRATOR],
    dependsOn: [Steps.ACCOUNT],
    executionHandler: fetchAdministrators,
  },
];
