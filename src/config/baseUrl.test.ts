import { IntegrationValidationError } from '@jupiterone/integration-sdk-core';

import { buildCloudOneUrl, isLoopbackHost, normalizeApiUrl } from './baseUrl';

const EXPECTED_FORM = 'https://dsm.example.com:4119/api';

function rejection(run: () => unknown): IntegrationValidationError {
  try {
    run();
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

describe('buildCloudOneUrl', () => {
  test.each([
    'us-1',
    'in-1',
    'gb-1',
    'au-1',
    'jp-1',
    'de-1',
    'ca-1',
    'sg-1',
    'trend-us-1',
    // A region that does not exist yet: the form is checked, not a list.
    'br-12',
  ])('accepts region %s', (region) => {
    expect(buildCloudOneUrl(region)).toBe(
      `https://workload.${region}.cloudone.trendmicro.com/api`,
    );
  });

  test('reads upper case and spaces', () => {
    expect(buildCloudOneUrl(' DE-1 ')).toBe(
      'https://workload.de-1.cloudone.trendmicro.com/api',
    );
  });

  test.each([
    'us1',
    'us-',
    '-1',
    '1-us',
    'us_1',
    'us-1a',
    'workload.us-1.cloudone.trendmicro.com',
    'https://workload.us-1.cloudone.trendmicro.com/api',
  ])('rejects region %s', (region) => {
    const error = rejection(() => buildCloudOneUrl(region));

    expect(error.message).toContain(`Invalid region "${region}"`);
    expect(error.message).toContain('such as us-1, de-1 or trend-us-1');
    expect(error.message).toContain('set apiUrl');
  });
});

describe('normalizeApiUrl', () => {
  test.each([
    ['https://dsm.example.com:4119/api', 'https://dsm.example.com:4119/api'],
    ['https://dsm.example.com:4119/api/', 'https://dsm.example.com:4119/api'],
    [
      '  https://DSM.Example.com:4119/api//  ',
      'https://dsm.example.com:4119/api',
    ],
    ['https://dsm.example.com:443/api', 'https://dsm.example.com/api'],
    [
      'https://proxy.example.com/deepsecurity/api/',
      'https://proxy.example.com/deepsecurity/api',
    ],
    ['http://127.0.0.1:4119/api', 'http://127.0.0.1:4119/api'],
    ['http://localhost:4119/api/', 'http://localhost:4119/api'],
    ['http://[::1]:4119/api', 'http://[::1]:4119/api'],
  ])('normalises %s', (input, expected) => {
    expect(normalizeApiUrl(input)).toBe(expected);
  });

  test('rejects a missing /api', () => {
    const error = rejection(() =>
      normalizeApiUrl('https://dsm.example.com:4119'),
    );

    expect(error.message).toContain('Invalid apiUrl');
    expect(error.message).toContain('must end in /api');
    expect(error.message).toContain(EXPECTED_FORM);
  });

  test.each(['dsm.example.com:4119/api', 'dsm.example.com/api', '/api'])(
    'rejects %s without scheme',
    (input) => {
      const error = rejection(() => normalizeApiUrl(input));

      expect(error.message).toContain(`Invalid apiUrl "${input}"`);
      expect(error.message).toContain('does not start with https://');
      expect(error.message).toContain(EXPECTED_FORM);
    },
  );

  test('rejects another scheme', () => {
    const error = rejection(() =>
      normalizeApiUrl('ftp://dsm.example.com:4119/api'),
    );

    expect(error.message).toContain('the scheme must be https');
    expect(error.message).toContain(EXPECTED_FORM);
  });

  test.each([
    ['https://admin:hunter2@dsm.example.com:4119/api', 'https://***@'],
    ['https://admin@dsm.example.com:4119/api', 'https://***@'],
    ['admin:hunter2@dsm.example.com:4119/api', '***@'],
  ])('rejects credentials in %s without echoing them', (input, shown) => {
    const error = rejection(() => normalizeApiUrl(input));

    expect(error.message).toContain('Invalid apiUrl');
    expect(error.message).toContain(shown);
    expect(error.message).toContain(EXPECTED_FORM);
    expect(error.message).not.toContain('hunter2');
    expect(error.message).not.toContain('admin');
  });

  test('explains credentials in the URL', () => {
    const error = rejection(() =>
      normalizeApiUrl('https://admin:hunter2@dsm.example.com:4119/api'),
    );

    expect(error.message).toContain('contains a user name or password');
    expect(error.message).toContain('put the API key in apiKey');
  });

  test.each([
    'http://dsm.example.com:4119/api',
    'http://10.0.0.5:4119/api',
    'http://127.0.0.1.nip.example:4119/api',
  ])('rejects plain http to %s', (input) => {
    const error = rejection(() => normalizeApiUrl(input));

    expect(error.message).toContain(
      'plain http is accepted only for loopback hosts',
    );
    expect(error.message).toContain('Use https');
    expect(error.message).toContain(EXPECTED_FORM);
  });

  test('rejects a query string', () => {
    const error = rejection(() =>
      normalizeApiUrl('https://dsm.example.com:4119/api?tenant=1'),
    );

    expect(error.message).toContain('remove the query string or fragment');
  });
});

describe('isLoopbackHost', () => {
  test.each(['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]'])(
    '%s is loopback',
    (host) => {
      expect(isLoopbackHost(host)).toBe(true);
    },
  );

  test.each(['dsm.example.com', '10.0.0.1', '127.0.0.1.example.com', '::2'])(
    '%s is not loopback',
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
    },
  );
});
