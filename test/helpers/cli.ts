import { spawn } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

export const PROJECT_ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(PROJECT_ROOT, 'node_modules/.bin/j1-integration');

/** Environment variables of this integration's configuration fields. */
const CONFIG_VARIABLES = [
  'API_KEY',
  'API_URL',
  'REGION',
  'API_KEY_TYPE',
  'CA_CERTIFICATE',
  'DISABLE_TLS_VERIFICATION',
];

/**
 * Variables that the CLI's `run` and `sync` read for JupiterOne credentials
 * and the development API. A test passes its own, so that a developer's real
 * account is never used.
 */
const JUPITERONE_VARIABLES = [
  'JUPITERONE_API_KEY',
  'JUPITERONE_ACCOUNT',
  'JUPITERONE_DEV',
];

export interface CliResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** The `.j1-integration` folder the run wrote. */
  storageDirectory: string;
}

export interface RunCliOptions {
  /** Arguments after `j1-integration`, for example `['collect']`. */
  args: string[];
  /** Configuration and other variables for the run. */
  env: Record<string, string>;
  /**
   * Project folder given to `--project-path`. The CLI always writes
   * `<project>/.j1-integration`, so by default the run gets a new temporary
   * project whose `src` links to this project's source.
   */
  projectPath?: string;
  /** Prints the CLI's output as it arrives instead of only capturing it. */
  echo?: boolean;
  /** Called with the CLI's process ID once it has started. */
  onSpawn?: (pid: number) => void;
}

/** Makes a temporary project folder whose `src` links to this project's. */
export function createScratchProject(): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'trend-micro-'));
  fs.symlinkSync(path.join(PROJECT_ROOT, 'src'), path.join(directory, 'src'));
  removeAtExit(directory);
  return directory;
}

const scratchDirectories: string[] = [];

/**
 * Removes a scratch folder when this process exits, after every test of a
 * file had the chance to read it. Removing a folder deletes the `src`
 * symbolic link, not the source it points to.
 */
function removeAtExit(directory: string): void {
  if (scratchDirectories.length === 0) {
    process.once('exit', () => {
      for (const scratch of scratchDirectories) {
        fs.rmSync(scratch, { recursive: true, force: true });
      }
    });
  }
  scratchDirectories.push(directory);
}

/**
 * Runs the SDK's `j1-integration` CLI without blocking the event loop, so
 * that a server in the same process keeps responding. The CLI runs in an
 * empty working folder, so a developer's `.env` is not read, and inherits
 * no configuration or JupiterOne credential variable from the calling
 * environment.
 */
export function runCli(options: RunCliOptions): Promise<CliResult> {
  const projectPath = options.projectPath ?? createScratchProject();
  const workDirectory = fs.mkdtempSync(
    path.join(os.tmpdir(), 'trend-micro-cwd-'),
  );

  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (
      value !== undefined &&
      !CONFIG_VARIABLES.includes(name) &&
      !JUPITERONE_VARIABLES.includes(name)
    ) {
      env[name] = value;
    }
  }
  Object.assign(env, {
    AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
    // The CLI compiles src with ts-node, which reads tsconfig.json from the
    // working folder. Without it ts-node targets ES5, where `instanceof` on
    // the client's own Error subclasses fails and spreading a Set yields [].
    TS_NODE_PROJECT: path.join(PROJECT_ROOT, 'tsconfig.json'),
    // Host names fail locally instead of reaching a DNS server.
    NODE_OPTIONS: [
      process.env.NODE_OPTIONS,
      `--require ${path.join(__dirname, 'offlineDns.js')}`,
    ]
      .filter(Boolean)
      .join(' '),
    ...options.env,
  });

  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [CLI, ...options.args, '--project-path', projectPath],
      { cwd: workDirectory, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    if (child.pid !== undefined) {
      options.onSpawn?.(child.pid);
    }
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (options.echo) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (options.echo) process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (exitCode) => {
      fs.rmSync(workDirectory, { recursive: true, force: true });
      resolve({
        exitCode,
        stdout,
        stderr,
        storageDirectory: path.join(projectPath, '.j1-integration'),
      });
    });
  });
}

export interface StepSummary {
  id: string;
  status: string;
  declaredTypes: string[];
  partialTypes: string[];
  encounteredTypes: string[];
}

export interface CollectSummary {
  integrationStepResults: StepSummary[];
  metadata: { partialDatasets: { types: string[] } };
}

/** Reads `summary.json`, which the CLI writes after collecting. */
export function readSummary(storageDirectory: string): CollectSummary {
  const file = path.join(storageDirectory, 'summary.json');
  if (!fs.existsSync(file)) {
    throw new Error(
      `${file} not found: the collection did not finish. Check the CLI output.`,
    );
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as CollectSummary;
}
