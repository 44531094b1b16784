/**
 * Writes one self-contained HTML page that draws the graph collected by
 * `j1-integration collect`, for viewing without network access.
 *
 * Usage: ts-node --transpile-only scripts/graph.ts
 *          [--data-dir .j1-integration] [--output <data-dir>/graph.html]
 *          [--max-nodes 2000]
 */
import { promises as fs } from 'fs';
import path from 'path';
import { parseArgs } from 'util';

import { buildGraphModel } from './graph/graphModel';
import { readGraph } from './graph/readGraph';
import { renderHtml } from './graph/renderHtml';
import { sampleGraph } from './graph/sampleGraph';

const DEFAULT_DATA_DIRECTORY = '.j1-integration';
const DEFAULT_MAX_NODES = 2000;

const USAGE = `Usage: npm run graph -- [options]

Options:
  --data-dir <path>   folder that contains graph/ from j1-integration collect (default ${DEFAULT_DATA_DIRECTORY})
  --output <path>     HTML file to write (default <data-dir>/graph.html)
  --max-nodes <n>     draw a sample of n nodes when the graph has more (default ${DEFAULT_MAX_NODES})
  --help              print this help`;

interface GraphOptions {
  dataDirectory: string;
  output: string;
  maxNodes: number;
}

function parseOptions(args: string[]): GraphOptions | undefined {
  const { values } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string' },
      output: { type: 'string' },
      'max-nodes': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    return undefined;
  }

  const dataDirectory = path.resolve(
    values['data-dir'] ?? DEFAULT_DATA_DIRECTORY,
  );
  const maxNodesText = values['max-nodes'] ?? String(DEFAULT_MAX_NODES);
  const maxNodes = Number(maxNodesText);
  if (!Number.isInteger(maxNodes) || maxNodes < 1) {
    throw new Error(
      `Invalid --max-nodes "${maxNodesText}": expected a whole number of at least 1.`,
    );
  }

  return {
    dataDirectory,
    output: path.resolve(
      values.output ?? path.join(dataDirectory, 'graph.html'),
    ),
    maxNodes,
  };
}

async function main(): Promise<number> {
  let options: GraphOptions | undefined;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    console.error(USAGE);
    return 2;
  }
  if (!options) {
    console.log(USAGE);
    return 0;
  }

  const graph = await readGraph(options.dataDirectory);
  const model = buildGraphModel(graph);
  const sample = sampleGraph(model, options.maxNodes);
  const html = renderHtml({
    sample,
    maxNodes: options.maxNodes,
    source: options.dataDirectory,
    warnings: graph.warnings,
    duplicateEntityKeys: model.duplicateEntityKeys,
  });

  await fs.mkdir(path.dirname(options.output), { recursive: true });
  await fs.writeFile(options.output, html, 'utf8');

  for (const warning of graph.warnings) {
    console.warn(`Warning: ${warning}`);
  }
  if (graph.fileCount === 0) {
    console.warn(
      `Warning: no graph files under ${path.join(
        options.dataDirectory,
        'graph',
      )}; the page is empty.`,
    );
  }
  const sampleNote = sample.sampled
    ? `, sample of ${sample.nodes.length} nodes and ${sample.edges.length} relationships drawn`
    : '';
  console.log(
    `Read ${graph.fileCount} graph files: ${sample.totalNodes} nodes and ${sample.totalEdges} relationships${sampleNote}.`,
  );
  console.log(`Wrote graph page to ${options.output}`);
  return 0;
}

main().then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  },
);
