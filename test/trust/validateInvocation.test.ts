import {
  IntegrationProviderAPIError,
  IntegrationProviderAuthenticationError,
  IntegrationProviderAuthorizationError,
  IntegrationValidationError,
} from '@jupiterone/integration-sdk-core';

import { setDeepSecurityClientOptions } from '../../src/deep-security/clientRegistry';
import { Resources } from '../../src/deep-security/resources';
import {
  RunningDeepSecurityServer,
  StartDeepSecurityServerOptions,
  startDeepSecurityServer,
} from '../deep-security-server';
import { createSelfSignedCertificate } from './certificates';
import { findClosedPort } from './closedPort';
import {
  FAST_RETRY_POLICY,
  runValidation,
  validationError,
} from './validation';

const API_KEY = 'validation-key-7d41c2';
const TENANT = { kind: 'generated', seed: 5, computers: 3 } as const;

/** Words that would send the user to fix the key when the key is fine. */
const KEY_BLAME =
  /credential|authenticat|API key was rejected|check that apiKey/i;

let server: RunningDeepSecurityServer | undefined;

async function startServer(
  options: Partial<StartDeepSecurityServerOptions> = {},
): Promise<RunningDeepSecurityServer> {
  server = await startDeepSecurityServer({
    apiKey: API_KEY,
    tenant: TENANT,
    ...options,
  });
  return server;
}

beforeAll(() => {
  setDeepSecurityClientOptions({ retryPolicy: FAST_RETRY_POLICY });
});

