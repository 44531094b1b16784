import { Relationships, Steps } from '../../constants';
import { generatedTenantCounts } from '../../../test/deep-security-server';
import { RECORDING_TENANT } from '../../../test/helpers/recording';
import {
  executeRecordedStep,
  findMisdirected,
  stepMetadataConfig,
} from '../../../test/helpers/stepTest';

const counts = generatedTenantCounts(
  RECORDING_TENANT.seed,
  RECORDING_TENANT.computers,
);

test('build-administrator-role-relationships', async () => {
  const stepId = Steps.ADMINISTRATOR_ROLE_RELATIONSHIPS;
  const result = await executeRecordedStep(stepId, __dirname);

  expect(result).toMatchStepMetadata(stepMetadataConfig(stepId));
  expect(result.collectedRelationships.length).toBeGreaterThan(0);
  expect(
    findMisdirected(
      result.collectedRelationships,
      Relationships.ADMINISTRATOR_ASSIGNED_ROLE,
    ),
  ).toEqual([]);
});

test('build-api-key-role-relationships', async () => {
  const stepId = Steps.API_KEY_ROLE_RELATIONSHIPS;
  const result = await executeRecordedStep(stepId, __dirname);

  expect(result).toMatchStepMetadata(stepMetadataConfig(stepId));
  expect(result.collectedRelationships.length).toBeGreaterThan(0);
  expect(
    findMisdirected(
      result.collectedRelationships,
      Relationships.API_KEY_ASSIGNED_ROLE,
    ),
  ).toEqual([]);
});

test('build-computer-group-relationships', async () => {
  const stepId = Steps.COMPUTER_GROUP_RELATIONSHIPS;
  const result = await executeRecordedStep(stepId, __dirname);

  expect(result).toMatchStepMetadata(stepMetadataConfig(stepId));
  expect(result.collectedRelationships).toHaveLength(
    counts.computersInExistingGroup,
  );
  expect(
    findMisdirected(
      result.collectedRelationships,
      Relationships.COMPUTER_GROUP_HAS_COMPUTER,
    ),
  ).toEqual([]);
});
