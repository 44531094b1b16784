import { parseRetryPolicy } from './retryPolicy';

const SOURCE = 'TEST_POLICY';

describe('parseRetryPolicy', () => {
  test('keeps the given fields only', () => {
    expect(
      parseRetryPolicy('{"maxAttempts":3,"initialDelayMs":5}', SOURCE),
    ).toEqual({ maxAttempts: 3, initialDelayMs: 5 });
  });

  test.each<[string, string]>([
    ['{"maxAttempts":', 'Invalid TEST_POLICY: not valid JSON'],
    ['[1]', 'Invalid TEST_POLICY: expected a JSON object'],
    ['{"retries":3}', 'Invalid TEST_POLICY: unknown field "retries"'],
    ['{"initialDelayMs":"5"}', 'initialDelayMs must be a finite number'],
    ['{"maxAttempts":0}', 'maxAttempts must be an integer of at least 1'],
    ['{"maxAttempts":2.5}', 'maxAttempts must be an integer of at least 1'],
    ['{"factor":0.5}', 'factor must be at least 1'],
    ['{"attemptTimeoutMs":0}', 'attemptTimeoutMs must be greater than 0'],
    ['{"maxDelayMs":-1}', 'maxDelayMs must not be negative'],
  ])('rejects %s', (text, message) => {
    expect(() => parseRetryPolicy(text, SOURCE)).toThrow(message);
  });
});
