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

  test('null fields and a zero role', () => {
    const withNulls = {
      ID: 9,
      keyName: null,
      description: null,
      active: null,
      roleID: 0,
      created: null,
      expiryDate: null,
    } as unknown as DeepSecurityApiKey;

    const entity = createApiKeyEntity(withNulls);

    expect(entity).toMatchGraphObjectSchema({ _class: ['Key'] });
    expect(entity.name).toEqual(expect.stringContaining('9'));
    for (const name of ['description', 'active', 'roleId', 'createdOn']) {
      // The SDK sets createdOn itself, to undefined when there is none.
      expect({ name, value: entity[name] }).toEqual({ name, value: undefined });
    }
  });

  test('unknown role ID is kept', () => {
    const entity = createApiKeyEntity({
      ID: 9,
      keyName: 'orphaned-key',
      roleID: 42,
    });

    expect(entity.roleId).toBe(42);
  });
});
