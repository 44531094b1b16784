import { Entities, Steps } from '../../constants';
import { generatedTenantCounts } from '../../../test/deep-security-server';
import { RECORDING_TENANT } from '../../../test/helpers/recording';
import {
  executeRecordedStep,
  stepMetadataConfig,
} from '../../../test/helpers/stepTest';

const counts = generatedTenantCounts(
  RECORDING_TENANT.seed,
  RECORDING_TENANT.computers,
);

test('fetch-api-keys', async () => {
  const result = await executeRecordedStep(Steps.API_KEYS, __dirname);

  expect(result).toMatchStepMetadata(stepMetadataConfig(Steps.API_KEYS));
  expect(result.collectedEntities).toHaveLength(counts.apiKeys);
  expect(result.collectedEntities).toMatchGraphObjectSchema({
    _class: Entities.API_KEY._class,
  });
  expect(result.collectedEntities.map((entity) => entity.expires)).toContain(
    false,
  );
  expect(result.collectedEntities.map((entity) => entity.expires)).toContain(
    true,
  );
});
