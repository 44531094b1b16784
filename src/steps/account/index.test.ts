import { Steps } from '../../constants';
import { invocationConfig } from '../..';
import { executeRecordedStep } from '../../../test/helpers/stepTest';

test('fetch-account', async () => {
  const result = await executeRecordedStep(Steps.ACCOUNT, __dirname);

  expect(result).toMatchStepMetadata({
    stepId: Steps.ACCOUNT,
    invocationConfig,
  });
  expect(result.collectedEntities).toHaveLength(1);
  expect(result.collectedEntities[0]).toMatchObject({
    _key: 'trend_micro_account:local-integration-instance',
    deploymentType: 'deep-security-manager',
    apiUrl: 'http://127.0.0.1:41190/api',
  });
  expect(result.collectedEntities[0].tenantId).toEqual(expect.any(Number));
});
