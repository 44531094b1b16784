import { randomUUID } from 'crypto';
import fs from 'fs';
import path from 'path';

import {
  IntegrationStep,
  StepResultStatus,
} from '@jupiterone/integration-sdk-core';

import { IntegrationConfig } from '../../src/config/fields';
import { Steps } from '../../src/constants';
import { invocationConfig } from '../../src/index';
import {
  ResourceName,
  RunningDeepSecurityServer,
  startDeepSecurityServer,
} from '../deep-security-server';
import { CollectedGraph, readCollectedGraph } from '../helpers/collectedGraph';
import {
  CliResult,
  CollectSummary,
  createScratchProject,
  readSummary,
  runCli,
} from '../helpers/cli';
import {
  MAX_UPLOAD_BATCH_SIZE,
  RunningSyncApiServer,
  startSyncApiServer,
  SyncJobState,
} from '../sync-api';

/**
 * 300 computers make the computers step write more than one upload batch
 * (300 computers and their agents), so the batch size limit is exercised.
 */
const TENANT = { kind: 'generated', seed: 7, computers: 300 } as const;

const STEPS: IntegrationStep<IntegrationConfig>[] =
  invocationConfig.integrationSteps;

interface RunOptions {
  /** Deep Security resources that respond with 403. */
  forbidden?: ResourceName[];
  /** Deep Security key given to the CLI. Default: the key the server accepts. */
  cliDeepSecurityKey?: string;
  /** Passes the JupiterOne key and account as environment variables instead of flags. */
  credentialsFromEnvironment?: boolean;
}

/** Everything one `j1-integration run` left behind: its output, the recorded jobs and the files it wrote. */
interface RunOutcome {
  result: CliResult;
  /** stdout and stderr of the CLI. */
  output: string;
  jobs: SyncJobState[];
  rejections: RunningSyncApiServer['rejections'];
  /** Keys that must never be printed or uploaded. */
  secrets: {
    deepSecurityKey: string;
    cliDeepSecurityKey: string;
    jupiterOneKey: string;
  };
  instanceId: string;
  /** Absent when the collection did not start, for example after a failed validation. */
  summary?: CollectSummary;
  graph?: CollectedGraph;
}

/**
 * Starts both stand-ins, runs `j1-integration run` against them and stops
 * them again, whatever happens. The scratch project is removed afterwards.
 */
async function runAgainstStandIns(options: RunOptions): Promise<RunOutcome> {
  const deepSecurityKey = `ds-key-${randomUUID()}`;
  const cliDeepSecurityKey = options.cliDeepSecurityKey ?? deepSecurityKey;
  const jupiterOneKey = `j1-key-${randomUUID()}`;
  const account = `j1-account-${randomUUID()}`;
  const instanceId = randomUUID();

  const projectPath = createScratchProject();
  let deepSecurity: RunningDeepSecurityServer | undefined;
  let syncApi: RunningSyncApiServer | undefined;
  try {
    deepSecurity = await startDeepSecurityServer({
      apiKey: deepSecurityKey,
      tenant: TENANT,
      forbidden: options.forbidden,
    });
    syncApi = await startSyncApiServer({ apiKey: jupiterOneKey, account });

    const credentialArgs = options.credentialsFromEnvironment
      ? []
      : ['--account', account, '--api-key', jupiterOneKey];
    const credentialEnv: Record<string, string> =
      options.credentialsFromEnvironment
        ? { JUPITERONE_API_KEY: jupiterOneKey, JUPITERONE_ACCOUNT: account }
        : {};

    const result = await runCli({
      args: [
        'run',
        '--api-base-url',
        syncApi.url,
        ...credentialArgs,
        '-i',
        instanceId,
      ],
      env: {
        API_KEY: cliDeepSecurityKey,
        API_URL: deepSecurity.url,
        ...credentialEnv,
      },
      projectPath,
    });

    const hasSummary = fs.existsSync(
      path.join(result.storageDirectory, 'summary.json'),
    );
    return {
      result,
      output: result.stdout + result.stderr,
      jobs: syncApi.jobs,
      rejections: syncApi.rejections,
      secrets: { deepSecurityKey, cliDeepSecurityKey, jupiterOneKey },
      instanceId,
      summary: hasSummary ? readSummary(result.storageDirectory) : undefined,
      graph: hasSummary
        ? await readCollectedGraph(result.storageDirectory)
        : undefined,
    };
  } finally {
    await syncApi?.close();
    await deepSecurity?.close();
    fs.rmSync(projectPath, { recursive: true, force: true });
  }
}

