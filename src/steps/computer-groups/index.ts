import {
  IntegrationStep,
  IntegrationStepExecutionContext,
} from '@jupiterone/integration-sdk-core';

import { IntegrationConfig } from '../../config/fields';
import { Entities, Relationships, Steps } from '../../constants';
import { Resources } from '../../deep-security/resources';
import { collectAccountResource } from '../collectAccountResource';
import { linkReferences } from '../relationships/linkReferences';
import { createComputerGroupEntity } from './converter';

export async function fetchComputerGroups(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  const parentReferences = await collectAccountResource({
    context,
    resource: Resources.computerGroups,
    iterate: (client, iteratee) => client.iterateComputerGroups(iteratee),
    convert: createComputerGroupEntity,
    accountRelationship: Relationships.ACCOUNT_HAS_COMPUTER_GROUP,
    referenceProperty: 'parentGroupId',
  });

  // A child may arrive before its parent, so the hierarchy is linked once
  // every group has been read.
  await linkReferences({
    context,
    references: parentReferences,
    relationship: Relationships.COMPUTER_GROUP_HAS_COMPUTER_GROUP,
    referencedType: Entities.COMPUTER_GROUP._type,
    direction: 'reference-to-entity',
  });
}

export const computerGroupSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    id: Steps.COMPUTER_GROUPS,
    name: 'Fetch Computer Groups',
    entities: [Entities.COMPUTER_GROUP],
    relationships: [
      Relationships.ACCOUNT_HAS_COMPUTER_GROUP,
      Relationships.COMPUTER_GROUP_HAS_COMPUTER_GROUP,
    ],
    dependsOn: [Steps.ACCOUNT],
    executionHandler: fetchComputerGroups,
  },
];
