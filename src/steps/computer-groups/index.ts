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
import { linkReferences } from '../relationships/linkReferences';
import { createComputerGroupEntity } from './converter';

export async function fetchComputerGroups(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  const { instance, jobState, logger } = context;
  const client = getDeepSecurityClient(instance.config, logger);
  const account = await getAccountEntity(jobState, instance.id);
  const parentReferences: Reference[] = [];

  await collectResource({
    context,
    resource: Resources.computerGroups,
    iterate: (iteratee, afterPage) =>
      client.iterateComputerGroups(iteratee, afterPage),
    convert: (group) => {
      const entity = createComputerGroupEntity(group);
      if (typeof entity.parentGroupId === 'number') {
        parentReferences.push([entity._key, entity.parentGroupId]);
      }
      return {
        entities: [entity],
        relationships: [
          createRelationshipFromMetadata(
            Relationships.ACCOUNT_HAS_COMPUTER_GROUP,
            account._key,
            entity._key,
          ),
        ],
      };
    },
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
