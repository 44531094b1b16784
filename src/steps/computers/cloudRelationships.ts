import {
  createMappedRelationship,
  Entity,
  Relationship,
  RelationshipDirection,
  TargetFilterKey,
} from '@jupiterone/integration-sdk-core';

import { MappedRelationships } from '../../constants';
import { CloudInstance } from './cloudInstance';

/**
 * Maps a computer to the instance entity that the AWS, Azure or Google
 * Cloud integration reports for the same machine. No placeholder is created
 * when that integration has not reported the instance.
 */
export function createCloudInstanceRelationship(
  computer: Entity,
  instance: CloudInstance,
): Relationship | undefined {
  const target = targetOf(instance);
  if (!target) {
    return undefined;
  }

  return createMappedRelationship({
    _class: target.metadata._class,
    _type: target.metadata._type,
    _mapping: {
      relationshipDirection: RelationshipDirection.FORWARD,
      sourceEntityKey: computer._key,
      targetFilterKeys: target.filterKeys,
      targetEntity: target.entity,
      skipTargetCreation: true,
    },
    properties: {
      instanceId: instance.instanceId,
      reportedBy: instance.source,
    },
  });
}

interface MappingTarget {
  metadata: (typeof MappedRelationships)[keyof typeof MappedRelationships];
  filterKeys: TargetFilterKey[];
  entity: Record<string, string | undefined> & { _type: string };
}

function targetOf(instance: CloudInstance): MappingTarget | undefined {
  if (instance.provider === 'aws') {
    return {
      metadata: MappedRelationships.COMPUTER_IS_AWS_INSTANCE,
      filterKeys: [['_type', 'instanceId']],
      entity: {
        _type: MappedRelationships.COMPUTER_IS_AWS_INSTANCE.targetType,
        _class: 'Host',
        instanceId: instance.instanceId,
        accountId: instance.accountId,
        region: instance.region,
      },
    };
  }

  if (instance.provider === 'azure') {
    // The Azure integration keys virtual machines by their Resource
    // Manager ID, so only an ARM summary can be mapped.
    if (!instance.resourceId) {
      return undefined;
    }
    return {
      metadata: MappedRelationships.COMPUTER_IS_AZURE_VM,
      filterKeys: [['_type', '_key']],
      entity: {
        _type: MappedRelationships.COMPUTER_IS_AZURE_VM.targetType,
        _class: 'Host',
        _key: instance.resourceId,
      },
    };
  }

  return {
    metadata: MappedRelationships.COMPUTER_IS_GCP_INSTANCE,
    filterKeys: [['_type', 'id']],
    entity: {
      _type: MappedRelationships.COMPUTER_IS_GCP_INSTANCE.targetType,
      _class: 'Host',
      id: instance.instanceId,
    },
  };
}
