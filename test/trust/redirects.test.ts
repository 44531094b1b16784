import http from 'http';

import {
  IntegrationProviderAPIError,
  IntegrationValidationError,
} from '@jupiterone/integration-sdk-core';
import { executeStepWithDependencies } from '@jupiterone/integration-sdk-testing';

import { Steps } from '../../src/constants';
import { setDeepSecurityClientOptions } from '../../src/deep-security/clientRegistry';
import {
  FaultRule,
  RunningDeepSecurityServer,
  startDeepSecurityServer,
} from '../deep-security-server';
import { testInvocationConfig } from '../helpers/stepTest';
import { createSelfSignedCertificate } from './certificates';
import {
  FAST_RETRY_POLICY,
  runValidation,
  validationError,
} from './validation';

const API_KEY = 'redirect-test-key-90ad';
const TENANT = { kind: 'generated', seed: 3, computers: 2 } as const;

/** A server on another origin that records every request it receives. */
interface Bystander {
  url: string;
  received: http.IncomingHttpHeaders[];
  close(): Promise<void>;
}

async function startBystander(): Promise<Bystander> {
  const received: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((request, response) => {
    received.push(request.headers);
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end('{"ID":1}');
  });
  await new Promise<void>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve()),
  );
  const address = server.address();
  if (address === null || typeof address === 'string') {
    throw new Error(`Unexpected listen address ${String(address)}`);
  }
  return {
    url: `http://127.0.0.1:${address.port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let server: RunningDeepSecurityServer | undefined;
let bystander: Bystander;

async function startServer(
  faults: FaultRule[],
  tls?: { key: string; cert: string },
): Promise<RunningDeepSecurityServer> {
  server = await startDeepSecurityServer({
    apiKey: API_KEY,
    tenant: TENANT,
    faults,
    tls,
  });
  return server;
}

beforeAll(async () => {
  setDeepSecurityClientOptions({ retryPolicy: FAST_RETRY_POLICY });
  bystander = await startBystander();
});

afterAll(async () => {
  setDeepSecurityClientOptions({});
  await bystander.close();
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  bystander.received.length = 0;
});

describe('redirects', () => {
  test('another origin is refused', async () => {
    const location = `${bystander.url}/api/apikeys/current`;
    const running = await startServer([
      {
        path: '/apikeys/current',
        fault: { type: 'redirect', status: 307, location },
      },
    ]);

    const error = await validationError({
      apiKey: API_KEY,
      apiUrl: running.url,
    });

    expect(error).toBeInstanceOf(IntegrationValidationError);
    expect(error.message).toContain(
      `the server redirected to ${location} (status 307), another origin`,
    );
    expect(error.message).toContain(
      "set apiUrl to the manager's real API address",
    );
    expect(bystander.received).toEqual([]);
  });

  test('https to plain http is refused', async () => {
    const certificate = createSelfSignedCertificate();
    const location = `${bystander.url}/api/apikeys/current`;
    const running = await startServer(
      [
        {
          path: '/apikeys/current',
          fault: { type: 'redirect', status: 301, location },
        },
      ],
      certificate,
    );

    const error = await validationError({
      apiKey: API_KEY,
      apiUrl: running.url,
      caCertificate: certificate.cert,
    });

    expect(error.message).toContain(`the server redirected to ${location}`);
    expect(error.message).toContain(
      `The API key is sent only to https://127.0.0.1:${running.port}`,
    );
    expect(bystander.received).toEqual([]);
  });

  test('same origin is followed', async () => {
    const running = await startServer([]);
    running.setFaults([
      {
        path: '/apikeys/current',
        fault: {
          type: 'redirect',
          status: 302,
          location: `${running.url}/apikeys/current?moved=1`,
        },
      },
    ]);

    const { error } = await runValidation({
      apiKey: API_KEY,
      apiUrl: running.url,
    });

    expect(error).toBeUndefined();
    expect(
      running.requests.map((r) => `${r.method} ${r.path} ${r.status}`),
    ).toEqual([
      'GET /api/apikeys/current 302',
      'GET /api/apikeys/current?moved=1 200',
    ]);
  });

  test('relative location is followed', async () => {
    const running = await startServer([
      {
        path: '/apikeys/current',
        fault: {
          type: 'redirect',
          status: 308,
          location: '/api/apikeys/current?moved=1',
        },
      },
    ]);

    const { error } = await runValidation({
      apiKey: API_KEY,
      apiUrl: running.url,
    });

    expect(error).toBeUndefined();
    expect(running.requests.map((r) => r.status)).toEqual([308, 200]);
  });

  test('302 on a search is refused', async () => {
    const running = await startServer([
      { path: '/apikeys/current', fault: { type: 'status', status: 403 } },
      {
        path: '/computers/search',
        fault: {
          type: 'redirect',
          status: 302,
          location: '/api/computers/search',
        },
      },
    ]);

    const error = await validationError({
      apiKey: API_KEY,
      apiUrl: running.url,
    });

    expect(error.message).toContain(
      `the server answered 302 with Location ${running.url}/computers/search, which would turn the POST into a GET`,
    );
  });

  test('redirect loop stops', async () => {
    const running = await startServer([
      {
        path: '/apikeys/current',
        times: Infinity,
        fault: {
          type: 'redirect',
          status: 307,
          location: '/api/apikeys/current',
        },
      },
    ]);

    const error = await validationError({
      apiKey: API_KEY,
      apiUrl: running.url,
    });

    expect(error.message).toContain(
      `more than 5 redirects, the last to ${running.url}/apikeys/current`,
    );
    expect(running.requests).toHaveLength(5);
  });

  test('step refuses another origin', async () => {
    const location = `${bystander.url}/api/computers/search`;
    const running = await startServer([
      {
        path: '/computers/search',
        times: Infinity,
        fault: { type: 'redirect', status: 307, location },
      },
    ]);

    const failure = executeStepWithDependencies({
      stepId: Steps.COMPUTERS,
      invocationConfig: testInvocationConfig,
      instanceConfig: { apiKey: API_KEY, apiUrl: running.url },
    });

    await expect(failure).rejects.toBeInstanceOf(IntegrationProviderAPIError);
    await expect(failure).rejects.toThrow(
      `the server redirected to ${location} (status 307), another origin`,
    );
    expect(bystander.received).toEqual([]);
  });
});
