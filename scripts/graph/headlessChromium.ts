import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { pathToFileURL } from 'url';

export interface ChromiumOptions {
  executable: string;
  timeoutMs: number;
}

/**
 * Flags for headless Chromium with its background network traffic (updates,
 * sync, QUIC) turned off and no first-run setup. Virtual time lets the page
 * run up to 10 s of timers without waiting for them in real time.
 */
const BASE_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--window-size=1400,900',
  '--virtual-time-budget=10000',
];

const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

/** Runs Chromium once on a file:// URL of `page` with a temporary profile, and returns its stdout. */
async function runChromium(
  page: string,
  flags: string[],
  options: ChromiumOptions,
): Promise<string> {
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'graph-check-'));
  const args = [
    ...BASE_FLAGS,
    `--user-data-dir=${profile}`,
    ...flags,
    pathToFileURL(page).href,
  ];

  try {
    return await new Promise<string>((resolve, reject) => {
      execFile(
        options.executable,
        args,
        {
          encoding: 'utf8',
          timeout: options.timeoutMs,
          maxBuffer: MAX_OUTPUT_BYTES,
        },
        (err, stdout, stderr) => {
          if (err) {
            const reason = err.killed
              ? `timed out after ${options.timeoutMs} ms`
              : err.message;
            reject(
              new Error(
                `Chromium failed on ${page}: ${reason}\n${stderr.slice(-2000)}`,
              ),
            );
            return;
          }
          resolve(stdout);
        },
      );
    });
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
  }
}

/** Returns the DOM that `page` has after its scripts ran, serialized as HTML. */
export function dumpDom(
  page: string,
  options: ChromiumOptions,
): Promise<string> {
  return runChromium(page, ['--dump-dom'], options);
}

/** Saves a 1400x900 PNG screenshot of `page` to `screenshot`. */
export async function takeScreenshot(
  page: string,
  screenshot: string,
  options: ChromiumOptions,
): Promise<void> {
  await fs.rm(screenshot, { force: true });
  await runChromium(page, [`--screenshot=${screenshot}`], options);
}
