import {
  Entity,
  IntegrationInvocationConfig,
  Relationship,
  StepRelationshipMetadata,
} from '@jupiterone/integration-sdk-core';
import {
  executeStepWithDependencies,
  StepTestConfig,
} from '@jupiterone/integration-sdk-testing';

import { invocationConfig } from '../../src';
import { recordingInstanceConfig, startRecording } from './recording';

/**
 * The integration's invocation config, typed as the SDK 8.41 test helpers
 * expect. They are typed for the base config only, and the typed
 * `validateInvocation` parameter makes ours incompatible with it.
 */
export const testInvocationConfig =
  invocationConfig as unknown as IntegrationInvocationConfig;

/** Builds the argument of `toMatchStepMetadata` for a step of this integration. */
export function stepMetadataConfig(
  stepId: string,
  config: IntegrationInvocationConfig = testInvocationConfig,
): StepTestConfig {
  return {
    stepId,
    invocationConfig: config,
    instanceConfig: recordingInstanceConfig,
  };
}

/**
 * Runs a step and the steps it depends on through the SDK, replaying the
 * recording named after the step from `directory/__recordings__`.
 */
export async function executeRecordedStep(stepId: string, directory: string) {
  const recording = await startRecording(directory, stepId);
  try {
    return await executeStepWithDependencies({
      stepId,
      invocationConfig: testInvocationConfig,
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
 * target types. Entity keys start with their `_type`, so the key shows the
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