function requireValue<T>(value: T | undefined, description: string): T {
  if (value === undefined) {
    throw new Error(
      `${description} is missing: the collection did not finish.`,
    );
  }
  return value;
}

function sortedKeys(objects: Array<{ _key?: unknown }>): string[] {
  return objects.map((object) => String(object._key)).sort();
}

/** Lists the keys that occur more than once. */
function duplicateKeys(objects: Array<{ _key?: unknown }>): string[] {
  const keys = sortedKeys(objects);
  return keys.filter((key, index) => index > 0 && keys[index - 1] === key);
}

function withoutInstanceId(
  object: Record<string, unknown>,
): Record<string, unknown> {
  const copy = { ...object };
  delete copy._integrationInstanceId;
  return copy;
}

/** Uploaded objects by key, stripped of the `_integrationInstanceId` the stand-in adds. */
function uploadedByKey(
  objects: Array<Record<string, unknown>>,
): Map<string, Record<string, unknown>> {
  return new Map(
    objects.map((object) => [String(object._key), withoutInstanceId(object)]),
  );
}

function declaredTypes(step: IntegrationStep<IntegrationConfig>): string[] {
  return [
    ...step.entities,
    ...step.relationships,
    ...(step.mappedRelationships ?? []),
  ].map((metadata) => metadata._type);
}

function flaggedPartialTypes(
  step: IntegrationStep<IntegrationConfig>,
): string[] {
  return [
    ...step.entities,
    ...step.relationships,
    ...(step.mappedRelationships ?? []),
  ]
    .filter((metadata) => metadata.partial === true)
    .map((metadata) => metadata._type);
}

function findStep(stepId: string): IntegrationStep<IntegrationConfig> {
  const step = STEPS.find((candidate) => candidate.id === stepId);
  if (!step) {
    throw new Error(
      `summary.json lists step ${stepId}, which src/index.ts does not declare.`,
    );
  }
  return step;
}

/** Returns the given steps and every step that depends on one of them, directly or not. */
function withDependents(stepIds: string[]): string[] {
  const affected = new Set(stepIds);
  let grew = true;
  while (grew) {
    grew = false;
    for (const step of STEPS) {
      const dependsOnAffected = (step.dependsOn ?? []).some((id) =>
        affected.has(id),
      );
      if (!affected.has(step.id) && dependsOnAffected) {
        affected.add(step.id);
        grew = true;
      }
    }
  }
  return [...affected].sort();
}

/**
 * Computes the partial types a finalize request must list: every type that
 * a step declares as partial, plus all declared types of the steps that
 * failed or depend on a failed step. This is the rule of SDK runtime 8.41.0
 * (`determinePartialDatasetsFromStepExecutionResults`), applied to the step
 * metadata in src/index.ts and the statuses in summary.json.
 */
function expectedPartialTypes(summary: CollectSummary): string[] {
  const types = new Set<string>();
  for (const result of summary.integrationStepResults) {
    if (result.status === StepResultStatus.DISABLED) {
      continue;
    }
    const step = findStep(result.id);
    flaggedPartialTypes(step).forEach((type) => types.add(type));
    if (
      result.status === StepResultStatus.FAILURE ||
      result.status ===
        StepResultStatus.PARTIAL_SUCCESS_DUE_TO_DEPENDENCY_FAILURE
    ) {
      declaredTypes(step).forEach((type) => types.add(type));
    }
  }
  return [...types].sort();
}

