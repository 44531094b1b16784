import { IntegrationValidationError } from '@jupiterone/integration-sdk-core';

export const DEFAULT_REGION = 'us-1';

/**
 * Cloud One region codes: letters, then a dash and digits, with optional
 * dashed words before them (`us-1`, `gb-1`, `trend-us-1`). Trend Micro adds
 * regions over time, so this checks the form instead of a list.
 */
const REGION_PATTERN = /^[a-z]+(-[a-z]+)*-\d+$/;

const API_URL_EXAMPLE = 'https://dsm.example.com:4119/api';

/**
 * Builds the Cloud One Workload Security base URL of a region. The code is
 * trimmed and lower-cased first, so `US-1` is read as `us-1`.
 */
export function buildCloudOneUrl(region: string): string {
  const code = region.trim().toLowerCase();
  if (!REGION_PATTERN.test(code)) {
    throw new IntegrationValidationError(
      `Invalid region "${region}": expected a Cloud One region code such as us-1, de-1 or trend-us-1 (letters, a dash and digits). To give a full address instead, leave region empty and set apiUrl, such as ${API_URL_EXAMPLE}.`,
    );
  }
  return `https://workload.${code}.cloudone.trendmicro.com/api`;
}

/** Checks whether a host name or IP address refers to this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
  );
}

/**
 * Checks `apiUrl` and returns it without a trailing slash. The messages show
 * the expected form. They echo the URL without any user name or password in
 * it, because those are secrets that do not belong there.
 */
export function normalizeApiUrl(apiUrl: string): string {
  const trimmed = apiUrl.trim();
  const displayedUrl = withoutUserInfo(trimmed);

  // `new URL('dsm.example.com:4119/api')` parses `dsm.example.com:` as the
  // scheme, so a missing scheme is caught before parsing.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    throw new IntegrationValidationError(
      `Invalid apiUrl "${displayedUrl}": it does not start with https://. Expected the API base URL with scheme, host, optional port and /api, such as ${API_URL_EXAMPLE}.`,
    );
  }

  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new IntegrationValidationError(
      `Invalid apiUrl "${displayedUrl}": it is not a valid URL. Expected the API base URL with scheme, host, optional port and /api, such as ${API_URL_EXAMPLE}.`,
    );
  }

  if (url.username || url.password) {
    throw new IntegrationValidationError(
      `Invalid apiUrl "${displayedUrl}": it contains a user name or password. Remove them from the URL and put the API key in apiKey. Expected a URL such as ${API_URL_EXAMPLE}.`,
    );
  }

  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new IntegrationValidationError(
      `Invalid apiUrl "${displayedUrl}": the scheme must be https. Expected a URL such as ${API_URL_EXAMPLE}.`,
    );
  }

  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new IntegrationValidationError(
      `Invalid apiUrl "${displayedUrl}": plain http is accepted only for loopback hosts, because the API key would cross the network unencrypted. Use https, as in ${API_URL_EXAMPLE}.`,
    );
  }

  if (url.search || url.hash) {
    throw new IntegrationValidationError(
      `Invalid apiUrl "${displayedUrl}": remove the query string or fragment. Expected a URL such as ${API_URL_EXAMPLE}.`,
    );
  }

  const path = url.pathname.replace(/\/+$/, '');
  if (!path.endsWith('/api')) {
    throw new IntegrationValidationError(
      `Invalid apiUrl "${displayedUrl}": the path must end in /api, the root of the Deep Security REST API. Expected a URL such as ${API_URL_EXAMPLE}.`,
    );
  }

  return `${url.protocol}//${url.host}${path}`;
}

/**
 * Replaces a `user:password@` part, with or without a scheme before it, by
 * `***@`.
 */
function withoutUserInfo(text: string): string {
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^/?#]*@/i, '$1***@');
}
