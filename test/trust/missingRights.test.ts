import fs from 'fs';
import path from 'path';

import {
  IntegrationProviderAuthorizationError,
  IntegrationWarnEventName,
  StepResultStatus,
} from '@jupiterone/integration-sdk-core';
import { createMockStepExecutionContext } from '@jupiterone/integration-sdk-testing';

import { IntegrationConfig } from '../../src/config/fields';
import { Entities, Relationships, Steps } from '../../src/constants';
import { Resources } from '../../src/deep-security/resources';
import { fetchAccount } from '../../src/steps/account';
import { fetchApiKeys } from '../../src/steps/api-keys';
import {
  generatedTenantCounts,
  ResourceName,
  RunningDeepSecurityServer,
  startDeepSecurityServer,
} from '../deep-security-server';
import { CliResult, CollectSummary, readSummary, runCli } from '../helpers/cli';
import {
  CollectedGraph,
  countByType,
  readCollectedGraph,
} from '../helpers/collectedGraph';

const API_KEY = 'auditor-key-6c0e';
const TENANT = { kind: 'generated', seed: 11, computers: 30 } as const;
const counts = generatedTenantCounts(TENANT.seed, TENANT.computers);

/** What the built-in Auditor role may not read. */
const FORBIDDEN: ResourceName[] = ['administrators', 'roles', 'apiKeys'];
const FORBIDDEN_RESOURCES = [
  Resources.administrators,
  Resources.roles,
  Resources.apiKeys,
];

describe('collect with an Auditor key', () => {
  let server: RunningDeepSecurityServer;
  let result: CliResult;
  let summary: CollectSummary;
  let graph: CollectedGraph;
  let output: string;

  beforeAll(async () => {
    server = await startDeepSecurityServer({
      apiKey: API_KEY,
      tenant: TENANT,
      forbidden: FORBIDDEN,
    });
    try {
      result = await runCli({
        args: ['collect'],
        env: { API_KEY: API_KEY, API_URL: server.url },
      });
    } finally {
      await server.close();
    }
    output = result.stdout + result.stderr;
    summary = readSummary(result.storageDirectory);
    graph = await readCollectedGraph(result.storageDirectory);
  }, 120_000);

  afterAll(() => {
    // The scratch project contains .j1-integration and a link to src, which
    // fs.rmSync removes without following.
    fs.rmSync(path.dirname(result.storageDirectory), {
      recursive: true,
      force: true,
    });
  });

  test('forbidden steps fail alone', () => {
    const statuses = Object.fromEntries(
      summary.integrationStepResults.map((step) => [step.id, step.status]),
    );

    expect(statuses).toEqual({
      [Steps.ACCOUNT]: StepResultStatus.SUCCESS,
      [Steps.ADMINISTRATORS]: StepResultStatus.FAILURE,
      [Steps.ADMINISTRATOR_ROLES]: StepResultStatus.FAILURE,
      [Steps.API_KEYS]: StepResultStatus.FAILURE,
      [Steps.COMPUTER_GROUPS]: StepResultStatus.SUCCESS,
      [Steps.COMPUTERS]: StepResultStatus.SUCCESS,
      [Steps.ADMINISTRATOR_ROLE_RELATIONSHIPS]:
        StepResultStatus.PARTIAL_SUCCESS_DUE_TO_DEPENDENCY_FAILURE,
      [Steps.API_KEY_ROLE_RELATIONSHIPS]:
        StepResultStatus.PARTIAL_SUCCESS_DUE_TO_DEPENDENCY_FAILURE,
      [Steps.COMPUTER_GROUP_RELATIONSHIPS]: StepResultStatus.SUCCESS,
    });
  });

  test('partial types are the unread ones', () => {
    expect([...summary.metadata.partialDatasets.types].sort()).toEqual(
      [
        Entities.ADMINISTRATOR._type,
        Relationships.ACCOUNT_HAS_ADMINISTRATOR._type,
        Entities.ADMINISTRATOR_ROLE._type,
        Relationships.ACCOUNT_HAS_ADMINISTRATOR_ROLE._type,
        Entities.API_KEY._type,
        Relationships.ACCOUNT_HAS_API_KEY._type,
        Relationships.ADMINISTRATOR_ASSIGNED_ROLE._type,
        Relationships.API_KEY_ASSIGNED_ROLE._type,
      ].sort(),
    );
  });

  test('partial types match step results', () => {
    const notSucceeded = summary.integrationStepResults.filter(
      (step) => step.status !== StepResultStatus.SUCCESS,
    );

    expect([...summary.metadata.partialDatasets.types].sort()).toEqual(
      [...new Set(notSucceeded.flatMap((step) => step.declaredTypes))].sort(),
    );
  });

  test.each(FORBIDDEN_RESOURCES)(
    'warning names the right for $name',
    (resource) => {
      expect(output).toContain(
        `The API key's role may not read ${resource.name} (403 at POST ${server.url}${resource.path}/search`,
      );
      expect(output).toContain(
        `Grant the role "${resource.requiredRight}" to collect`,
      );
    },
  );

  test('computers, groups and agents collected', () => {
    const entities = countByType(graph.entities);

    expect(entities[Entities.ACCOUNT._type]).toBe(1);
    expect(entities[Entities.COMPUTER._type]).toBe(counts.computers);
    expect(entities[Entities.COMPUTER_GROUP._type]).toBe(counts.computerGroups);
    expect(entities[Entities.AGENT._type]).toBe(counts.computersWithAgent);
  });

  test('no forbidden entities written', () => {
    const entities = countByType(graph.entities);

    expect(entities[Entities.ADMINISTRATOR._type]).toBeUndefined();
    expect(entities[Entities.ADMINISTRATOR_ROLE._type]).toBeUndefined();
    expect(entities[Entities.API_KEY._type]).toBeUndefined();
  });

  test('relationship steps add what they can', () => {
    const relationships = countByType(graph.relationships);

    expect(relationships[Relationships.COMPUTER_GROUP_HAS_COMPUTER._type]).toBe(
      counts.computersInExistingGroup,
    );
    expect(relationships[Relationships.ACCOUNT_HAS_COMPUTER._type]).toBe(
      counts.computers,
    );
    expect(
      relationships[Relationships.ADMINISTRATOR_ASSIGNED_ROLE._type],
    ).toBeUndefined();
    expect(
      relationships[Relationships.API_KEY_ASSIGNED_ROLE._type],
    ).toBeUndefined();
  });
});

describe('forbidden step event', () => {
  let server: RunningDeepSecurityServer;

  beforeAll(async () => {
    server = await startDeepSecurityServer({
      apiKey: API_KEY,
      tenant: TENANT,
      forbidden: ['apiKeys'],
    });
  });

  afterAll(async () => {
    await server.close();
  });

  test('publishes a missing-permission warning', async () => {
    const context = createMockStepExecutionContext<IntegrationConfig>({
      instanceConfig: { apiKey: API_KEY, apiUrl: server.url },
    });
    const publishWarnEvent = jest.spyOn(context.logger, 'publishWarnEvent');

    await fetchAccount(context);
    const failure = fetchApiKeys(context);

    await expect(failure).rejects.toBeInstanceOf(
      IntegrationProviderAuthorizationError,
    );
    expect(publishWarnEvent.mock.calls).toEqual([
      [
        {
          name: IntegrationWarnEventName.MissingPermission,
          description: `The API key's role may not read API keys (403 at POST ${server.url}/apikeys/search). Grant the role "${Resources.apiKeys.requiredRight}" to collect ${Entities.API_KEY._type}; the other resources are still collected.`,
        },
      ],
    ]);
  });
});
