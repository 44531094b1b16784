import {
  IntegrationStepExecutionContext,
  StepRelationshipMetadata,
} from '@jupiterone/integration-sdk-core';

import { IntegrationConfig } from '../../config/fields';
import { entityKey } from '../entityKey';
import { Reference } from '../references';
import { createRelationshipFromMetadata } from '../relationshipFactory';

export type LinkDirection = 'reference-to-entity' | 'entity-to-reference';

export interface LinkOptions {
  context: IntegrationStepExecutionContext<IntegrationConfig>;
  references: Reference[];
  relationship: StepRelationshipMetadata;
  /** `_type` of the entities that the referenced IDs belong to. */
  referencedType: string;
  /**
   * `entity-to-reference`: the referring entity is the source, as in
   * administrator ASSIGNED role. `reference-to-entity`: the referenced
   * entity is the source, as in group HAS computer.
   */
  direction: LinkDirection;
}

/** Maximum number of missing IDs listed in the log line. */
const MAX_LOGGED_MISSING_IDS = 20;

/**
 * Creates one relationship per reference whose target entity was collected.
 * References to objects that were not collected (deleted meanwhile, outside
 * the key's scope, or unreadable) are counted and logged with their IDs.
 */
export async function linkReferences(options: LinkOptions): Promise<void> {
  const { context, relationship, referencedType } = options;
  const { jobState, logger } = context;
  let created = 0;
  const missingIds = new Set<number>();

  for (const [key, id] of options.references) {
    const referencedKey = entityKey(referencedType, id);
    if (!(await jobState.hasKey(referencedKey))) {
      missingIds.add(id);
      continue;
    }

    const [fromKey, toKey] =
      options.direction === 'entity-to-reference'
        ? [key, referencedKey]
        : [referencedKey, key];
    await jobState.addRelationship(
      createRelationshipFromMetadata(relationship, fromKey, toKey),
    );
    created++;
  }

  logger.info(
    { relationshipType: relationship._type, created },
    `Created ${created} ${relationship._type} relationships`,
  );
  if (missingIds.size > 0) {
    logger.warn(
      {
        relationshipType: relationship._type,
        referencedType,
        missingCount: missingIds.size,
        missingIds: Array.from(missingIds).slice(0, MAX_LOGGED_MISSING_IDS),
      },
      `Skipped ${relationship._type} relationships to ${missingIds.size} ${referencedType} IDs that were not collected`,
    );
  }
}
