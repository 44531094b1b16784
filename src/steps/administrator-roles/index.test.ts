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

test('fetch-administrator-roles', async () => {
  const result = await executeRecordedStep(
    Steps.ADMINISTRATOR_ROLES,
    __dirname,
  );

  expect(result).toMatchStepMetadata(
    stepMetadataConfig(Steps.ADMINISTRATOR_ROLES),
  );
  expect(result.collectedEntities).toHaveLength(counts.roles);
  expect(result.collectedEntities).toMatchGraphObjectSchema({
    _class: Entities.ADMINISTRATOR_ROLE._class,
  });
  expect(
    result.collectedEntities.filter((entity) => entity.superAdmin === true),
  ).toHaveLength(1);
});
