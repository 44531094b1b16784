import {
  IntegrationStep,
  IntegrationStepExecutionContext,
} from '@jupiterone/integration-sdk-core';

import { IntegrationConfig } from '../../config/fields';
import { Entities, Relationships, Steps } from '../../constants';
import { ADMINISTRATOR_ROLE_REFERENCES } from '../administrators';
import { API_KEY_ROLE_REFERENCES } from '../api-keys';
import { COMPUTER_GROUP_REFERENCES } from '../computers';
import { readReferences } from '../references';
import { linkReferences } from './linkReferences';

export async function buildAdministratorRoleRelationships(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  await linkReferences({
    context,
    references: await readReferences(
      context.jobState,
      ADMINISTRATOR_ROLE_REFERENCES,
      Entities.ADMINISTRATOR._type,
      'roleId',
    ),
    relationship: Relationships.ADMINISTRATOR_ASSIGNED_ROLE,
    referencedType: Entities.ADMINISTRATOR_ROLE._type,
    direction: 'entity-to-reference',
  });
}

export async function buildApiKeyRoleRelationships(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  await linkReferences({
    context,
    references: await readReferences(
      context.jobState,
      API_KEY_ROLE_REFERENCES,
      Entities.API_KEY._type,
      'roleId',
    ),
    relationship: Relationships.API_KEY_ASSIGNED_ROLE,
    referencedType: Entities.ADMINISTRATOR_ROLE._type,
    direction: 'entity-to-reference',
  });
}

export async function buildComputerGroupRelationships(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  await linkReferences({
    context,
    references: await readReferences(
      context.jobState,
      COMPUTER_GROUP_REFERENCES,
      Entities.COMPUTER._type,
      'groupId',
    ),
    relationship: Relationships.COMPUTER_GROUP_HAS_COMPUTER,
    referencedType: Entities.COMPUTER_GROUP._type,
    direction: 'reference-to-entity',
  });
}

export const relationshipSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    id: Steps.ADMINISTRATOR_ROLE_RELATIONSHIPS,
    name: 'Build Administrator Role Relationships',
    entities: [],
    relationships: [Relationships.ADMINISTRATOR_ASSIGNED_ROLE],
    dependsOn: [Steps.ADMINISTRATORS, Steps.ADMINISTRATOR_ROLES],
    executionHandler: buildAdministratorRoleRelationships,
  },
  {
    id: Steps.API_KEY_ROLE_RELATIONSHIPS,
    name: 'Build API Key Role Relationships',
    entities: [],
    relationships: [Relationships.API_KEY_ASSIGNED_ROLE],
    dependsOn: [Steps.API_KEYS, Steps.ADMINISTRATOR_ROLES],
    executionHandler: buildApiKeyRoleRelationships,
  },
  {
    id: Steps.COMPUTER_GROUP_RELATIONSHIPS,
    name: 'Build Computer Group Relationships',
    entities: [],
    relationships: [Relationships.COMPUTER_GROUP_HAS_COMPUTER],
    dependsOn: [Steps.COMPUTER_GROUPS, Steps.COMPUTERS],
    executionHandler: buildComputerGroupRelationships,
  },
];
