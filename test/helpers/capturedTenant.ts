import fs from 'fs';
import path from 'path';

/**
 * Folder of real Deep Security responses, with personal details replaced,
 * that sits beside this repository's checkout in `../shared`. CI lays it
 * out the same way.
 */
export const CAPTURED_TENANT_DIRECTORY = path.resolve(
  __dirname,
  '../../../shared/fixtures/deep-security/captured',
);

/** Reads one captured response body, such as `computers.json`. */
export function readCapturedResponse<T>(fileName: string): T {
  const file = path.join(CAPTURED_TENANT_DIRECTORY, fileName);
  if (!fs.existsSync(file)) {
    throw new Error(
      `Captured response ${file} not found: clone the project next to its shared folder so that ../shared/fixtures/deep-security/captured exists.`,
    );
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}
