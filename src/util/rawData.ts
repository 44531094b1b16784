import { isRecord } from './isRecord';

/**
 * Property names that may carry a secret: API key secrets from create and
 * regenerate responses, and computer settings that hold passwords or
 * tokens.
 */
const SECRET_NAME_PATTERN =
  /secret|password|passwd|passphrase|credential|token|privatekey/i;

/**
 * Returns a copy of an API record without values that may be secret, for use
 * as an entity's raw data. Under a secret-sounding name, booleans and numbers
 * stay (such as `passwordNeverExpires` or `lastPasswordChange`), while
 * strings, arrays and objects are removed.
 */
export function withoutSecrets<T>(record: T): T {
  return stripSecrets(record) as T;
}

/**
 * Returns the value itself when it contains no secret, so that the common case
 * copies nothing, or a copy without the secret-bearing properties.
 */
function stripSecrets(value: unknown): unknown {
  if (Array.isArray(value)) {
    let changed = false;
    const items = value.map((item: unknown) => {
      const stripped = stripSecrets(item);
      changed = changed || stripped !== item;
      return stripped;
    });
    return changed ? items : value;
  }
  if (!isRecord(value)) {
    return value;
  }

  const record = value;
  let copy: Record<string, unknown> | undefined;
  for (const [name, child] of Object.entries(record)) {
    const isScalar = typeof child === 'boolean' || typeof child === 'number';
    if (SECRET_NAME_PATTERN.test(name) && !isScalar) {
      copy = copy ?? { ...record };
      delete copy[name];
      continue;
    }
    const stripped = stripSecrets(child);
    if (stripped !== child) {
      copy = copy ?? { ...record };
      copy[name] = stripped;
    }
  }
  return copy ?? record;
}
