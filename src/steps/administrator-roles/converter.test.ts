import { readCapturedResponse } from '../../../test/helpers/capturedTenant';
import { DeepSecurityAdministratorRole } from '../../deep-security/types';
import { countRights, createAdministratorRoleEntity } from './converter';

const captured = readCapturedResponse<{
  roles: DeepSecurityAdministratorRole[];
}>('roles.json').roles;

describe('createAdministratorRoleEntity', () => {
  test('captured roles validate as AccessRole', () => {
    const entities = captured.map(createAdministratorRoleEntity);

    expect(entities).toMatchGraphObjectSchema({ _class: ['AccessRole'] });
    expect(entities.map((entity) => entity.name)).toEqual([
      'Full Access',
      'Auditor',
      'New Role',
      'New Role_2',
    ]);
  });

  test('full access role is super admin', () => {
    const entity = createAdministratorRoleEntity(captured[0]);

    expect(entity.superAdmin).toBe(true);
    expect(entity.immutable).toBe(true);
    expect(entity.urn).toBe(
      'urn:tmds:identity:us-east-ds-1:10001:role/Full Access',
    );
    expect(entity.deniedRightsCount).toBe(0);
    expect(entity).not.toHaveProperty('computerIds');
  });

  test('auditor is not super admin', () => {
    const entity = createAdministratorRoleEntity(captured[1]);

    expect(entity.superAdmin).toBe(false);
    expect(entity.allowWebService).toBe(true);
    expect(entity.grantedRightsCount).toBeGreaterThan(0);
    expect(entity.deniedRightsCount).toBeGreaterThan(0);
  });

  test('scoped role lists its computer groups', () => {
    const entity = createAdministratorRoleEntity({
      ID: 9,
      name: 'Web servers',
      allComputers: false,
      computerGroupIDs: [0, 4, 7],
      allPolicies: true,
      policyIDs: [1],
    });

    expect(entity.computerGroupIds).toEqual([0, 4, 7]);
    expect(entity).not.toHaveProperty('computerIds');
    expect(entity).not.toHaveProperty('policyIds');
    expect(entity).not.toHaveProperty('superAdmin');
  });

  test('countRights without rights is undefined', () => {
    expect(countRights(undefined)).toBeUndefined();
    expect(countRights({})).toBeUndefined();
  });

  test('null fields become absent properties', () => {
    const withNulls = {
      ID: 5,
      name: null,
      urn: null,
      allComputers: null,
      computerGroupIDs: null,
      rights: null,
    } as unknown as DeepSecurityAdministratorRole;

    const entity = createAdministratorRoleEntity(withNulls);

    expect(entity).toMatchGraphObjectSchema({ _class: ['AccessRole'] });
    expect(entity).not.toHaveProperty('allComputers');
    expect(entity).not.toHaveProperty('urn');
  });
});
