import fs from 'fs';

import { Entities } from '../../src/constants';
import { RETRY_POLICY_VARIABLE } from '../../src/deep-security/clientRegistry';
import { RetryPolicy } from '../../src/deep-security/retryPolicy';
import {
  generatedTenantCounts,
  startDeepSecurityServer,
} from '../../test/deep-security-server';
import {
  createScratchProject,
  readSummary,
  runCli,
} from '../../test/helpers/cli';
import {
  countByType,
  readCollectedGraph,
} from '../../test/helpers/collectedGraph';
import { FaultScenario } from './scenarios';

export interface ScenarioTenant {
  seed: number;
  computers: number;
}

export interface ScenarioResult {
  scenario: FaultScenario;
  /** IDs of the steps whose status is `failure`. */
  failedSteps: string[];
  partialTypes: string[];
  /** Entities collected and expected, by `_type`. */
  collected: Record<string, number>;
  expected: Record<string, number>;
  /** Retries the client logged. */
  retries: number;
  seconds: number;
  /** The error of each failed step, as the CLI printed it. */
  errors: string[];
  /** The first retry warning, as the CLI printed it. */
  firstRetry?: string;
  /** Other warnings the CLI printed, each once, in order. */
  warnings: string[];
  /** Reasons the outcome differs from the expected one. Empty when it matches. */
  problems: string[];
}

const API_KEY = 'fault-table-key';

/** Runs `j1-integration collect` once against a server with the scenario's faults. */
export async function runScenario(
  scenario: FaultScenario,
  tenant: ScenarioTenant,
  retryPolicy: RetryPolicy,
): Promise<ScenarioResult> {
  const oddRecords = scenario.oddRecords ?? false;
  const server = await startDeepSecurityServer({
    apiKey: API_KEY,
    tenant: { kind: 'generated', ...tenant, oddRecords },
    faults: scenario.faults,
  });
  const projectPath = createScratchProject();

  try {
    const started = Date.now();
    const cli = await runCli({
      args: ['collect'],
      env: {
        API_KEY,
        API_URL: server.url,
        [RETRY_POLICY_VARIABLE]: JSON.stringify(retryPolicy),
      },
      projectPath,
    });
    const seconds = (Date.now() - started) / 1000;
    const output = stripAnsi(cli.stdout + cli.stderr);

    const summary = readSummary(cli.storageDirectory);
    const graph = await readCollectedGraph(cli.storageDirectory);
    const result: ScenarioResult = {
      scenario,
      failedSteps: summary.integrationStepResults
        .filter((step) => step.status === 'failure')
        .map((step) => step.id),
      partialTypes: summary.metadata.partialDatasets.types,
      collected: countByType(graph.entities),
      expected: expectedEntityCounts(tenant, oddRecords),
      retries: output.match(/Retrying in \d+ ms/g)?.length ?? 0,
      seconds,
      errors: readStepErrors(output),
      firstRetry: readFirstRetry(output),
      warnings: readOtherWarnings(output),
      problems: [],
    };
    result.problems = checkOutcome(result, server.url);
    return result;
  } finally {
    await server.close();
    fs.rmSync(projectPath, { recursive: true, force: true });
  }
}

/** Entities a complete collection of the generated tenant has, by `_type`. */
export function expectedEntityCounts(
  tenant: ScenarioTenant,
  oddRecords: boolean,
): Record<string, number> {
  const counts = generatedTenantCounts(
    tenant.seed,
    tenant.computers,
    oddRecords,
  );
  return {
    [Entities.ACCOUNT._type]: 1,
    [Entities.ADMINISTRATOR._type]: counts.administrators,
    [Entities.AGENT._type]: counts.computersWithAgent,
    [Entities.API_KEY._type]: counts.apiKeys,
    [Entities.COMPUTER._type]: counts.computers,
    [Entities.COMPUTER_GROUP._type]: counts.computerGroups,
    [Entities.ADMINISTRATOR_ROLE._type]: counts.roles,
  };
}

/** Entity types that a failure of `step` may leave incomplete. */
const STEP_TYPES: Record<string, string[]> = {
  'fetch-administrator-roles': [Entities.ADMINISTRATOR_ROLE._type],
  'fetch-computers': [Entities.COMPUTER._type, Entities.AGENT._type],
};

function checkOutcome(result: ScenarioResult, baseUrl: string): string[] {
  const { expected } = result.scenario;
  const problems: string[] = [];
  const failedStep = expected.kind === 'fails' ? expected.step : undefined;
  const incompleteTypes = failedStep ? STEP_TYPES[failedStep] ?? [] : [];

  const expectedFailures = failedStep ? [failedStep] : [];
  if (result.failedSteps.join() !== expectedFailures.join()) {
    problems.push(
      `failed steps are [${result.failedSteps.join(
        ', ',
      )}], expected [${expectedFailures.join(', ')}]`,
    );
  }

  for (const [type, count] of Object.entries(result.expected)) {
    const collected = result.collected[type] ?? 0;
    if (!incompleteTypes.includes(type) && collected !== count) {
      problems.push(`${collected} ${type} collected, expected ${count}`);
    }
  }

  if (expected.kind === 'fails') {
    const endpoint = `POST ${baseUrl}${expected.endpoint}`;
    if (!result.errors.some((error) => error.includes(endpoint))) {
      problems.push(`no step error names ${endpoint}`);
    }
    for (const type of incompleteTypes) {
      if (!result.partialTypes.includes(type)) {
        problems.push(`${type} is not marked partial`);
      }
    }
  } else if (result.partialTypes.length > 0) {
    problems.push(`types marked partial: ${result.partialTypes.join(', ')}`);
  }
  return problems;
}

/** Reads the `reason` of each "Step … failed to complete due to error." line. */
function readStepErrors(output: string): string[] {
  const errors: string[] = [];
  const pattern =
    /failed to complete due to error\..*?reason="((?:[^"\\]|\\.)*)"/g;
  for (const match of output.matchAll(pattern)) {
    // The pretty log prints the reason as a JSON string.
    const reason: unknown = JSON.parse(`"${match[1]}"`);
    if (typeof reason === 'string') {
      errors.push(reason);
    }
  }
  return errors;
}

function readFirstRetry(output: string): string | undefined {
  return /WARN\s+Local: (.*? Retrying in \d+ ms \(attempt \d+ of \d+\)\.)/.exec(
    output,
  )?.[1];
}

/**
 * Reads the message of each warning line but the retries. The pretty log
 * appends the log fields as ` (name=value, …)` after the message.
 */
function readOtherWarnings(output: string): string[] {
  const warnings = new Set<string>();
  for (const match of output.matchAll(/WARN\s+Local: (.*?) \(\w+=/g)) {
    if (!match[1].includes('Retrying in')) {
      warnings.add(match[1]);
    }
  }
  return [...warnings];
}

function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
