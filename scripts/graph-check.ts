/**
 * Opens a page written by scripts/graph.ts in headless Chromium from a
 * file:// URL, checks that vis-network drew its nodes, and saves a
 * screenshot. Exits with status 1 when nothing was drawn or Chromium failed.
 *
 * Usage: ts-node --transpile-only scripts/graph-check.ts
 *          [--page .j1-integration/graph.html] [--screenshot <page>.png]
 *          [--chromium /usr/bin/chromium] [--timeout-seconds 120]
 */
import { constants, promises as fs } from 'fs';
import path from 'path';
import { parseArgs } from 'util';

import { dumpDom, takeScreenshot } from './graph/headlessChromium';

const DEFAULT_PAGE = '.j1-integration/graph.html';
const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const DEFAULT_TIMEOUT_SECONDS = 120;

const USAGE = `Usage: npm run graph:check -- [options]

Options:
  --page <path>              graph page from npm run graph (default ${DEFAULT_PAGE})
  --screenshot <path>        PNG file to write (default: the page path with .png)
  --chromium <path>          Chromium executable (default ${DEFAULT_CHROMIUM})
  --timeout-seconds <n>      time limit for each Chromium run, in seconds (default ${DEFAULT_TIMEOUT_SECONDS})
  --help                     print this help`;

interface CheckOptions {
  page: string;
  screenshot: string;
  chromium: string;
  timeoutMs: number;
}

/** Attributes that the page script sets on <body> once the graph is drawn. */
interface RenderReport {
  expectedNodes?: number;
  renderedNodes?: number;
  paintedPixels?: number;
  stabilized?: string;
  renderError?: string;
}

function parseOptions(args: string[]): CheckOptions | undefined {
  const { values } = parseArgs({
    args,
    options: {
      page: { type: 'string' },
      screenshot: { type: 'string' },
      chromium: { type: 'string' },
      'timeout-seconds': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    return undefined;
  }

  const timeoutText =
    values['timeout-seconds'] ?? String(DEFAULT_TIMEOUT_SECONDS);
  const timeoutSeconds = Number(timeoutText);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    throw new Error(
      `Invalid --timeout-seconds "${timeoutText}": expected a positive number of seconds.`,
    );
  }

  const page = path.resolve(values.page ?? DEFAULT_PAGE);
  const screenshot = path.resolve(
    values.screenshot ?? page.replace(/\.html?$/i, '') + '.png',
  );
  return {
    page,
    screenshot,
    chromium: values.chromium ?? DEFAULT_CHROMIUM,
    timeoutMs: timeoutSeconds * 1000,
  };
}

/** Reads the render attributes from the first <body> tag of the dumped DOM. */
function readRenderReport(dom: string): RenderReport {
  const bodyTag = /<body\b([^>]*)>/i.exec(dom)?.[1] ?? '';
  const attribute = (name: string): string | undefined =>
    new RegExp(`\\b${name}="([^"]*)"`).exec(bodyTag)?.[1];
  const numberAttribute = (name: string): number | undefined => {
    const value = attribute(name);
    return value === undefined ? undefined : Number(value);
  };

  return {
    expectedNodes: numberAttribute('data-expected-nodes'),
    renderedNodes: numberAttribute('data-rendered-nodes'),
    paintedPixels: numberAttribute('data-painted-pixels'),
    stabilized: attribute('data-stabilized'),
    renderError: attribute('data-render-error'),
  };
}

/** Returns the reasons the page counts as not drawn; an empty list means it passed. */
function findRenderFailures(report: RenderReport): string[] {
  const failures: string[] = [];
  if (report.renderError !== undefined) {
    failures.push(`the page reported an error: ${report.renderError}`);
  }
  if (report.expectedNodes === undefined) {
    failures.push(
      'the page script did not start (no data-expected-nodes on <body>)',
    );
  } else if (report.expectedNodes === 0) {
    failures.push('the page has no nodes to draw');
  }
  if (report.renderedNodes === undefined) {
    failures.push('no drawing finished within the virtual time budget');
  } else if (
    report.expectedNodes !== undefined &&
    report.renderedNodes < report.expectedNodes
  ) {
    failures.push(
      `only ${report.renderedNodes} of ${report.expectedNodes} nodes were placed`,
    );
  }
  if (
    report.expectedNodes !== 0 &&
    report.renderedNodes !== undefined &&
    !report.paintedPixels
  ) {
    failures.push('the graph canvas stayed blank');
  }
  return failures;
}

async function requireFile(file: string, mode: number, hint: string) {
  try {
    await fs.access(file, mode);
  } catch {
    throw new Error(`${file} not found or not accessible. ${hint}`);
  }
}

async function main(): Promise<number> {
  let options: CheckOptions | undefined;
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

  await requireFile(
    options.page,
    constants.R_OK,
    'Write the page with "npm run graph" first or pass --page.',
  );
  await requireFile(
    options.chromium,
    constants.X_OK,
    'Install Chromium with "apt-get install -y chromium" or pass --chromium.',
  );

  const chromiumOptions = {
    executable: options.chromium,
    timeoutMs: options.timeoutMs,
  };
  const report = readRenderReport(await dumpDom(options.page, chromiumOptions));
  await takeScreenshot(options.page, options.screenshot, chromiumOptions);
  const screenshotSize = (await fs.stat(options.screenshot)).size;

  console.log(
    `Nodes drawn: ${report.renderedNodes ?? 'none'} of ${
      report.expectedNodes ?? 'unknown'
    } (layout stabilized: ${
      report.stabilized ?? 'unknown'
    }), painted canvas pixels: ${report.paintedPixels ?? 'none'}`,
  );
  console.log(`Screenshot: ${options.screenshot} (${screenshotSize} bytes)`);

  const failures = findRenderFailures(report);
  if (failures.length > 0) {
    console.error(`Graph page check failed: ${failures.join('; ')}.`);
    return 1;
  }
  console.log('Graph page check passed.');
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
