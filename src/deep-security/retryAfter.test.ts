import { parseRetryAfter } from './retryAfter';

const NOW = Date.parse('2026-01-01T00:00:00Z');

describe('parseRetryAfter', () => {
  test('seconds', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
  });

  test('HTTP date', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', NOW)).toBe(30_000);
  });

  test('past date means now', () => {
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', NOW)).toBe(0);
  });

  test.each(['', '-5', '1.5', 'soon', undefined, null])(
    'unreadable %j is undefined',
    (header) => {
      expect(parseRetryAfter(header, NOW)).toBeUndefined();
    },
  );
});
