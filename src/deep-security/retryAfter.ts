/**
 * An HTTP date always names its month, as in `Wed, 21 Oct 2015 07:28:00 GMT`.
 * V8's `Date.parse` also reads bare numbers such as `-5` or `1.5` as dates
 * in 2001, which must not pass as a date that lies in the past.
 */
const HTTP_DATE_MONTH =
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\b/i;

/**
 * Parses a `Retry-After` header into milliseconds. The header contains
 * either whole seconds or an HTTP date (RFC 9110, section 10.2.3), and a
 * date in the past gives 0. Returns undefined when the header is absent or
 * malformed, so the caller falls back to its own backoff.
 */
export function parseRetryAfter(
  header: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (!header) {
    return undefined;
  }

  const value = header.trim();
  if (/^\d+$/.test(value)) {
    return Number(value) * 1000;
  }

  const date = HTTP_DATE_MONTH.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(date)) {
    return undefined;
  }
  return Math.max(0, date - now);
}
