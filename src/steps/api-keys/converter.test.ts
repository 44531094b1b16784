import { readCapturedResponse } from '../../../test/helpers/capturedTenant';
import { DeepSecurityApiKey } from '../../deep-security/types';
import { createApiKeyEntity } from './converter';

const captured = readCapturedResponse<{ apiKeys: DeepSecurityApiKey[] }>(
  'apikeys.json',
).apiKeys;

describe('createApiKeyEntity', () => {
  test('captured keys validate as Key', () => {
    const entities = captured.map(createApiKeyEntity);

    expect(entities).toMatchGraphObjectSchema({ _class: ['Key'] });
    expect(entities[0]).toMatchObject({
      _key: 'trend_micro_api_key:2',
      name: 'example-test',
      active: true,
      serviceAccount: false,
      roleId: 2,
      createdOn: 1586982900004,
      expires: false,
    });
  });

  test('absent expiry and sign-in stay absent', () => {
    const entity = createApiKeyEntity(captured[1]);

    expect(entity).not.toHaveProperty('expiresOn');
    expect(entity).not.toHaveProperty('lastSignInOn');
    expect(entity).not.toHaveProperty('description');
  });

  test('expiring key has expiresOn', () => {
    const entity = createApiKeyEntity({
      ID: 7,
      keyName: 'ci',
      expiryDate: 1900000000000,
    });

    expect(entity.expiresOn).toBe(1900000000000);
    expect(entity.expires).toBe(true);
  });

  test('secret key never reaches the entity', () => {
    const secret = 'canary-secret-0123456789';
    const entity = createApiKeyEntity({
      ID: 8,
      keyName: 'new',
      secretKey: secret,
    });

    expect(JSON.stringify(entity)).not.toContain(secret);
  });
});
