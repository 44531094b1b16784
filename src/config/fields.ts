import {
  IntegrationInstanceConfig,
  IntegrationInstanceConfigFieldMap,
} from '@jupiterone/integration-sdk-core';

/**
 * Instance configuration. The SDK reads each field from the environment or
 * `.env` under its UPPER_SNAKE_CASE name, so `apiKey` is `API_KEY` and
 * `caCertificate` is `CA_CERTIFICATE`.
 */
export const instanceConfigFields: IntegrationInstanceConfigFieldMap<IntegrationConfig> =
  {
    apiKey: { type: 'string', mask: true },
    apiUrl: { type: 'string', optional: true },
    region: { type: 'string', optional: true },
    apiKeyType: { type: 'string', optional: true },
    caCertificate: { type: 'string', optional: true },
    disableTlsVerification: { type: 'boolean', optional: true },
  };

export interface IntegrationConfig extends IntegrationInstanceConfig {
  /** The API key's secret. Sent only in the authentication header. */
  apiKey: string;
  /**
   * The full base URL of the API, ending in `/api`: for example
   * `https://dsm.example.com:4119/api` for a Deep Security Manager.
   */
  apiUrl?: string;
  /** A Cloud One region code such as `us-1` or `de-1`. */
  region?: string;
  /** `auto` (the default), `legacy` or `cloud-one`: see `apiKeyHeader.ts`. */
  apiKeyType?: string;
  /** PEM text of a certificate authority to trust in addition to the system ones. */
  caCertificate?: string;
  /** Skips certificate verification. Off unless set to true. */
  disableTlsVerification?: boolean;
}
