export type ApiKeyType = 'legacy' | 'cloud-one';

export const API_KEY_TYPES = ['auto', 'legacy', 'cloud-one'] as const;

/**
 * Legacy keys (Deep Security Manager, Deep Security as a Service, and Cloud
 * One Workload Security keys made before Cloud One API keys existed) have the
 * form `<numeric ID>:<base64 secret>`.
 */
const LEGACY_KEY_PATTERN = /^\d+:\S+$/;

const CLOUD_ONE_HOST_SUFFIX = '.cloudone.trendmicro.com';

/**
 * Chooses how the key is sent. Cloud One API keys go in
 * `Authorization: ApiKey <key>`; every other key goes in `api-secret-key`.
 *
 * With `auto`, a key is treated as a Cloud One key only when the host is a
 * Cloud One host and the key does not have the legacy `<ID>:<secret>` form.
 * Users override the choice with `apiKeyType` set to `legacy` or `cloud-one`.
 */
export function resolveApiKeyType(
  configured: string | undefined,
  host: string,
  apiKey: string,
): ApiKeyType {
  if (configured === 'legacy' || configured === 'cloud-one') {
    return configured;
  }

  const isCloudOneHost = host.toLowerCase().endsWith(CLOUD_ONE_HOST_SUFFIX);
  if (isCloudOneHost && !LEGACY_KEY_PATTERN.test(apiKey)) {
    return 'cloud-one';
  }
  return 'legacy';
}

/** Builds the one header that carries the key. */
export function buildApiKeyHeader(
  apiKeyType: ApiKeyType,
  apiKey: string,
): Record<string, string> {
  return apiKeyType === 'cloud-one'
    ? { Authorization: `ApiKey ${apiKey}` }
    : { 'api-secret-key': apiKey };
}
