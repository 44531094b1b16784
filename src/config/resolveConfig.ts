import { X509Certificate } from 'crypto';

import { IntegrationValidationError } from '@jupiterone/integration-sdk-core';

import { API_KEY_TYPES, ApiKeyType, resolveApiKeyType } from './apiKeyHeader';
import { buildCloudOneUrl, DEFAULT_REGION, normalizeApiUrl } from './baseUrl';
import { errorMessage } from '../util/errorMessage';
import { IntegrationConfig } from './fields';

/** The instance configuration after checking, with every default applied. */
export interface DeepSecurityConnectionConfig {
  apiKey: string;
  /** Base URL without a trailing slash, ending in `/api`. */
  baseUrl: string;
  /** Source of the base URL, shown in the start-up log line. */
  baseUrlSource: 'apiUrl' | 'region' | 'default region';
  apiKeyType: ApiKeyType;
  caCertificate?: string;
  disableTlsVerification: boolean;
}

/**
 * Checks every configuration field and derives the connection settings.
 * Throws `IntegrationValidationError` naming the first invalid field and its
 * expected form. No message contains the key.
 */
export function resolveConfig(
  config: IntegrationConfig,
): DeepSecurityConnectionConfig {
  rejectTrailingComments(config);
  const apiKey = validateApiKey(config.apiKey);
  try {
    return resolveConnection(config, apiKey);
  } catch (err) {
    // A key pasted into apiUrl or region would otherwise be echoed in the
    // message that rejects that field.
    if (
      err instanceof IntegrationValidationError &&
      err.message.includes(apiKey)
    ) {
      throw new IntegrationValidationError(
        err.message.split(apiKey).join('[the apiKey value]'),
      );
    }
    throw err;
  }
}

function resolveConnection(
  config: IntegrationConfig,
  apiKey: string,
): DeepSecurityConnectionConfig {
  const apiUrl = emptyToUndefined(config.apiUrl);
  const region = emptyToUndefined(config.region);

  if (apiUrl && region) {
    throw new IntegrationValidationError(
      'Invalid configuration: set either apiUrl (a full base URL ending in /api) or region (a Cloud One region code such as us-1), not both.',
    );
  }

  let baseUrl: string;
  let baseUrlSource: DeepSecurityConnectionConfig['baseUrlSource'];
  if (apiUrl) {
    baseUrl = normalizeApiUrl(apiUrl);
    baseUrlSource = 'apiUrl';
  } else if (region) {
    baseUrl = buildCloudOneUrl(region);
    baseUrlSource = 'region';
  } else {
    baseUrl = buildCloudOneUrl(DEFAULT_REGION);
    baseUrlSource = 'default region';
  }

  const configuredKeyType = emptyToUndefined(config.apiKeyType);
  if (
    configuredKeyType &&
    !(API_KEY_TYPES as readonly string[]).includes(configuredKeyType)
  ) {
    throw new IntegrationValidationError(
      `Invalid apiKeyType "${configuredKeyType}": expected one of ${API_KEY_TYPES.join(
        ', ',
      )}.`,
    );
  }

  return {
    apiKey,
    baseUrl,
    baseUrlSource,
    apiKeyType: resolveApiKeyType(
      configuredKeyType,
      new URL(baseUrl).hostname,
      apiKey,
    ),
    caCertificate: validateCaCertificate(config.caCertificate),
    disableTlsVerification: config.disableTlsVerification === true,
  };
}

function emptyToUndefined(value: string | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function validateApiKey(apiKey: string | undefined): string {
  if (typeof apiKey !== 'string' || apiKey.trim() === '') {
    throw new IntegrationValidationError(
      'Missing apiKey: set it (API_KEY when run locally) to the secret of a Deep Security or Cloud One API key.',
    );
  }

  const key = apiKey.trim();
  // Control characters would end the HTTP header early or be rejected by
  // Node, so a key pasted with a line break fails here with a clear cause.
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(key)) {
    throw new IntegrationValidationError(
      'Invalid apiKey: it contains white space or control characters. Copy the key again without line breaks or spaces.',
    );
  }
  return key;
}

/**
 * Accepts PEM text, also with literal `\n` sequences, which is how a
 * multi-line value usually ends up in a one-line `.env` entry.
 */
function validateCaCertificate(value: string | undefined): string | undefined {
  const text = emptyToUndefined(value);
  if (!text) {
    return undefined;
  }

  const pem = text.replace(/\\n/g, '\n').trim();
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new IntegrationValidationError(
      'Invalid caCertificate: expected PEM text that starts with -----BEGIN CERTIFICATE-----.',
    );
  }

  try {
    new X509Certificate(pem);
  } catch (err) {
    throw new IntegrationValidationError(
      `Invalid caCertificate: the PEM text could not be parsed as an X.509 certificate (${errorMessage(
        err,
      )}).`,
    );
  }
  return pem;
}

/** Fields read from `.env` as text, with their environment variable names. */
const TEXT_FIELDS: Array<[keyof IntegrationConfig, string]> = [
  ['apiKey', 'API_KEY'],
  ['apiUrl', 'API_URL'],
  ['region', 'REGION'],
  ['apiKeyType', 'API_KEY_TYPE'],
];

/**
 * Rejects a value that ends in a `# comment`. The SDK reads `.env` with
 * dotenv 8, which keeps a comment written after a value as part of it, and
 * the field's own check would then report a confusing cause. The message
 * never repeats the value, because it may be the key.
 */
function rejectTrailingComments(config: IntegrationConfig): void {
  for (const [field, variable] of TEXT_FIELDS) {
    const value = config[field];
    if (typeof value === 'string' && /\s#/.test(value)) {
      throw new IntegrationValidationError(
        `Invalid ${field} (${variable}): the value contains " #" followed by more text, which looks like a comment. A .env file keeps a comment written after a value as part of the value, so put comments on their own line.`,
      );
    }
  }
}
