import fs from 'fs';
import https from 'https';
import path from 'path';

import { IntegrationValidationError } from '@jupiterone/integration-sdk-core';
import { executeStepWithDependencies } from '@jupiterone/integration-sdk-testing';

import { Entities, Steps } from '../../src/constants';
import { setDeepSecurityClientOptions } from '../../src/deep-security/clientRegistry';
import {
  RunningDeepSecurityServer,
  startDeepSecurityServer,
} from '../deep-security-server';
import { CliResult, readSummary, runCli } from '../helpers/cli';
import { entitiesOfType, testInvocationConfig } from '../helpers/stepTest';
import {
  CertificateAuthority,
  createCertificateAuthority,
  createSelfSignedCertificate,
  ServerCertificate,
} from './certificates';
import {
  FAST_RETRY_POLICY,
  runValidation,
  validationError,
} from './validation';

const API_KEY = 'tls-test-key-51be';
const TENANT = { kind: 'generated', seed: 9, computers: 4 } as const;
const DISABLED_WARNING = 'TLS certificate verification is disabled';

const servers: RunningDeepSecurityServer[] = [];

async function startTlsServer(
  tls: ServerCertificate,
): Promise<RunningDeepSecurityServer> {
  const server = await startDeepSecurityServer({
    apiKey: API_KEY,
    tenant: TENANT,
    tls,
  });
  servers.push(server);
  return server;
}

/** Sends one request through Node's global agent, which trusts only the system authorities. */
function requestWithGlobalAgent(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    https
      .get(url, (response) => {
        response.resume();
        resolve(`status ${response.statusCode ?? 0}`);
      })
      .on('error', reject);
  });
}

beforeAll(() => {
  setDeepSecurityClientOptions({ retryPolicy: FAST_RETRY_POLICY });
});

afterAll(async () => {
  setDeepSecurityClientOptions({});
  await Promise.all(servers.map((server) => server.close()));
});

describe('self-signed manager certificate', () => {
  let certificate: ServerCertificate;
  let server: RunningDeepSecurityServer;

  beforeAll(async () => {
    certificate = createSelfSignedCertificate();
    server = await startTlsServer(certificate);
  });

  test('trusted with caCertificate', async () => {
    const { error, warnings } = await runValidation({
      apiKey: API_KEY,
      apiUrl: server.url,
      caCertificate: certificate.cert,
    });

    expect(error).toBeUndefined();
    expect(warnings.join('\n')).not.toContain(DISABLED_WARNING);
  });

  test('trusted from a one-line .env value', async () => {
    const oneLine = certificate.cert.trim().replace(/\r?\n/g, '\\n');

    const { error } = await runValidation({
      apiKey: API_KEY,
      apiUrl: server.url,
      caCertificate: oneLine,
    });

    expect(error).toBeUndefined();
  });

  test('steps collect through caCertificate', async () => {
    const result = await executeStepWithDependencies({
      stepId: Steps.COMPUTERS,
      invocationConfig: testInvocationConfig,
      instanceConfig: {
        apiKey: API_KEY,
        apiUrl: server.url,
        caCertificate: certificate.cert,
      },
    });

    expect(
      entitiesOfType(result.collectedEntities, Entities.COMPUTER._type),
    ).toHaveLength(TENANT.computers);
  });

  test('rejected without caCertificate', async () => {
    const error = await validationError({
      apiKey: API_KEY,
      apiUrl: server.url,
    });

    expect(error).toBeInstanceOf(IntegrationValidationError);
    expect(error.message).toContain(
      `TLS connection to 127.0.0.1:${server.port} failed: DEPTH_ZERO_SELF_SIGNED_CERT (self-signed certificate)`,
    );
    expect(error.message).toContain(
      "The manager's certificate is not signed by a trusted certificate authority",
    );
    expect(error.message).toContain('set caCertificate to the PEM text');
  });

  test('rejected with another certificate', async () => {
    const other = createSelfSignedCertificate();

    const error = await validationError({
      apiKey: API_KEY,
      apiUrl: server.url,
      caCertificate: other.cert,
    });

    expect(error).toBeInstanceOf(IntegrationValidationError);
    expect(error.message).toContain('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(error.message).toContain(
      'If caCertificate is already set, it holds a different authority',
    );
  });

  test('accepted with disableTlsVerification', async () => {
    const { error, warnings } = await runValidation({
      apiKey: API_KEY,
      apiUrl: server.url,
      disableTlsVerification: true,
    });

    expect(error).toBeUndefined();
    expect(warnings.join('\n')).toContain(
      `${DISABLED_WARNING} (disableTlsVerification=true)`,
    );
  });

  test('warns again at every start', async () => {
    const config = {
      apiKey: API_KEY,
      apiUrl: server.url,
      disableTlsVerification: true,
    };

    const first = await runValidation({ ...config });
    const second = await runValidation({ ...config });

    expect(first.warnings.join('\n')).toContain(DISABLED_WARNING);
    expect(second.warnings.join('\n')).toContain(DISABLED_WARNING);
  });

  test('trust stays inside the integration', async () => {
    const { error } = await runValidation({
      apiKey: API_KEY,
      apiUrl: server.url,
      caCertificate: certificate.cert,
    });
    expect(error).toBeUndefined();

    await expect(
      requestWithGlobalAgent(`${server.url}/apikeys/current`),
    ).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
  });
});

