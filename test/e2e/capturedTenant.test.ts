import {
  Entities,
  MappedRelationships,
  Relationships,
} from '../../src/constants';
import {
  RunningDeepSecurityServer,
  startDeepSecurityServer,
} from '../deep-security-server';
import { CAPTURED_TENANT_DIRECTORY } from '../helpers/capturedTenant';
import {
  CollectedGraph,
  countByType,
  readCollectedGraph,
} from '../helpers/collectedGraph';
import { CollectSummary, readSummary, runCli } from '../helpers/cli';
import { findMisdirected } from '../helpers/stepTest';

const API_KEY = 'captured-tenant-key';

describe('collect captured tenant with the CLI', () => {
  let server: RunningDeepSecurityServer;
  let summary: CollectSummary;
  let graph: CollectedGraph;
  let output: string;

  beforeAll(async () => {
    server = await startDeepSecurityServer({
      apiKey: API_KEY,
      tenant: { kind: 'directory', path: CAPTURED_TENANT_DIRECTORY },
    });
    const result = await runCli({
      args: ['collect'],
      env: { API_KEY: API_KEY, API_URL: server.url },
    });
    output = result.stdout + result.stderr;
    summary = readSummary(result.storageDirectory);
    graph = await readCollectedGraph(result.storageDirectory);
  });

  afterAll(async () => {
    await server?.close();
  });

  test('every step succeeds', () => {
    const statuses = summary.integrationStepResults.map(
      (step) => `${step.id}: ${step.status}`,
    );

    expect(statuses).toEqual(
      summary.integrationStepResults.map((step) => `${step.id}: success`),
    );
    expect(summary.metadata.partialDatasets.types).toEqual([]);
  });

  test('entity counts match the tenant', () => {
    expect(countByType(graph.entities)).toEqual({
      trend_micro_account: 1,
      trend_micro_administrator: 2,
      trend_micro_administrator_role: 4,
      trend_micro_agent: 1,
      trend_micro_api_key: 3,
      trend_micro_computer: 3,
      trend_micro_computer_group: 79,
    });
  });

  test('relationship counts match the tenant', () => {
    expect(countByType(graph.relationships)).toEqual({
      trend_micro_account_has_administrator: 2,
      trend_micro_account_has_administrator_role: 4,
      trend_micro_account_has_api_key: 3,
      trend_micro_account_has_computer: 3,
      trend_micro_account_has_computer_group: 79,
      trend_micro_administrator_assigned_role: 2,
      trend_micro_agent_protects_computer: 1,
      trend_micro_api_key_assigned_role: 3,
      trend_micro_computer_group_has_computer: 2,
      trend_micro_computer_group_has_group: 78,
      trend_micro_computer_is_aws_instance: 3,
    });
  });

  test('relationships point the declared way', () => {
    for (const metadata of Object.values(Relationships)) {
      expect({
        type: metadata._type,
        misdirected: findMisdirected(graph.relationships, metadata),
      }).toEqual({ type: metadata._type, misdirected: [] });
    }
  });

  test('group HAS computer links group 79', () => {
    const links = graph.relationships
      .filter(
        (relationship) =>
          relationship._type ===
          Relationships.COMPUTER_GROUP_HAS_COMPUTER._type,
      )
      .map((relationship) => [
        relationship._fromEntityKey,
        relationship._toEntityKey,
      ]);

    expect(links.sort()).toEqual([
      ['trend_micro_computer_group:79', 'trend_micro_computer:34'],
      ['trend_micro_computer_group:79', 'trend_micro_computer:35'],
    ]);
  });

  test('instances map by instance ID', () => {
    const targets = graph.relationships
      .filter(
        (relationship) =>
          relationship._type ===
          MappedRelationships.COMPUTER_IS_AWS_INSTANCE._type,
      )
      .map((relationship) => {
        const mapping = relationship._mapping as {
          sourceEntityKey: string;
          targetFilterKeys: string[][];
          targetEntity: Record<string, unknown>;
        };
        expect(mapping.targetFilterKeys).toEqual([['_type', 'instanceId']]);
        expect(mapping.targetEntity._type).toBe('aws_instance');
        return [mapping.sourceEntityKey, mapping.targetEntity.instanceId];
      });

    expect(targets.sort()).toEqual([
      ['trend_micro_computer:1', 'i-0b51b98e1636e39d6'],
      ['trend_micro_computer:34', 'i-0f9a76aa0920d5aed'],
      ['trend_micro_computer:35', 'i-0faf92d465056e349'],
    ]);
  });

  test('every entity validates against its class', () => {
    for (const metadata of Object.values(Entities)) {
      const entities = graph.entities.filter(
        (entity) => entity._type === metadata._type,
      );
      expect(entities.length).toBeGreaterThan(0);
      expect(entities).toMatchGraphObjectSchema({ _class: metadata._class });
    }
  });

  test('only the computer with an agent is protected', () => {
    const protects = graph.relationships.filter(
      (relationship) =>
        relationship._type === Relationships.AGENT_PROTECTS_COMPUTER._type,
    );

    expect(
      protects.map((relationship) => [
        relationship._fromEntityKey,
        relationship._toEntityKey,
      ]),
    ).toEqual([['trend_micro_agent:1', 'trend_micro_computer:1']]);
  });

  test('computers are asked for named expand values', () => {
    const computerRequests = server.requests.filter(
      (request) => request.resource === 'computers',
    );

    expect(computerRequests.length).toBeGreaterThan(0);
    for (const request of computerRequests) {
      expect(request.expand).toBeDefined();
      expect(request.expand).not.toContain('all');
      expect(request.expand).not.toContain('computerSettings');
    }
  });

  test('API key never appears in output', () => {
    expect(output).not.toContain(API_KEY);
  });
});
