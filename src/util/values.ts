import { isIP } from 'net';

/** Returns a trimmed string, or undefined for non-strings and `""`. */
export function nonEmptyString(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * Maximum length of a free-text property. Longer text is cut and ends in an
 * ellipsis; the raw record keeps the whole text.
 */
export const MAX_TEXT_LENGTH = 4096;

export function limitedText(value: unknown): string | undefined {
  const text = nonEmptyString(value);
  if (text === undefined || text.length <= MAX_TEXT_LENGTH) {
    return text;
  }
  return `${text.slice(0, MAX_TEXT_LENGTH - 1)}…`;
}

/** Returns a positive integer ID, or undefined for the API's `0` meaning none. */
export function referenceId(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0
    ? value
    : undefined;
}

export function booleanValue(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

export function integerValue(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value)
    ? value
    : undefined;
}

/**
 * Epoch milliseconds below this are read as seconds. 1e11 ms is March 1973,
 * before any Deep Security release, and 1e11 s is far in the future, so the
 * two ranges cannot be confused.
 */
const SECONDS_THRESHOLD = 1e11;

/**
 * Returns epoch milliseconds for an API timestamp, which should already be in
 * milliseconds. Values in seconds are converted; zero, negative and
 * non-numeric values become undefined.
 */
export function epochMillis(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    return undefined;
  }
  return Math.round(value < SECONDS_THRESHOLD ? value * 1000 : value);
}

/** Loose check for `local@domain.tld`, matching the data model's `email` format. */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function emailAddress(value: unknown): string | undefined {
  const text = nonEmptyString(value);
  return text && EMAIL_PATTERN.test(text) ? text.toLowerCase() : undefined;
}

/** Returns the address when it is a valid IPv4 or IPv6 address. */
export function ipAddress(value: unknown): string | undefined {
  const text = nonEmptyString(value);
  return text && isIP(text) !== 0 ? text : undefined;
}

/** Removes undefined values and repeats, keeping the first occurrence. */
export function uniqueDefined<T>(values: Array<T | undefined>): T[] {
  return Array.from(
    new Set(values.filter((value): value is T => value !== undefined)),
  );
}

/** Returns the strings of an array, skipping other values. */
export function stringArray(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

/** Returns the integers of an array, skipping other values. */
export function integerArray(value: unknown): number[] {
  return Array.isArray(value)
    ? value.filter((item): item is number => Number.isSafeInteger(item))
    : [];
}
