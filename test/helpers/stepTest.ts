import {
  Entity,
  IntegrationInvocationConfig,
  Relationship,
  StepRelationshipMetadata,
} from '@jupiterone/integration-sdk-core';
import { executeStepWithDependencies } from '@jupiterone/integration-sdk-testing';

import { invocationConfig } from '../../src';
import { recordingInstanceConfig, startRecording } from './recording';

/**
 * Runs a step and the steps it depends on through the SDK, replaying the
 * recording named after the step from `directory/__recordings__`.
 */
export async function executeRecordedStep(stepId: string, directory: string) {
  const recording = await startRecording(directory, stepId);
  try {
    return await executeStepWithDependencies({
      stepId,
      // executeStepWithDependencies in SDK 8.41 is typed for the base config
      // only, and function parameters make the typed config incompatible.
      invocationConfig:
        invocationConfig as unknown as IntegrationInvocationConfig,
      // A new object per test, so that each test gets its own client.
      instanceConfig: { ...recordingInstanceConfig },
    });
  } finally {
    await recording.stop();
  }
}

export function entitiesOfType(entities: Entity[], type: string): Entity[] {
  return entities.filter((entity) => entity._type === type);
}

export function relationshipsOfType(
  relationships: Relationship[],
  metadata: StepRelationshipMetadata,
): Relationship[] {
  return relationships.filter(
    (relationship) => relationship._type === metadata._type,
  );
}

/**
 * Returns the relationships whose ends do not have the declared source and
 * target types. Entity keys start with their `_type`, so the key tells the
 * type of an end even when the entity belongs to another step.
 */
export function findMisdirected(
  relationships: Relationship[],
  metadata: StepRelationshipMetadata,
): Relationship[] {
  return relationshipsOfType(relationships, metadata).filter(
    (relationship) =>
      !String(relationship._fromEntityKey).startsWith(
        `${metadata.sourceType}:`,
      ) ||
      !String(relationship._toEntityKey).startsWith(`${metadata.targetType}:`),
  );
}
