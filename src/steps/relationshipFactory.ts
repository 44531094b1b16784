import {
  createDirectRelationship,
  Relationship,
  StepRelationshipMetadata,
} from '@jupiterone/integration-sdk-core';

/**
 * Builds a relationship between two keys with the `_type`, `_class` and
 * direction declared in the step metadata, so the collected data always
 * matches what the steps declare.
 */
export function createRelationshipFromMetadata(
  metadata: StepRelationshipMetadata,
  fromKey: string,
  toKey: string,
): Relationship {
  return createDirectRelationship({
    _class: metadata._class,
    fromType: metadata.sourceType,
    fromKey,
    toType: metadata.targetType,
    toKey,
    properties: { _type: metadata._type },
  });
}