describe('certificate from a private authority', () => {
  let authority: CertificateAuthority;

  beforeAll(() => {
    authority = createCertificateAuthority();
  });

  test('trusted with the authority', async () => {
    const server = await startTlsServer(authority.issue(2));

    const { error } = await runValidation({
      apiKey: API_KEY,
      apiUrl: server.url,
      caCertificate: authority.cert,
    });

    expect(error).toBeUndefined();
  });

  test('rejected without the authority', async () => {
    const server = await startTlsServer(authority.issue(2));

    const error = await validationError({
      apiKey: API_KEY,
      apiUrl: server.url,
    });

    expect(error).toBeInstanceOf(IntegrationValidationError);
    expect(error.message).toContain('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    expect(error.message).toContain('set caCertificate');
  });

  test('expired certificate is named', async () => {
    const server = await startTlsServer(
      authority.issue({ start: '20200101000000Z', end: '20200102000000Z' }),
    );

    const error = await validationError({
      apiKey: API_KEY,
      apiUrl: server.url,
      caCertificate: authority.cert,
    });

    expect(error).toBeInstanceOf(IntegrationValidationError);
    expect(error.message).toContain(
      'CERT_HAS_EXPIRED (certificate has expired)',
    );
    expect(error.message).toContain(
      "The manager's certificate has expired. Renew it on the manager.",
    );
  });
});

describe('other TLS failures', () => {
  test('host name mismatch is named', async () => {
    const certificate = createSelfSignedCertificate([
      { type: 2, value: 'dsm.example.com' },
    ]);
    const server = await startTlsServer(certificate);

    const error = await validationError({
      apiKey: API_KEY,
      apiUrl: server.url,
      caCertificate: certificate.cert,
    });

    expect(error).toBeInstanceOf(IntegrationValidationError);
    expect(error.message).toContain('ERR_TLS_CERT_ALTNAME_INVALID');
    expect(error.message).toContain('does not list the host name in apiUrl');
  });

  test('https to a plain http port', async () => {
    const server = await startDeepSecurityServer({
      apiKey: API_KEY,
      tenant: TENANT,
    });
    servers.push(server);

    const error = await validationError({
      apiKey: API_KEY,
      apiUrl: server.url.replace(/^http:/, 'https:'),
    });

    expect(error).toBeInstanceOf(IntegrationValidationError);
    expect(error.message).toContain('EPROTO (wrong version number)');
    expect(error.message).toContain('the port does not serve HTTPS');
  });
});

describe('collect with the CLI over TLS', () => {
  let server: RunningDeepSecurityServer;
  let withCa: CliResult;
  let verificationOff: CliResult;
  let withoutCa: CliResult;

  beforeAll(async () => {
    const certificate = createSelfSignedCertificate();
    server = await startTlsServer(certificate);
    const env = { API_KEY: API_KEY, API_URL: server.url };

    [withCa, verificationOff, withoutCa] = await Promise.all([
      runCli({
        args: ['collect'],
        env: {
          ...env,
          // How a PEM file fits into one line of a .env file.
          CA_CERTIFICATE: certificate.cert.trim().replace(/\r?\n/g, '\\n'),
        },
      }),
      runCli({
        args: ['collect'],
        env: { ...env, DISABLE_TLS_VERIFICATION: 'true' },
      }),
      runCli({ args: ['collect'], env }),
    ]);
  }, 120_000);

  afterAll(() => {
    for (const result of [withCa, verificationOff, withoutCa]) {
      // The scratch project contains .j1-integration and a link to src, which
      // fs.rmSync removes without following.
      fs.rmSync(path.dirname(result.storageDirectory), {
        recursive: true,
        force: true,
      });
    }
  });

  test('CA_CERTIFICATE lets every step succeed', () => {
    const summary = readSummary(withCa.storageDirectory);

    expect(
      summary.integrationStepResults.filter(
        (step) => step.status !== 'success',
      ),
    ).toEqual([]);
    expect(withCa.stdout + withCa.stderr).not.toContain(DISABLED_WARNING);
  });

  test('DISABLE_TLS_VERIFICATION warns and succeeds', () => {
    const summary = readSummary(verificationOff.storageDirectory);

    expect(
      summary.integrationStepResults.filter(
        (step) => step.status !== 'success',
      ),
    ).toEqual([]);
    expect(verificationOff.stdout + verificationOff.stderr).toContain(
      DISABLED_WARNING,
    );
  });

  test('no CA stops at validation', () => {
    const output = withoutCa.stdout + withoutCa.stderr;

    expect(output).toContain('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(output).toContain('set caCertificate to the PEM text');
    expect(
      fs.existsSync(path.join(withoutCa.storageDirectory, 'summary.json')),
    ).toBe(false);
  });
});
