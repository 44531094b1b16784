/**
 * Runs `j1-integration collect` once under each fault that the local Deep
 * Security server can inject, and prints a Markdown table: fault, steps
 * failed, entities collected versus expected, retries and seconds. Then
 * prints, per fault, the first retry warning, the step errors and the other
 * warnings that the CLI printed. Exits with status 1 when an outcome differs from the expected one:
 * a recoverable fault that lost anything, or an unrecoverable one that
 * failed more than its own step.
 *
 *   npm run faults              every fault
 *   npm run faults -- reset     only faults whose name contains "reset"
 */
import os from 'os';

import { RetryPolicy } from '../src/deep-security/retryPolicy';
import { runScenario, ScenarioResult } from './faults/runScenario';
import { buildScenarios } from './faults/scenarios';
import { formatMessages, formatTable } from './faults/table';

/** 4500 computers give 3 search pages of 2000 and a final empty one. */
const TENANT = { seed: 20260301, computers: 4500 };

/**
 * Short waits so that the whole table takes minutes, but an attempt
 * timeout far above the stand-in's response time of well under a second
 * for a page of 2000 computers.
 */
const RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  initialDelayMs: 50,
  factor: 2,
  maxDelayMs: 1_000,
  retryAfterCapMs: 200,
  attemptTimeoutMs: 3_000,
  totalTimeoutMs: 30_000,
};

async function main(): Promise<number> {
  const filter = process.argv[2]?.toLowerCase();
  const scenarios = buildScenarios().filter(
    (scenario) => !filter || scenario.name.toLowerCase().includes(filter),
  );
  if (scenarios.length === 0) {
    console.error(`No fault name contains "${process.argv[2]}".`);
    return 1;
  }

  console.error(
    `Collecting a generated tenant (seed ${TENANT.seed}, ${
      TENANT.computers
    } computers) under ${scenarios.length} faults on ${
      os.cpus().length
    } CPUs, Node ${process.version}`,
  );
  console.error(`Retry policy: ${JSON.stringify(RETRY_POLICY)}`);

  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    const result = await runScenario(scenario, TENANT, RETRY_POLICY);
    results.push(result);
    console.error(
      `${result.problems.length ? 'UNEXPECTED' : 'ok'}  ${scenario.name} (${
        scenario.target
      }): ${result.seconds.toFixed(1)} s${
        result.problems.length ? `: ${result.problems.join('; ')}` : ''
      }`,
    );
  }

  console.log(formatTable(results));
  console.log(formatMessages(results));

  const unexpected = results.filter((result) => result.problems.length > 0);
  if (unexpected.length > 0) {
    console.error(
      `${unexpected.length} of ${results.length} faults ended other than expected.`,
    );
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
