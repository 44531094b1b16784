import {
  IntegrationStep,
  IntegrationStepExecutionContext,
} from '@jupiterone/integration-sdk-core';

import { IntegrationConfig } from '../../config/fields';
import { Entities, Relationships, Steps } from '../../constants';
import { Resources } from '../../deep-security/resources';
import { collectAccountResource } from '../collectAccountResource';
import { createAdministratorRoleEntity } from './converter';

export async function fetchAdministratorRoles(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  await collectAccountResource({
    context,
    resource: Resources.roles,
    iterate: (client, iteratee) => client.iterateAdministratorRoles(iteratee),
    convert: createAdministratorRoleEntity,
    accountRelationship: Relationships.ACCOUNT_HAS_ADMINISTRATOR_ROLE,
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
