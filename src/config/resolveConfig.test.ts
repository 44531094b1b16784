import { IntegrationValidationError } from '@jupiterone/integration-sdk-core';

import { createSelfSignedCertificate } from '../../test/trust/certificates';
import { IntegrationConfig } from './fields';
import { resolveConfig } from './resolveConfig';

const KEY = '2:vJC6lckDygB6FuJRhpXGY-Key-Canary+abc=';

function rejection(config: IntegrationConfig): IntegrationValidationError {
  try {
    resolveConfig(config);
  } catch (err) {
    if (err instanceof IntegrationValidationError) {
      return err;
    }
    throw err;
  }
  throw new Error(
    'expected an IntegrationValidationError, but none was thrown',
  );
}

describe('resolveConfig', () => {
  test('defaults to Cloud One us-1', () => {
    expect(resolveConfig({ apiKey: KEY })).toMatchObject({
      baseUrl: 'https://workload.us-1.cloudone.trendmicro.com/api',
      baseUrlSource: 'default region',
      disableTlsVerification: false,
    });
  });

  test('builds the URL of a region', () => {
    expect(resolveConfig({ apiKey: KEY, region: 'trend-us-1' })).toMatchObject({
      baseUrl: 'https://workload.trend-us-1.cloudone.trendmicro.com/api',
      baseUrlSource: 'region',
    });
  });

  test('normalises apiUrl', () => {
    expect(
      resolveConfig({
        apiKey: KEY,
        apiUrl: 'https://dsm.example.com:4119/api/',
      }),
    ).toMatchObject({
      baseUrl: 'https://dsm.example.com:4119/api',
      baseUrlSource: 'apiUrl',
    });
  });

  test('empty optional fields count as unset', () => {
    expect(
      resolveConfig({
        apiKey: KEY,
        apiUrl: ' ',
        region: '',
        apiKeyType: '',
        caCertificate: '',
      }),
    ).toMatchObject({
      baseUrl: 'https://workload.us-1.cloudone.trendmicro.com/api',
      apiKeyType: 'legacy',
      caCertificate: undefined,
    });
  });

  test.each([undefined, '', '   '])('rejects apiKey %p', (apiKey) => {
    // The SDK types apiKey as required, but a missing variable can still
    // arrive as undefined or as an empty string.
    const error = rejection({ apiKey } as unknown as IntegrationConfig);

    expect(error.message).toBe(
      'Missing apiKey: set it (API_KEY when run locally) to the secret of a Deep Security or Cloud One API key.',
    );
  });

  test('rejects a key with a line break, without echoing it', () => {
    const error = rejection({ apiKey: `${KEY}\nrest` });

    expect(error.message).toContain('Invalid apiKey');
    expect(error.message).toContain('white space or control characters');
    expect(error.message).not.toContain(KEY);
  });

  test('rejects apiUrl and region together', () => {
    const error = rejection({
      apiKey: KEY,
      apiUrl: 'https://dsm.example.com:4119/api',
      region: 'us-1',
    });

    expect(error.message).toContain('set either apiUrl');
    expect(error.message).toContain('not both');
  });

  test.each([
    ['apiUrl', { apiUrl: KEY }],
    ['apiUrl', { apiUrl: `https://dsm.example.com/${KEY}` }],
    ['region', { region: KEY }],
  ])('never echoes a key pasted into %s', (field, fields) => {
    const error = rejection({ apiKey: KEY, ...fields });

    expect(error.message).toContain(`Invalid ${field}`);
    expect(error.message).toContain('[the apiKey value]');
    expect(error.message).not.toContain(KEY);
  });

  test('rejects an unknown apiKeyType', () => {
    const error = rejection({ apiKey: KEY, apiKeyType: 'bearer' });

    expect(error.message).toBe(
      'Invalid apiKeyType "bearer": expected one of auto, legacy, cloud-one.',
    );
  });

  test('sends legacy keys in api-secret-key', () => {
    expect(
      resolveConfig({
        apiKey: KEY,
        region: 'de-1',
      }).apiKeyType,
    ).toBe('legacy');
  });

  test('sends Cloud One keys in Authorization', () => {
    expect(
      resolveConfig({
        apiKey: 'tmc12abcdefghijklmnop',
        region: 'de-1',
      }).apiKeyType,
    ).toBe('cloud-one');
  });

  describe('TLS fields', () => {
    const { cert } = createSelfSignedCertificate();

    test('keeps a PEM caCertificate', () => {
      expect(resolveConfig({ apiKey: KEY, caCertificate: cert })).toMatchObject(
        { caCertificate: cert.trim() },
      );
    });

    test('reads \\n escapes in caCertificate', () => {
      const oneLine = cert.trim().replace(/\r?\n/g, '\\n');

      expect(
        resolveConfig({ apiKey: KEY, caCertificate: oneLine }).caCertificate,
      ).toBe(cert.trim().replace(/\r\n/g, '\n'));
    });

    test('rejects caCertificate that is not PEM', () => {
      const error = rejection({
        apiKey: KEY,
        caCertificate: '/etc/ssl/dsm.pem',
      });

      expect(error.message).toBe(
        'Invalid caCertificate: expected PEM text that starts with -----BEGIN CERTIFICATE-----.',
      );
    });

    test('rejects a damaged PEM caCertificate', () => {
      const error = rejection({
        apiKey: KEY,
        caCertificate:
          '-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----',
      });

      expect(error.message).toContain('Invalid caCertificate');
      expect(error.message).toContain('could not be parsed');
    });

    test.each([
      [undefined, false],
      [false, false],
      [true, true],
    ])('disableTlsVerification %p means %p', (value, expected) => {
      expect(
        resolveConfig({ apiKey: KEY, disableTlsVerification: value })
          .disableTlsVerification,
      ).toBe(expected);
    });
  });
});

describe('trailing .env comments', () => {
  test.each([
    ['apiUrl', 'API_URL', 'https://dsm.example.com:4119/api   # the manager'],
    ['region', 'REGION', 'de-1  # Frankfurt'],
    ['apiKeyType', 'API_KEY_TYPE', 'legacy # old key'],
  ])('%s comment is named', (field, variable, value) => {
    const config = { apiKey: 'secret-key-1234', [field]: value };

    expect(() => resolveConfig(config)).toThrow(
      `Invalid ${field} (${variable}): the value contains " #"`,
    );
  });

  test('key comment does not echo the key', () => {
    let message = '';
    try {
      resolveConfig({ apiKey: 'secret-key-1234 # prod' });
    } catch (err) {
      message = err instanceof Error ? err.message : String(err);
    }

    expect(message).toContain('Invalid apiKey (API_KEY)');
    expect(message).not.toContain('secret-key-1234');
  });
});
