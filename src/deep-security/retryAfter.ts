/**
 * Parses a `Retry-After` header into milliseconds. The header holds either
 * whole seconds or an HTTP date. Returns undefined when the header is absent
 * or unreadable, so the caller falls back to its own backoff.
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

  const date = Date.parse(value);
  if (Number.isNaN(date)) {
    return undefined;
  }
  return Math.max(0, date - now);
}
