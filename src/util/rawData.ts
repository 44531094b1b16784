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

function stripSecrets(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(stripSecrets);
  }
  if (typeof value !== 'object' || value === null) {
    return value;
  }

  const copy: Record<string, unknown> = {};
  for (const [name, child] of Object.entries(value)) {
    const isScalar = typeof child === 'boolean' || typeof child === 'number';
    if (SECRET_NAME_PATTERN.test(name) && !isScalar) {
      continue;
    }
    copy[name] = stripSecrets(child);
  }
  return copy;
}
