import { IntegrationValidationError } from '@jupiterone/integration-sdk-core';

export const DEFAULT_REGION = 'us-1';

/**
 * Cloud One region codes: letters, then a dash and digits, with optional
 * dashed words before them (`us-1`, `gb-1`, `trend-us-1`). Trend Micro adds
 * regions over time, so this checks the form instead of a list.
 */
const REGION_PATTERN = /^[a-z]+(-[a-z]+)*-\d+$/;

const API_URL_EXAMPLE = 'https://dsm.example.com:4119/api';

export function buildCloudOneUrl(region: string): string {
  if (!REGION_PATTERN.test(region)) {
    throw new IntegrationValidationError(
      `Invalid region "${region}": expected a Cloud One region code such as us-1, de-1 or trend-us-1 (lower-case letters, a dash and digits).`,
    );
  }
  return `https://workload.${region}.cloudone.trendmicro.com/api`;
}

/** Whether a host name or IP address refers to this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
  );
}

/**
 * Checks `apiUrl` and returns it without a trailing slash. The messages show
 * the expected form and never echo credentials found inside the URL.
 */
export function normalizeApiUrl(apiUrl: string): string {
  const trimmed = apiUrl.trim();

  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new IntegrationValidationError(
      `Invalid apiUrl "${trimmed}": it is not an absolute URL. Expected the API base URL with scheme, host, optional port and /api, such as ${API_URL_EXAMPLE}.`,
    );
  }

  if (url.username || url.password) {
    throw new IntegrationValidationError(
      `Invalid apiUrl: it contains a user name or password. Remove them from the URL and put the API key in apiKey; expected a URL such as ${API_URL_EXAMPLE}.`,
    );
  }

  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new IntegrationValidationError(
      `Invalid apiUrl "${trimmed}": the scheme must be https. Expected a URL such as ${API_URL_EXAMPLE}.`,
    );
  }

  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new IntegrationValidationError(
      `Invalid apiUrl "${trimmed}": plain http is accepted only for loopback hosts, because the API key would cross the network unencrypted. Use https, as in ${API_URL_EXAMPLE}.`,
    );
  }

  if (url.search || url.hash) {
    throw new IntegrationValidationError(
      `Invalid apiUrl "${trimmed}": remove the query string or fragment. Expected a URL such as ${API_URL_EXAMPLE}.`,
    );
  }

  const path = url.pathname.replace(/\/+$/, '');
  if (!path.endsWith('/api')) {
    throw new IntegrationValidationError(
      `Invalid apiUrl "${trimmed}": the path must end in /api, the root of the Deep Security REST API. Expected a URL such as ${API_URL_EXAMPLE}.`,
    );
  }

  return `${url.protocol}//${url.host}${path}`;
}
