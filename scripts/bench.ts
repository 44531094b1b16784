/**
 * Measures a full `j1-integration collect` against the local Deep Security
 * server with a generated tenant:
 *
 *   npm run bench -- --computers 100000 --latency-ms 50
 *
 * Prints wall time, requests, bytes received, peak resident memory of the
 * collect process and entities per second. Figures depend on the machine;
 * docs/benchmarks.md records them with the machine they came from.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

import { iterateParsedGraphFiles } from '@jupiterone/integration-sdk-runtime';

import { startDeepSecurityServer } from '../test/deep-security-server';
import { PROJECT_ROOT, readSummary, runCli } from '../test/helpers/cli';

interface BenchOptions {
  computers: number;
  latencyMs: number;
  seed: number;
  /** Runs the compiled integration from `dist`, as the package ships. */
  compiled: boolean;
}

const BENCH_API_KEY = 'bench-api-key';

function parseOptions(argv: string[]): BenchOptions {
  const options: BenchOptions = {
    computers: 1000,
    latencyMs: 0,
    seed: 1,
    compiled: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    const value = Number(argv[i + 1]);
    if (name === '--compiled') {
      options.compiled = true;
      continue;
    }
    if (name === '--help') {
      console.log(
        'Usage: npm run bench -- [--computers N] [--latency-ms L] [--seed S] [--compiled]\n' +
          '  --computers   computers in the generated tenant (default 1000)\n' +
          '  --latency-ms  delay the server adds to every request, in ms (default 0)\n' +
          '  --seed        seed of the generated tenant (default 1)\n' +
          '  --compiled    build dist with tsc and collect with it, as the package ships;\n' +
          '                by default the CLI compiles src with ts-node, as in development',
      );
      process.exit(0);
    }
    if (!['--computers', '--latency-ms', '--seed'].includes(name)) {
      throw new Error(`Unknown option ${name}; run with --help.`);
    }
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new Error(
        `Invalid value "${
          argv[i + 1]
        }" for ${name}: expected a whole number of 0 or more.`,
      );
    }
    if (name === '--computers') options.computers = value;
    if (name === '--latency-ms') options.latencyMs = value;
    if (name === '--seed') options.seed = value;
    i++;
  }
  return options;
}

/**
 * Reads the peak resident set size (VmHWM) of a process in bytes. Linux
 * keeps the high-water mark, so the last reading before exit is the peak.
 */
function readPeakRss(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(status);
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function countGraphObjects(
  storageDirectory: string,
): Promise<{ entities: number; relationships: number }> {
  const counts = { entities: 0, relationships: 0 };
  await iterateParsedGraphFiles(async (data) => {
    counts.entities += data.entities?.length ?? 0;
    counts.relationships += data.relationships?.length ?? 0;
    await Promise.resolve();
  }, path.join(storageDirectory, 'graph'));
  return counts;
}

/** Formats a byte count in mebibytes (1,048,576 bytes), as the docs give memory. */
function mebibytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/**
 * Builds `dist` and returns a scratch project whose `src` links to it, so
 * that the CLI loads plain JavaScript and does not register ts-node.
 */
function createCompiledProject(): string {
  execFileSync(
    process.execPath,
    [path.join(PROJECT_ROOT, 'node_modules/.bin/tsc'), '-p', 'tsconfig.json'],
    { cwd: PROJECT_ROOT, stdio: 'inherit' },
  );
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'trend-micro-dist-'));
  fs.symlinkSync(path.join(PROJECT_ROOT, 'dist'), path.join(project, 'src'));
  return project;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const projectPath = options.compiled ? createCompiledProject() : undefined;
  const server = await startDeepSecurityServer({
    apiKey: BENCH_API_KEY,
    tenant: {
      kind: 'generated',
      seed: options.seed,
      computers: options.computers,
    },
    latencyMs: options.latencyMs,
  });

  let peakRss = 0;
  let poller: NodeJS.Timeout | undefined;
  const startedAt = process.hrtime.bigint();
  try {
    const result = await runCli({
      args: ['collect'],
      env: { API_KEY: BENCH_API_KEY, API_URL: server.url },
      projectPath,
      onSpawn: (pid) => {
        poller = setInterval(() => {
          peakRss = Math.max(peakRss, readPeakRss(pid) ?? 0);
        }, 20);
      },
    });
    const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
    clearInterval(poller);

    const summary = readSummary(result.storageDirectory);
    const failed = summary.integrationStepResults.filter(
      (step) => step.status !== 'success',
    );
    const counts = await countGraphObjects(result.storageDirectory);
    const stats = server.stats();
    fs.rmSync(path.dirname(result.storageDirectory), {
      recursive: true,
      force: true,
    });

    console.log(
      [
        `computers:          ${options.computers.toLocaleString('en-US')}`,
        `latency per request: ${options.latencyMs} ms`,
        `integration code:   ${
          options.compiled ? 'compiled dist' : 'src through ts-node'
        }`,
        `wall time:          ${seconds.toFixed(1)} s`,
        `requests:           ${stats.requests}`,
        `bytes received:     ${mebibytes(stats.bytesSent)} (${Math.round(
          stats.bytesSent / Math.max(1, options.computers),
        )} bytes per computer)`,
        `peak RSS (collect): ${mebibytes(peakRss)}`,
        `entities:           ${counts.entities.toLocaleString('en-US')}`,
        `relationships:      ${counts.relationships.toLocaleString('en-US')}`,
        `entities per second: ${Math.round(
          counts.entities / seconds,
        ).toLocaleString('en-US')}`,
        `failed steps:       ${
          failed.map((step) => step.id).join(', ') || 'none'
        }`,
        `machine:            ${os.cpus().length} cores, ${mebibytes(
          os.totalmem(),
        )} memory, Node ${process.version}`,
      ].join('\n'),
    );
    return failed.length > 0 || result.exitCode !== 0 ? 1 : 0;
  } finally {
    clearInterval(poller);
    await server.close();
  }
}

main().then(
  (exitCode) => process.exit(exitCode),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
