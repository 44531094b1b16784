import { Entities, Relationships, Steps } from '../../constants';
import { generatedTenantCounts } from '../../../test/deep-security-server';
import { RECORDING_TENANT } from '../../../test/helpers/recording';
import {
  entitiesOfType,
  executeRecordedStep,
  findMisdirected,
  stepMetadataConfig,
} from '../../../test/helpers/stepTest';

const counts = generatedTenantCounts(
  RECORDING_TENANT.seed,
  RECORDING_TENANT.computers,
);

test('fetch-administrators', async () => {
  const result = await executeRecordedStep(Steps.ADMINISTRATORS, __dirname);

  expect(result).toMatchStepMetadata(stepMetadataConfig(Steps.ADMINISTRATORS));
  const administrators = entitiesOfType(
    result.collectedEntities,
    Entities.ADMINISTRATOR._type,
  );
  expect(administrators).toHaveLength(counts.administrators);
  expect(administrators).toMatchGraphObjectSchema({
    _class: Entities.ADMINISTRATOR._class,
  });
  expect(administrators.some((entity) => entity.mfaEnabled === true)).toBe(
    true,
  );
  expect(result.collectedRelationships).toHaveLength(counts.administrators);
  expect(
    findMisdirected(
      result.collectedRelationships,
      Relationships.ACCOUNT_HAS_ADMINISTRATOR,
    ),
  ).toEqual([]);
});
