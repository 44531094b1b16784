/**
 * Collects a generated demo tenant from the local Deep Security API server
 * with the real `j1-integration collect`, prints what was collected and
 * writes a graph page that opens without network access.
 * Exits with status 1 when any step failed.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { pathToFileURL } from 'url';

import { startDeepSecurityServer } from '../test/deep-security-server';
import {
  countByType,
  readCollectedGraph,
} from '../test/helpers/collectedGraph';
import { PROJECT_ROOT, readSummary, runCli } from '../test/helpers/cli';
import { buildGraphModel } from './graph/graphModel';
import { readGraph } from './graph/readGraph';
import { renderHtml } from './graph/renderHtml';
import { sampleGraph } from './graph/sampleGraph';

const DEMO_API_KEY = 'demo-api-key';
const DEMO_TENANT = { kind: 'generated', seed: 2026, computers: 48 } as const;
/** Node cap of `npm run graph`, which the demo tenant stays far below. */
const GRAPH_PAGE_MAX_NODES = 2000;

async function main(): Promise<number> {
  const storageDirectory = path.join(PROJECT_ROOT, '.j1-integration');
  const server = await startDeepSecurityServer({
    apiKey: DEMO_API_KEY,
    tenant: DEMO_TENANT,
  });
  console.log(
    `Local Deep Security API at ${server.url} serving a generated tenant with ${DEMO_TENANT.computers} computers`,
  );

  try {
    console.log('Running j1-integration collect…');
    const result = await runCli({
      args: ['collect'],
      env: { API_KEY: DEMO_API_KEY, API_URL: server.url },
      projectPath: PROJECT_ROOT,
    });
    if (result.exitCode !== 0) {
      console.error(result.stdout, result.stderr);
      console.error(`j1-integration collect exited with ${result.exitCode}`);
      return 1;
    }

    const summary = readSummary(storageDirectory);
    const graph = await readCollectedGraph(storageDirectory);
    printCounts('Entities', countByType(graph.entities));
    printCounts('Relationships', countByType(graph.relationships));

    const failed = summary.integrationStepResults.filter(
      (step) => step.status !== 'success',
    );
    console.log(
      `\nSteps: ${summary.integrationStepResults.length - failed.length} of ${
        summary.integrationStepResults.length
      } succeeded. Requests made: ${server.stats().requests}.`,
    );
    console.log(`Graph files: ${path.join(storageDirectory, 'graph')}`);
    console.log(`Step summary: ${path.join(storageDirectory, 'summary.json')}`);

    // The page is written even when a step failed, because it shows what
    // the other steps collected.
    const page = await writeGraphPage(storageDirectory);
    console.log(
      `\nGraph page, which needs no network: ${page}\nOpen it in a browser: ${
        pathToFileURL(page).href
      }`,
    );

    if (failed.length > 0) {
      for (const step of failed) {
        console.error(`Step ${step.id} ended with status ${step.status}`);
      }
      console.error(`Collector output:\n${result.stdout}\n${result.stderr}`);
      return 1;
    }
    return 0;
  } finally {
    await server.close();
  }
}

/**
 * Writes `graph.html` into the storage folder, as `npm run graph` does with
 * its defaults, and returns its path. Warnings about skipped objects are
 * printed.
 */
async function writeGraphPage(storageDirectory: string): Promise<string> {
  const graph = await readGraph(storageDirectory);
  const model = buildGraphModel(graph);
  const html = renderHtml({
    sample: sampleGraph(model, GRAPH_PAGE_MAX_NODES),
    maxNodes: GRAPH_PAGE_MAX_NODES,
    // Relative to the project, so that a screenshot names no local folder.
    source: path.relative(PROJECT_ROOT, storageDirectory),
    warnings: graph.warnings,
    duplicateEntityKeys: model.duplicateEntityKeys,
  });
  for (const warning of graph.warnings) {
    console.warn(`Warning: ${warning}`);
  }

  const page = path.join(storageDirectory, 'graph.html');
  await fs.writeFile(page, html, 'utf8');
  return page;
}

function printCounts(title: string, counts: Record<string, number>): void {
  console.log(`\n${title}:`);
  const width = Math.max(...Object.keys(counts).map((type) => type.length));
  for (const [type, count] of Object.entries(counts)) {
    console.log(`  ${type.padEnd(width)}  ${String(count).padStart(6)}`);
  }
}

main().then(
  (exitCode) => process.exit(exitCode),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
