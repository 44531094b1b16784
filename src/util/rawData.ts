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

/** Property names checked so far. API records repeat the same names. */
const secretNames = new Map<string, boolean>();

/** Bounds the cache, in case odd records carry endless distinct names. */
const MAX_CACHED_NAMES = 10_000;

function isSecretName(name: string): boolean {
  let secret = secretNames.get(name);
  if (secret === undefined) {
    secret = SECRET_NAME_PATTERN.test(name);
    if (secretNames.size < MAX_CACHED_NAMES) {
      secretNames.set(name, secret);
    }
  }
  return secret;
}

/**
 * Returns the value itself when it contains no secret, so that the common case
 * copies nothing, or a copy without the secret-bearing properties.
 */
function stripSecrets(value: unknown): unknown {
  if (Array.isArray(value)) {
    let items: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      const stripped = stripSecrets(item);
      if (stripped !== item) {
        items = items ?? value.slice();
        items[index] = stripped;
      }
    }
    return items ?? value;
  }
  if (!isRecord(value)) {
    return value;
  }

  const record = value;
  let copy: Record<string, unknown> | undefined;
  for (const name of Object.keys(record)) {
    const child = record[name];
    const isScalar = typeof child === 'boolean' || typeof child === 'number';
    if (!isScalar && isSecretName(name)) {
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
