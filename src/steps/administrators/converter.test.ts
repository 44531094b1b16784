import { readCapturedResponse } from '../../../test/helpers/capturedTenant';
import { DeepSecurityAdministrator } from '../../deep-security/types';
import { createAdministratorEntity } from './converter';

const captured = readCapturedResponse<{
  administrators: DeepSecurityAdministrator[];
}>('administrators.json').administrators;

describe('createAdministratorEntity', () => {
  test('captured administrator validates as User', () => {
    const entities = captured.map(createAdministratorEntity);

    expect(entities).toMatchGraphObjectSchema({ _class: ['User'] });
    expect(entities[0]).toMatchObject({
      _key: 'trend_micro_administrator:1',
      _type: 'trend_micro_administrator',
      username: 'user-0f9be2@example.com',
      email: 'user-0f9be2@example.com',
      active: true,
      mfaEnabled: false,
      mfaType: 'none',
      roleId: 1,
      createdOn: 1586982455921,
      lastSignInOn: 1587488991381,
    });
  });

  test('empty strings become absent properties', () => {
    const entity = createAdministratorEntity(captured[1]);

    expect(entity.username).toBe('admin.readonly');
    expect(entity.displayName).toBe('Example Reader');
    expect(entity).not.toHaveProperty('email');
    expect(entity).not.toHaveProperty('phoneNumber');
    expect(entity.description).toBe('Testing123');
  });

  test('minimal record keeps only ID-derived fields', () => {
    const entity = createAdministratorEntity({ ID: 42 });

    expect(entity).toMatchGraphObjectSchema({ _class: ['User'] });
    expect(entity.name).toBe('Administrator 42');
    expect(entity).not.toHaveProperty('mfaEnabled');
    expect(entity).not.toHaveProperty('active');
    expect(entity).not.toHaveProperty('roleId');
  });

  test('MFA, zero role and second timestamps', () => {
    const entity = createAdministratorEntity({
      ID: 3,
      username: 'not-an-email',
      emailAddress: 'broken@',
      mfaType: 'local-totp',
      roleID: 0,
      created: 1586982455,
      lastSignIn: 0,
    });

    expect(entity.mfaEnabled).toBe(true);
    expect(entity).not.toHaveProperty('email');
    expect(entity).not.toHaveProperty('roleId');
    expect(entity.createdOn).toBe(1586982455000);
    expect(entity).not.toHaveProperty('lastSignInOn');
  });

  test('wrongly typed fields are ignored', () => {
    const odd = {
      ID: 5,
      username: 12,
      active: 'yes',
      created: 'yesterday',
    } as unknown as DeepSecurityAdministrator;

    const entity = createAdministratorEntity(odd);

    expect(entity.name).toBe('Administrator 5');
    expect(entity).not.toHaveProperty('active');
    expect(entity.createdOn).toBeUndefined();
  });

  test('null fields become absent properties', () => {
    // The API leaves unset fields out, but a null must not break conversion.
    const withNulls = {
      ID: 6,
      username: null,
      fullName: null,
      emailAddress: null,
      active: null,
      roleID: null,
      created: null,
      mfaType: null,
    } as unknown as DeepSecurityAdministrator;

    const entity = createAdministratorEntity(withNulls);

    expect(entity).toMatchGraphObjectSchema({ _class: ['User'] });
    expect(entity.name).toBe('Administrator 6');
    for (const name of ['email', 'active', 'roleId', 'createdOn', 'mfaType']) {
      // The SDK sets createdOn itself, to undefined when there is none.
      expect({ name, value: entity[name] }).toEqual({ name, value: undefined });
    }
  });

  test('non-email name and invalid address', () => {
    const entity = createAdministratorEntity({
      ID: 12,
      username: 'backup_svc',
      emailAddress: 'backup_svc at example',
      created: 1586982455,
      lastSignIn: 1587488991,
    });

    expect(entity).toMatchGraphObjectSchema({ _class: ['User'] });
    expect(entity.username).toBe('backup_svc');
    expect(entity).not.toHaveProperty('email');
    expect(entity.createdOn).toBe(1586982455000);
    expect(entity.lastSignInOn).toBe(1587488991000);
  });
});
