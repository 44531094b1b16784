import { randomUUID } from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { format, inspect } from 'util';

import { executeStepWithDependencies } from '@jupiterone/integration-sdk-testing';

import { IntegrationConfig } from '../../src/config/fields';
import { Steps } from '../../src/constants';
import { setDeepSecurityClientOptions } from '../../src/deep-security/clientRegistry';
import {
  RunningDeepSecurityServer,
  startDeepSecurityServer,
  StartDeepSecurityServerOptions,
} from '../deep-security-server';
import { PROJECT_ROOT, runCli } from '../helpers/cli';
import {
  RECORDING_API_KEY,
  setupDeepSecurityRecording,
} from '../helpers/recording';
import { testInvocationConfig } from '../helpers/stepTest';
import { createSelfSignedCertificate } from './certificates';
import { findClosedPort } from './closedPort';
import { FAST_RETRY_POLICY, runValidation } from './validation';

/** The key under test. Nothing the integration writes or prints may contain it. */
const CANARY_KEY = `canary-key-${randomUUID()}`;
const TENANT = { kind: 'generated', seed: 17, computers: 6 } as const;

/** Steps run in the process, after validation, for their thrown errors. */
const STEPS_IN_PROCESS = [Steps.ACCOUNT, Steps.API_KEYS, Steps.COMPUTERS];

/** One piece of output that must not contain the key. */
interface Output {
  scenario: string;
  /** Where the text came from, for example `stdout` or a file path. */
  source: string;
  text: string;
}

interface Scenario {
  name: string;
  apiUrl: string;
  /** Text that shows the scenario failed the way it should. */
  evidence: string;
}

const outputs: Output[] = [];
const servers: RunningDeepSecurityServer[] = [];
const temporaryFolders: string[] = [];

function collect(scenario: string, source: string, text: string): void {
  outputs.push({ scenario, source, text });
}

/** Records an error the way a test runner or logger could show it. */
function collectError(scenario: string, source: string, err: unknown): void {
  collect(scenario, `${source} message`, String(err));
  collect(scenario, `${source} inspected`, inspect(err, { depth: 10 }));
}

function outputsOf(scenario: string): Output[] {
  return outputs.filter((output) => output.scenario === scenario);
}

function sourcesContaining(scenario: string, text: string): string[] {
  return outputsOf(scenario)
    .filter((output) => output.text.includes(text))
    .map((output) => output.source);
}

function listFiles(directory: string): string[] {
  if (!fs.existsSync(directory)) {
    return [];
  }
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'node_modules' ? [] : listFiles(file);
    }
    return entry.isFile() ? [file] : [];
  });
}

function makeTemporaryFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'trend-micro-canary-'));
  temporaryFolders.push(folder);
  return folder;
}

async function startServer(
  options: Partial<StartDeepSecurityServerOptions>,
): Promise<RunningDeepSecurityServer> {
  const server = await startDeepSecurityServer({
    apiKey: CANARY_KEY,
    tenant: TENANT,
    ...options,
  });
  servers.push(server);
  return server;
}

/** Runs `j1-integration collect` and keeps its output and every file it wrote. */
async function collectWithCli(scenario: Scenario): Promise<void> {
  const result = await runCli({
    args: ['collect'],
    env: { API_KEY: CANARY_KEY, API_URL: scenario.apiUrl, LOG_LEVEL: 'trace' },
  });
  temporaryFolders.push(path.dirname(result.storageDirectory));

  collect(scenario.name, 'CLI stdout', result.stdout);
  collect(scenario.name, 'CLI stderr', result.stderr);
  for (const file of listFiles(result.storageDirectory)) {
    collect(scenario.name, file, fs.readFileSync(file, 'utf8'));
  }
}

/** Validates and runs steps in this process, keeping every thrown error. */
async function collectInProcess(scenario: Scenario): Promise<void> {
  const instanceConfig: IntegrationConfig = {
    apiKey: CANARY_KEY,
    apiUrl: scenario.apiUrl,
  };
  const { error } = await runValidation({ ...instanceConfig });
  if (error) {
    collectError(scenario.name, 'validateInvocation', error);
  }

  for (const stepId of STEPS_IN_PROCESS) {
    try {
      await executeStepWithDependencies({
        stepId,
        invocationConfig: testInvocationConfig,
        instanceConfig: { ...instanceConfig },
      });
    } catch (err) {
      collectError(scenario.name, `step ${stepId}`, err);
    }
  }
}

/** Records a collection with Polly and keeps the HAR files it wrote. */
async function collectRecording(apiUrl: string): Promise<void> {
  const directory = makeTemporaryFolder();
  const polly = setupDeepSecurityRecording({
    directory,
    name: 'canary',
    mode: 'record',
  });
  try {
    await collectInProcess({ name: 'recording', apiUrl, evidence: '' });
  } finally {
    await polly.stop();
  }
  for (const file of listFiles(path.join(directory, '__recordings__'))) {
    collect('recording', file, fs.readFileSync(file, 'utf8'));
  }
}

/**
 * Replays from an empty recording folder, so that Polly fails every request
 * and prints it, and keeps what it printed and what was thrown.
 */
