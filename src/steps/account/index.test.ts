import { Steps } from '../../constants';
import {
  executeRecordedStep,
  stepMetadataConfig,
} from '../../../test/helpers/stepTest';

test('fetch-account', async () => {
  const result = await executeRecordedStep(Steps.ACCOUNT, __dirname);

  expect(result).toMatchStepMetadata(stepMetadataConfig(Steps.ACCOUNT));
  expect(result.collectedEntities).toHaveLength(1);
  expect(result.collectedEntities[0]).toMatchObject({
    _key: 'trend_micro_account:local-integration-instance',
    deploymentType: 'deep-security-manager',
    apiUrl: 'http://127.0.0.1:41190/api',
  });
  expect(result.collectedEntities[0].tenantId).toEqual(expect.any(Number));
});