afterAll(() => {
  setDeepSecurityClientOptions({});
});

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('validateInvocation', () => {
  test('accepts a key with one call', async () => {
    const running = await startServer();

    const { error } = await runValidation({
      apiKey: API_KEY,
      apiUrl: running.url,
    });

    expect(error).toBeUndefined();
    expect(running.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/apikeys/current',
    ]);
    expect(running.requests[0].authHeader).toBe('api-secret-key');
  });

  test('checks fields before any call', async () => {
    const running = await startServer();

    const error = await validationError({
      apiKey: API_KEY,
      apiUrl: running.url.replace(/\/api$/, ''),
    });

    expect(error).toBeInstanceOf(IntegrationValidationError);
    expect(error.message).toContain('Invalid apiUrl');
    expect(error.message).toContain('must end in /api');
    expect(error.message).toContain('https://dsm.example.com:4119/api');
    expect(error.message).not.toContain(API_KEY);
    expect(running.requests).toEqual([]);
  });

  test('401 is an authentication error', async () => {
    const running = await startServer();

    const error = await validationError({
      apiKey: 'validation-key-wrong',
      apiUrl: running.url,
    });

    expect(error).toBeInstanceOf(IntegrationProviderAuthenticationError);
    expect(error.message).toContain(
      `Provider authentication failed at GET ${running.url}/apikeys/current: 401 Invalid API key.`,
    );
    expect(error.message).toContain('check that apiKey is an active');
    expect(error.message).not.toContain('validation-key-wrong');
    expect(running.requests).toHaveLength(1);
  });

  test('403 names the missing right', async () => {
    const running = await startServer({
      forbidden: ['computers'],
      faults: [
        {
          path: '/apikeys/current',
          fault: {
            type: 'status',
            status: 403,
            body: '{"message":"Not authorized to view API keys."}',
          },
        },
      ],
    });

    const error = await validationError({
      apiKey: API_KEY,
      apiUrl: running.url,
    });

    expect(error).toBeInstanceOf(IntegrationProviderAuthorizationError);
    expect(error.message).toContain(
      `Provider authorization failed at POST ${running.url}/computers/search?expand=none: 403 Not authorized to view computers.`,
    );
    expect(error.message).toContain(
      `Grant the key's role the right "${Resources.computers.requiredRight}"`,
    );
    expect(error.message).toContain('allows API access (allowWebService)');
  });

  test('403 on the key alone is accepted', async () => {
    const running = await startServer({
      faults: [
        {
          path: '/apikeys/current',
          fault: { type: 'status', status: 403 },
        },
      ],
    });

    const { error } = await runValidation({
      apiKey: API_KEY,
      apiUrl: running.url,
    });

    expect(error).toBeUndefined();
    expect(running.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/apikeys/current',
      'POST /api/computers/search?expand=none',
    ]);
    expect(running.requests[1].searchBody).toEqual({ maxItems: 1 });
    expect(running.requests[1].itemCount).toBe(1);
  });

  test('TLS failure names caCertificate', async () => {
    const running = await startServer({ tls: createSelfSignedCertificate() });

    const error = await validationError({
      apiKey: API_KEY,
      apiUrl: running.url,
    });

    expect(error).toBeInstanceOf(IntegrationValidationError);
    expect(error.message).toContain(
      `TLS connection to 127.0.0.1:${running.port} failed: DEPTH_ZERO_SELF_SIGNED_CERT (self-signed certificate)`,
    );
    expect(error.message).toContain('set caCertificate to the PEM text');
    expect(error.message).not.toMatch(KEY_BLAME);
  });

  test('connection refused names the host', async () => {
    const port = await findClosedPort();

    const error = await validationError({
      apiKey: API_KEY,
      apiUrl: `http://127.0.0.1:${port}/api`,
    });

    expect(error).toBeInstanceOf(IntegrationValidationError);
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).toContain('Nothing accepted the connection');
    expect(error.message).not.toMatch(KEY_BLAME);
  });

  test('unknown host names the host', async () => {
    // Names under the reserved .invalid top-level domain never resolve.
    const error = await validationError({
      apiKey: API_KEY,
      apiUrl: 'https://dsm.invalid:4119/api',
    });

    expect(error).toBeInstanceOf(IntegrationValidationError);
    expect(error.message).toContain(
      'the host name dsm.invalid could not be resolved (ENOTFOUND). Check apiUrl or region.',
    );
    expect(error.message).not.toMatch(KEY_BLAME);
  });

  test('timeout names the host', async () => {
    const running = await startServer({
      faults: [
        { path: '/apikeys/current', times: Infinity, fault: { type: 'hang' } },
      ],
    });
    setDeepSecurityClientOptions({
      retryPolicy: { ...FAST_RETRY_POLICY, attemptTimeoutMs: 200 },
    });

    let error: Error;
    try {
      error = await validationError({ apiKey: API_KEY, apiUrl: running.url });
    } finally {
      setDeepSecurityClientOptions({ retryPolicy: FAST_RETRY_POLICY });
    }

    expect(error).toBeInstanceOf(IntegrationValidationError);
    expect(error.message).toContain(
      `no complete response from 127.0.0.1:${running.port} within 200 ms`,
    );
    expect(error.message).toContain('Check that a firewall or proxy');
    expect(error.message).not.toMatch(KEY_BLAME);
  });

  test.each([500, 502, 503])('%i is a provider error', async (status) => {
    const running = await startServer({
      faults: [
        {
          path: '/apikeys/current',
          times: Infinity,
          fault: { type: 'status', status },
        },
      ],
    });

    const error = await validationError({
      apiKey: API_KEY,
      apiUrl: running.url,
    });

    expect(error).toBeInstanceOf(IntegrationProviderAPIError);
    expect(error).not.toBeInstanceOf(IntegrationProviderAuthenticationError);
    expect(error).not.toBeInstanceOf(IntegrationProviderAuthorizationError);
    expect(error).not.toBeInstanceOf(IntegrationValidationError);
    expect(error.message).toContain(
      `Deep Security request GET ${running.url}/apikeys/current failed: ${status}`,
    );
    expect(error.message).toContain('The manager reported a server error');
    expect(error.message).not.toMatch(KEY_BLAME);
    expect(running.requests).toHaveLength(FAST_RETRY_POLICY.maxAttempts ?? 0);
  });
});
