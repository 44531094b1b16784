import { errorMessage } from '../util/errorMessage';

/** How often and how long a request is retried. All times are in ms. */
export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  /** Backoff before the second attempt; later ones multiply by `factor`. */
  initialDelayMs: number;
  factor: number;
  maxDelayMs: number;
  /** Upper bound on a wait that the server requests with `Retry-After`. */
  retryAfterCapMs: number;
  /** Limit on one attempt, from sending the request to the last body byte. */
  attemptTimeoutMs: number;
  /** Limit on one request with all its attempts and waits. */
  totalTimeoutMs: number;
}

/**
 * Defaults for real deployments. Deep Security counts calls over the last
 * 60 seconds and rejects all of them while over a limit, so a 429 is worth
 * waiting up to a minute for.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  initialDelayMs: 1_000,
  factor: 2,
  maxDelayMs: 30_000,
  retryAfterCapMs: 60_000,
  attemptTimeoutMs: 120_000,
  totalTimeoutMs: 10 * 60_000,
};

const POLICY_FIELDS: ReadonlyArray<keyof RetryPolicy> = [
  'maxAttempts',
  'initialDelayMs',
  'factor',
  'maxDelayMs',
  'retryAfterCapMs',
  'attemptTimeoutMs',
  'totalTimeoutMs',
];

/** Fields that would make every attempt fail at once when 0. */
const POSITIVE_FIELDS: ReadonlyArray<keyof RetryPolicy> = [
  'attemptTimeoutMs',
  'totalTimeoutMs',
];

/**
 * Parses a JSON object of retry policy fields, for example
 * `{"initialDelayMs":5,"attemptTimeoutMs":500}`. Fields left out keep their
 * defaults. `source` names where the text came from, for the error message.
 * Throws an error naming the first invalid field and its expected form.
 */
export function parseRetryPolicy(
  text: string,
  source: string,
): Partial<RetryPolicy> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new Error(
      `Invalid ${source}: not valid JSON (${errorMessage(
        err,
      )}). Expected an object such as {"maxAttempts":3,"initialDelayMs":100}.`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(
      `Invalid ${source}: expected a JSON object of retry policy fields (${POLICY_FIELDS.join(
        ', ',
      )}).`,
    );
  }

  const policy: Partial<RetryPolicy> = {};
  for (const [name, value] of Object.entries(parsed)) {
    const field = POLICY_FIELDS.find((known) => known === name);
    if (field === undefined) {
      throw new Error(
        `Invalid ${source}: unknown field "${name}". Known fields: ${POLICY_FIELDS.join(
          ', ',
        )}.`,
      );
    }
    policy[field] = validateField(field, value, source);
  }
  return policy;
}

function validateField(
  field: keyof RetryPolicy,
  value: unknown,
  source: string,
): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(
      `Invalid ${source}: ${field} must be a finite number, got ${JSON.stringify(
        value,
      )}.`,
    );
  }
  if (field === 'maxAttempts' && (!Number.isInteger(value) || value < 1)) {
    throw new Error(
      `Invalid ${source}: maxAttempts must be an integer of at least 1, got ${value}.`,
    );
  }
  if (field === 'factor' && value < 1) {
    throw new Error(
      `Invalid ${source}: factor must be at least 1, got ${value}.`,
    );
  }
  if (POSITIVE_FIELDS.includes(field) && value <= 0) {
    throw new Error(
      `Invalid ${source}: ${field} must be greater than 0, got ${value}.`,
    );
  }
  if (value < 0) {
    throw new Error(
      `Invalid ${source}: ${field} must not be negative, got ${value}.`,
    );
  }
  return value;
}
