import { IntegrationValidationError } from '@jupiterone/integration-sdk-core';
import { createMockIntegrationLogger } from '@jupiterone/integration-sdk-testing';

import {
  getDeepSecurityClient,
  RETRY_POLICY_VARIABLE,
} from '../../src/deep-security/clientRegistry';
import {
  RunningDeepSecurityServer,
  startDeepSecurityServer,
} from '../deep-security-server';
import { API_KEY, collectIds, rejectionOf, TENANT } from './faultServer';

describe(RETRY_POLICY_VARIABLE, () => {
  let server: RunningDeepSecurityServer | undefined;

  afterEach(async () => {
    delete process.env[RETRY_POLICY_VARIABLE];
    await server?.close();
    server = undefined;
  });

  test('sets the attempts of new clients', async () => {
    server = await startDeepSecurityServer({
      apiKey: API_KEY,
      tenant: TENANT,
      faults: [
        {
          resource: 'roles',
          times: Infinity,
          fault: { type: 'status', status: 503 },
        },
      ],
    });
    process.env[RETRY_POLICY_VARIABLE] = JSON.stringify({
      maxAttempts: 2,
      initialDelayMs: 1,
    });
    const client = getDeepSecurityClient(
      { apiKey: API_KEY, apiUrl: server.url },
      createMockIntegrationLogger(),
    );

    const error = await rejectionOf(
      collectIds((iteratee) => client.iterateAdministratorRoles(iteratee)),
    );
    client.close();

    expect(error.message).toContain('gave up after 2 attempts');
    expect(server.requests).toHaveLength(2);
  });

  test('invalid JSON is a validation error', () => {
    process.env[RETRY_POLICY_VARIABLE] = '{maxAttempts: 2}';
    const createClient = () =>
      getDeepSecurityClient(
        { apiKey: API_KEY, apiUrl: 'http://127.0.0.1:1/api' },
        createMockIntegrationLogger(),
      );

    expect(createClient).toThrow(IntegrationValidationError);
    expect(createClient).toThrow(
      `Invalid ${RETRY_POLICY_VARIABLE}: not valid JSON`,
    );
    expect(createClient).toThrow(`Fix or unset ${RETRY_POLICY_VARIABLE}.`);
  });
});
