import {
  IntegrationStep,
  IntegrationStepExecutionContext,
} from '@jupiterone/integration-sdk-core';

import { IntegrationConfig } from '../../config/fields';
import {
  Entities,
  MappedRelationships,
  Relationships,
  Steps,
} from '../../constants';
import { getDeepSecurityClient } from '../../deep-security/clientRegistry';
import { Resources } from '../../deep-security/resources';
import { DeepSecurityComputer } from '../../deep-security/types';
import { getAccountEntity } from '../account/getAccountEntity';
import { collectResource, ConvertedRecord } from '../collectResource';
import { Reference } from '../references';
import { createRelationshipFromMetadata } from '../relationshipFactory';
import { createAgentEntity, hasAgent } from './agent';
import { readCloudInstances } from './cloudInstance';
import { createCloudInstanceRelationship } from './cloudRelationships';
import { computerName, createComputerEntity } from './converter';
import { readProtectionModules } from './protectionModules';

/** [computer key, group ID] for every computer in a group. */
export const COMPUTER_GROUP_REFERENCES = 'computer-group-references';

export async function fetchComputers(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
): Promise<void> {
  const { instance, jobState, logger } = context;
  const client = getDeepSecurityClient(instance.config, logger);
  const account = await getAccountEntity(jobState, instance.id);
  const groupReferences: Reference[] = [];

  await collectResource<DeepSecurityComputer>({
    context,
    resource: Resources.computers,
    iterate: (iteratee) => client.iterateComputers(iteratee),
    convert: (computer) => {
      const instances = readCloudInstances(computer);
      const modules = readProtectionModules(computer);
      const entity = createComputerEntity(computer, instances, modules);
      const converted: ConvertedRecord = {
        entities: [entity],
        relationships: [
          createRelationshipFromMetadata(
            Relationships.ACCOUNT_HAS_COMPUTER,
            account._key,
            entity._key,
          ),
        ],
      };

      if (hasAgent(computer)) {
        const agent = createAgentEntity(
          computer,
          computerName(computer),
          modules,
        );
        converted.entities.push(agent);
        converted.relationships.push(
          createRelationshipFromMetadata(
            Relationships.AGENT_PROTECTS_COMPUTER,
            agent._key,
            entity._key,
          ),
        );
      }

      for (const cloudInstance of instances) {
        const mapped = createCloudInstanceRelationship(entity, cloudInstance);
        if (mapped) {
          converted.relationships.push(mapped);
        }
      }

      // Recorded last, so a record that failed to convert leaves no
      // reference behind.
      if (typeof entity.groupId === 'number') {
        groupReferences.push([entity._key, entity.groupId]);
      }
      return converted;
    },
  });

  await jobState.setData(COMPUTER_GROUP_REFERENCES, groupReferences);
}

export const computerSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    id: Steps.COMPUTERS,
    name: 'Fetch Computers',
    entities: [Entities.COMPUTER, Entities.AGENT],
    relationships: [
      Relationships.ACCOUNT_HAS_COMPUTER,
      Relationships.AGENT_PROTECTS_COMPUTER,
    ],
    mappedRelationships: [
      MappedRelationships.COMPUTER_IS_AWS_INSTANCE,
      MappedRelationships.COMPUTER_IS_AZURE_VM,
      MappedRelationships.COMPUTER_IS_GCP_INSTANCE,
    ],
    dependsOn: [Steps.ACCOUNT],
    executionHandler: fetchComputers,
  },
];