async function collectMissingRecording(apiUrl: string): Promise<void> {
  const printed: string[] = [];
  const consoleSpies = (['error', 'warn', 'log'] as const).map((method) =>
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      printed.push(format(...args));
    }),
  );

  // Polly binds console methods when it starts, so the spies come first.
  const polly = setupDeepSecurityRecording({
    directory: makeTemporaryFolder(),
    name: 'missing',
    mode: 'replay',
  });
  try {
    await collectInProcess({ name: 'missing recording', apiUrl, evidence: '' });
  } finally {
    await polly.stop();
    consoleSpies.forEach((spy) => spy.mockRestore());
  }
  collect('missing recording', 'console', printed.join('\n'));
}

describe('canary key', () => {
  const scenarios: Scenario[] = [];
  let accepting: RunningDeepSecurityServer;

  beforeAll(async () => {
    setDeepSecurityClientOptions({ retryPolicy: FAST_RETRY_POLICY });

    accepting = await startServer({});
    const rejecting = await startServer({ apiKey: `other-${randomUUID()}` });
    const forbidding = await startServer({
      forbidden: ['administrators', 'roles', 'apiKeys'],
    });
    const selfSigned = await startServer({
      tls: createSelfSignedCertificate(),
    });
    const closedPort = await findClosedPort();

    scenarios.push(
      { name: 'success', apiUrl: accepting.url, evidence: 'Collected' },
      { name: '401', apiUrl: rejecting.url, evidence: 'Invalid API key' },
      { name: '403', apiUrl: forbidding.url, evidence: 'may not read' },
      {
        name: 'unknown host',
        apiUrl: 'https://dsm.invalid:4119/api',
        evidence: 'ENOTFOUND',
      },
      {
        name: 'TLS failure',
        apiUrl: selfSigned.url,
        evidence: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      },
    );

    // A refused connection is retried, and only this process can shorten
    // the retry delays, so this scenario runs in the process only.
    const connectionRefused: Scenario = {
      name: 'connection refused',
      apiUrl: `http://127.0.0.1:${closedPort}/api`,
      evidence: 'ECONNREFUSED',
    };

    await Promise.all(scenarios.map((scenario) => collectWithCli(scenario)));
    for (const scenario of [...scenarios, connectionRefused]) {
      await collectInProcess(scenario);
    }
    scenarios.push(connectionRefused);

    await collectRecording(accepting.url);
    await collectMissingRecording(accepting.url);
  }, 180_000);

  afterAll(async () => {
    setDeepSecurityClientOptions({});
    await Promise.all(servers.map((server) => server.close()));
    for (const folder of temporaryFolders) {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  test('key reached the server', () => {
    expect(
      accepting.requests.filter(
        (request) => request.authHeader === 'api-secret-key',
      ).length,
    ).toBeGreaterThan(0);
  });

  test.each([
    'success',
    '401',
    '403',
    'unknown host',
    'TLS failure',
    'connection refused',
  ])('%s output has no key', (name) => {
    const scenario = scenarios.find((candidate) => candidate.name === name);

    expect(scenario).toBeDefined();
    expect(
      sourcesContaining(name, scenario?.evidence ?? '').length,
    ).toBeGreaterThan(0);
    expect(sourcesContaining(name, CANARY_KEY)).toEqual([]);
  });

  test('success wrote the graph', () => {
    const files = outputsOf('success').map((output) => output.source);

    expect(files.some((file) => file.endsWith('summary.json'))).toBe(true);
    expect(
      files.some((file) => file.includes(`${path.sep}graph${path.sep}`)),
    ).toBe(true);
  });

  test('recordings have no key', () => {
    const hars = outputsOf('recording').filter((output) =>
      output.source.endsWith('.har'),
    );

    expect(hars.length).toBeGreaterThan(0);
    expect(hars.every((har) => har.text.includes('[REDACTED]'))).toBe(true);
    expect(sourcesContaining('recording', CANARY_KEY)).toEqual([]);
  });

  test('missing recording prints no key', () => {
    const printed = outputsOf('missing recording').find(
      (output) => output.source === 'console',
    );

    expect(printed?.text).toContain(
      'Recording for the following request is not found',
    );
    expect(printed?.text).toContain('"api-secret-key": "[REDACTED]"');
    expect(
      sourcesContaining('missing recording', 'is not found').length,
    ).toBeGreaterThan(1);
    expect(sourcesContaining('missing recording', CANARY_KEY)).toEqual([]);
  });

  test('committed recordings have no key', () => {
    const hars = ['src', 'test']
      .flatMap((folder) => listFiles(path.join(PROJECT_ROOT, folder)))
      .filter(
        (file) => file.endsWith('.har') && file.includes('__recordings__'),
      );

    expect(hars.length).toBeGreaterThan(0);
    for (const har of hars) {
      const text = fs.readFileSync(har, 'utf8');
      expect({ har, hasKey: text.includes(RECORDING_API_KEY) }).toEqual({
        har,
        hasKey: false,
      });
      expect({ har, hasKey: text.includes(CANARY_KEY) }).toEqual({
        har,
        hasKey: false,
      });
    }
  });
});