function stepIdsWithStatus(
  summary: CollectSummary,
  statuses: StepResultStatus[],
): string[] {
  return summary.integrationStepResults
    .filter((step) => statuses.some((status) => status === step.status))
    .map((step) => step.id)
    .sort();
}

/** Checks that the job contains each collected object once, as collected, with the instance ID. */
function expectUploadMatchesCollection(outcome: RunOutcome): void {
  const [job] = outcome.jobs;
  const graph = requireValue(outcome.graph, 'The collected graph');

  expect(graph.entities.length).toBeGreaterThan(0);
  expect(graph.relationships.length).toBeGreaterThan(0);
  expect(duplicateKeys(job.entities)).toEqual([]);
  expect(duplicateKeys(job.relationships)).toEqual([]);
  expect(sortedKeys(job.entities)).toEqual(sortedKeys(graph.entities));
  expect(sortedKeys(job.relationships)).toEqual(
    sortedKeys(graph.relationships),
  );

  const entities = uploadedByKey(job.entities);
  for (const entity of graph.entities) {
    expect(entities.get(entity._key)).toEqual(entity);
  }
  const relationships = uploadedByKey(job.relationships);
  for (const relationship of graph.relationships) {
    expect(relationships.get(relationship._key)).toEqual(relationship);
  }
}

function expectNoSecretsPrinted(outcome: RunOutcome): void {
  expect(outcome.output).not.toContain(outcome.secrets.jupiterOneKey);
  expect(outcome.output).not.toContain(outcome.secrets.deepSecurityKey);
  expect(outcome.output).not.toContain(outcome.secrets.cliDeepSecurityKey);
}

describe('run uploads a clean collection', () => {
  let outcome: RunOutcome;

  beforeAll(async () => {
    outcome = await runAgainstStandIns({});
  });

  test('creates one finalized job', () => {
    expect(outcome.jobs.map((job) => job.status)).toEqual(['FINALIZE_PENDING']);
    expect(outcome.jobs[0].source).toBe('integration-managed');
    expect(outcome.jobs[0].integrationInstanceId).toBe(outcome.instanceId);
    expect(outcome.rejections).toEqual([]);
  });

  test('every step succeeds', () => {
    const summary = requireValue(outcome.summary, 'summary.json');

    expect(stepIdsWithStatus(summary, [StepResultStatus.SUCCESS])).toEqual(
      STEPS.map((step) => step.id).sort(),
    );
  });

  test('uploads each object exactly once', () => {
    expectUploadMatchesCollection(outcome);
  });

  test('batches hold at most 250', () => {
    const { batches } = outcome.jobs[0];
    const sizes = [...batches.entities, ...batches.relationships];

    expect(MAX_UPLOAD_BATCH_SIZE).toBe(250);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_UPLOAD_BATCH_SIZE);
    // A full batch shows that the upload was split, not sent whole.
    expect(batches.entities).toContain(MAX_UPLOAD_BATCH_SIZE);
  });

  test('uploads carry the instance ID', () => {
    const [job] = outcome.jobs;
    const instanceIds = new Set(
      [...job.entities, ...job.relationships].map(
        (object) => object._integrationInstanceId,
      ),
    );

    expect([...instanceIds]).toEqual([outcome.instanceId]);
  });

  test('finalizes with no partial types', () => {
    expect(outcome.jobs[0].partialDatasets).toEqual({ types: [] });
  });

  test('prints the job status and counts', () => {
    const [job] = outcome.jobs;

    expect(outcome.result.exitCode).toBe(0);
    expect(outcome.output).toMatch(
      /Synchronization job status: \S*FINALIZE_PENDING/,
    );
    expect(outcome.output).toMatch(
      new RegExp(`Entities uploaded: \\S*${job.entities.length}\\b`),
    );
    expect(outcome.output).toMatch(
      new RegExp(`Relationships uploaded: \\S*${job.relationships.length}\\b`),
    );
  });

  test('keys never appear in output', () => {
    expectNoSecretsPrinted(outcome);
  });

  test('keys never appear in uploads', () => {
    const uploaded = JSON.stringify(outcome.jobs[0]);

    expect(uploaded).not.toContain(outcome.secrets.jupiterOneKey);
    expect(uploaded).not.toContain(outcome.secrets.deepSecurityKey);
  });
});

