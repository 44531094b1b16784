import fs from 'fs';

import { Entity } from '@jupiterone/integration-sdk-core';

import { Entities, Steps } from '../../src/constants';
import { RETRY_POLICY_VARIABLE } from '../../src/deep-security/clientRegistry';
import { MAX_TEXT_LENGTH } from '../../src/util/values';
import {
  generatedTenantCounts,
  RunningDeepSecurityServer,
  startDeepSecurityServer,
} from '../deep-security-server';
import {
  CollectSummary,
  createScratchProject,
  readSummary,
  runCli,
} from '../helpers/cli';
import { countByType, readCollectedGraph } from '../helpers/collectedGraph';
import { API_KEY } from './faultServer';

const TENANT = {
  kind: 'generated',
  seed: 11,
  computers: 45,
  oddRecords: true,
} as const;
const COUNTS = generatedTenantCounts(TENANT.seed, TENANT.computers, true);

const RETRY_POLICY = {
  maxAttempts: 4,
  initialDelayMs: 5,
  maxDelayMs: 40,
  retryAfterCapMs: 50,
  attemptTimeoutMs: 1_000,
  totalTimeoutMs: 10_000,
};

/** Types that a failed roles step leaves partial, its own and its dependents'. */
const ROLE_TYPES = [
  'trend_micro_account_has_administrator_role',
  'trend_micro_administrator_assigned_role',
  'trend_micro_administrator_role',
  'trend_micro_api_key_assigned_role',
];

/**
 * One CLI collection of a tenant with odd records, while the roles search
 * fails every time and each other resource meets one recoverable fault.
 */
describe('collection under faults with the CLI', () => {
  let server: RunningDeepSecurityServer;
  let summary: CollectSummary;
  let entities: Entity[];
  let output: string;
  const projectPath = createScratchProject();

  beforeAll(async () => {
    server = await startDeepSecurityServer({
      apiKey: API_KEY,
      tenant: TENANT,
      faults: [
        {
          resource: 'roles',
          times: Infinity,
          fault: { type: 'status', status: 503 },
        },
        {
          resource: 'computers',
          fault: { type: 'status', status: 429, retryAfter: '86400' },
        },
        { resource: 'computers', afterRequests: 1, fault: { type: 'reset' } },
        { resource: 'administrators', fault: { type: 'truncateBody' } },
        { resource: 'apiKeys', fault: { type: 'duplicateIds' } },
        { resource: 'computerGroups', fault: { type: 'html' } },
      ],
    });
    const result = await runCli({
      args: ['collect'],
      projectPath,
      env: {
        API_KEY,
        API_URL: server.url,
        [RETRY_POLICY_VARIABLE]: JSON.stringify(RETRY_POLICY),
      },
    });
    output = result.stdout + result.stderr;
    summary = readSummary(result.storageDirectory);
    entities = (await readCollectedGraph(result.storageDirectory)).entities;
  });

  afterAll(async () => {
    await server?.close();
    fs.rmSync(projectPath, { recursive: true, force: true });
  });

  test('only the roles step fails', () => {
    const statuses = Object.fromEntries(
      summary.integrationStepResults.map((step) => [step.id, step.status]),
    );

    expect(statuses).toEqual({
      [Steps.ACCOUNT]: 'success',
      [Steps.ADMINISTRATORS]: 'success',
      [Steps.ADMINISTRATOR_ROLES]: 'failure',
      [Steps.API_KEYS]: 'success',
      [Steps.COMPUTER_GROUPS]: 'success',
      [Steps.COMPUTERS]: 'success',
      [Steps.ADMINISTRATOR_ROLE_RELATIONSHIPS]:
        'partial_success_due_to_dependency_failure',
      [Steps.API_KEY_ROLE_RELATIONSHIPS]:
        'partial_success_due_to_dependency_failure',
      [Steps.COMPUTER_GROUP_RELATIONSHIPS]: 'success',
    });
  });

  test('role types are marked partial', () => {
    expect([...summary.metadata.partialDatasets.types].sort()).toEqual(
      ROLE_TYPES,
    );
  });

  test('failure names endpoint, cause and attempts', () => {
    expect(output).toContain(
      `Deep Security request POST ${server.url}/roles/search failed: 503 Service Unavailable`,
    );
    expect(output).toContain('gave up after 4 attempts');
  });

  test('retry policy comes from the environment', () => {
    const roleRequests = server.requests.filter(
      (request) => request.resource === 'roles',
    );

    expect(roleRequests).toHaveLength(RETRY_POLICY.maxAttempts);
  });

  test('recovered resources are complete', () => {
    const counts = countByType(entities);

    expect(counts).toEqual({
      [Entities.ACCOUNT._type]: 1,
      [Entities.ADMINISTRATOR._type]: COUNTS.administrators,
      [Entities.AGENT._type]: COUNTS.computersWithAgent,
      [Entities.API_KEY._type]: COUNTS.apiKeys,
      [Entities.COMPUTER._type]: COUNTS.computers,
      [Entities.COMPUTER_GROUP._type]: COUNTS.computerGroups,
    });
  });

  test('every fault was met', () => {
    const faults = server.requests
      .map((request) => `${request.resource}: ${request.fault}`)
      .filter((line) => !line.endsWith('undefined'));

    expect(faults).toEqual(
      expect.arrayContaining([
        'computers: status',
        'computers: reset',
        'administrators: truncateBody',
        'apiKeys: duplicateIds',
        'computerGroups: html',
      ]),
    );
  });

  test('duplicate API keys are logged', () => {
    expect(output).toContain(
      'API keys: skipped 3 records whose ID had already been read',
    );
  });

  test('odd records are converted, none skipped', () => {
    expect(COUNTS.oddComputers).toBe(8);
    expect(output).not.toContain('Skipped computers record');
    expect(output).not.toContain('Skipped administrators record');
    expect(output).not.toContain('Skipped API keys record');
  });

  test('odd timestamps become milliseconds', () => {
    const timestamps = entities.flatMap((entity) =>
      Object.entries(entity)
        .filter(([name, value]) => name.endsWith('On') && value !== undefined)
        .map(([name, value]) => ({ key: entity._key, name, value })),
    );

    expect(timestamps.length).toBeGreaterThan(0);
    for (const { key, name, value } of timestamps) {
      // 1e12 ms is September 2001, and a time in seconds is far below it.
      expect({ key, name, inMilliseconds: Number(value) > 1e12 }).toEqual({
        key,
        name,
        inMilliseconds: true,
      });
    }
  });

  test('odd computers keep valid properties', () => {
    const computers = entities.filter(
      (entity) => entity._type === Entities.COMPUTER._type,
    );

    expect(
      computers.filter((computer) => computer.osDetails === 'Unknown'),
    ).toEqual([expect.objectContaining({ platform: 'other' })]);
    expect(
      computers.filter((computer) => computer.agentStatus === 'mystery'),
    ).toHaveLength(1);
    expect(
      computers.filter((computer) => computer.hostname === null).length,
    ).toBeGreaterThanOrEqual(2);
    for (const computer of computers) {
      expect(String(computer.description ?? '').length).toBeLessThanOrEqual(
        MAX_TEXT_LENGTH,
      );
    }
  });

  test('API key never appears in output', () => {
    expect(output).not.toContain(API_KEY);
  });
});
