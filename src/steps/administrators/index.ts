import {
  IntegrationStep,
  IntegrationStepExecutionContext,
} from '@jupiterone/integration-sdk-core';

import { IntegrationConfig } from '../../config/fields';
import { Entities, Relationships, Steps } from '../../constants';
import { Resources } from '../../deep-security/resources';
import { collectAccountResource } from '../collectAccountResource';
import { createAdministratorEntity } from './converter';

/** [administrator key, role ID] for every administrator with a role. */
export const ADMINISTRATOR_ROLE_REFERENCES = 'administrator-role-references';

export async function fetchAdministrators(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  const roleReferences = await collectAccountResource({
    context,
    resource: Resources.administrators,
    iterate: (client, iteratee) => client.iterateAdministrators(iteratee),
    convert: createAdministratorEntity,
    accountRelationship: Relationships.ACCOUNT_HAS_ADMINISTRATOR,
    referenceProperty: 'roleId',
  });
  await context.jobState.setData(ADMINISTRATOR_ROLE_REFERENCES, roleReferences);
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