describe('run with a forbidden resource', () => {
  let outcome: RunOutcome;

  beforeAll(async () => {
    outcome = await runAgainstStandIns({ forbidden: ['apiKeys'] });
  });

  test('still finalizes its one job', () => {
    expect(outcome.jobs.map((job) => job.status)).toEqual(['FINALIZE_PENDING']);
    expect(outcome.rejections).toEqual([]);
    expect(outcome.result.exitCode).toBe(0);
  });

  test('fails the API key step and dependents', () => {
    const summary = requireValue(outcome.summary, 'summary.json');
    const failed = stepIdsWithStatus(summary, [StepResultStatus.FAILURE]);
    const notSucceeded = stepIdsWithStatus(summary, [
      StepResultStatus.FAILURE,
      StepResultStatus.PARTIAL_SUCCESS_DUE_TO_DEPENDENCY_FAILURE,
    ]);

    expect(failed).toEqual([Steps.API_KEYS]);
    expect(notSucceeded).toEqual(withDependents(failed));
  });

  test('partial types match failed steps', () => {
    const summary = requireValue(outcome.summary, 'summary.json');
    const expected = expectedPartialTypes(summary);
    const sent = outcome.jobs[0].partialDatasets?.types ?? [];

    expect(expected.length).toBeGreaterThan(0);
    expect([...sent].sort()).toEqual(expected);
    expect(sent).toHaveLength(new Set(sent).size);
  });

  test('uploads what was collected once', () => {
    expectUploadMatchesCollection(outcome);
  });

  test('keys never appear in output', () => {
    expectNoSecretsPrinted(outcome);
  });
});

describe('run with a rejected Deep Security key', () => {
  let outcome: RunOutcome;

  beforeAll(async () => {
    outcome = await runAgainstStandIns({
      cliDeepSecurityKey: `wrong-ds-key-${randomUUID()}`,
    });
  });

  test('aborts its one job', () => {
    expect(outcome.jobs.map((job) => job.status)).toEqual(['ABORTED']);
    expect(outcome.rejections).toEqual([]);
    expect(outcome.result.exitCode).toBe(0);
    expect(outcome.output).toMatch(/Synchronization job status: \S*ABORTED/);
  });

  test('abort reason names the 401', () => {
    const reason = outcome.jobs[0].abortReason ?? '';

    expect(reason).toMatch(/authentication failed/i);
    expect(reason).toContain('401');
  });

  test('reports a validation failure event', () => {
    expect(outcome.jobs[0].events.map((event) => event.name)).toContain(
      'validation_failure',
    );
  });

  test('uploads nothing', () => {
    expect(outcome.jobs[0].entities).toEqual([]);
    expect(outcome.jobs[0].relationships).toEqual([]);
  });

  test('keys never appear in reason', () => {
    const reason = outcome.jobs[0].abortReason ?? '';

    expect(reason).not.toContain(outcome.secrets.cliDeepSecurityKey);
    expect(reason).not.toContain(outcome.secrets.deepSecurityKey);
    expect(reason).not.toContain(outcome.secrets.jupiterOneKey);
  });

  test('keys never appear in output', () => {
    expectNoSecretsPrinted(outcome);
  });
});

describe('run with JupiterOne credentials in environment', () => {
  let outcome: RunOutcome;

  beforeAll(async () => {
    outcome = await runAgainstStandIns({ credentialsFromEnvironment: true });
  });

  test('finalizes its one job', () => {
    expect(outcome.jobs.map((job) => job.status)).toEqual(['FINALIZE_PENDING']);
    expect(outcome.rejections).toEqual([]);
  });

  test('uploads each object exactly once', () => {
    expectUploadMatchesCollection(outcome);
  });

  test('key never appears in output', () => {
    expect(outcome.output).not.toContain(outcome.secrets.jupiterOneKey);
  });
});
