import { readCapturedResponse } from '../../../test/helpers/capturedTenant';
import { DeepSecurityComputerGroup } from '../../deep-security/types';
import { createComputerGroupEntity, readAwsIdentifiers } from './converter';

const captured = readCapturedResponse<{
  computerGroups: DeepSecurityComputerGroup[];
}>('computergroups.json').computerGroups;

describe('createComputerGroupEntity', () => {
  test('captured groups validate as Group', () => {
    const entities = captured.map(createComputerGroupEntity);

    expect(entities).toHaveLength(79);
    expect(entities).toMatchGraphObjectSchema({ _class: ['Group'] });
  });

  test('account group reads the AWS account from its name', () => {
    const entity = createComputerGroupEntity(captured[0]);

    expect(entity).toMatchObject({
      _key: 'trend_micro_computer_group:1',
      name: 'example-org - 123456789012',
      groupType: 'aws-account',
      cloudResourceType: 'top-level',
      awsAccountId: '123456789012',
    });
    expect(entity).not.toHaveProperty('parentGroupId');
  });

  test('internal amazon row IDs are not AWS IDs', () => {
    const entity = createComputerGroupEntity(captured[0]);

    expect(entity).not.toHaveProperty('amazonAccountID');
    expect(JSON.stringify(entity._rawData)).toContain('amazonAccountID');
  });

  test('VPC and subnet names give their IDs', () => {
    expect(readAwsIdentifiers('aws-vpc', 'vpc-845593ed')).toEqual({
      vpcId: 'vpc-845593ed',
    });
    expect(readAwsIdentifiers('aws-subnet', 'subnet-9c0bccf5')).toEqual({
      subnetId: 'subnet-9c0bccf5',
    });
    expect(readAwsIdentifiers('folder', 'vpc-845593ed')).toEqual({});
  });

  test('zero parent and empty name', () => {
    const entity = createComputerGroupEntity({
      ID: 3,
      name: '',
      parentGroupID: 0,
    });

    expect(entity.name).toBe('Computer group 3');
    expect(entity).not.toHaveProperty('parentGroupId');
  });

  test('null fields become absent properties', () => {
    const withNulls = {
      ID: 4,
      name: null,
      type: null,
      parentGroupID: null,
      cloudType: null,
    } as unknown as DeepSecurityComputerGroup;

    const entity = createComputerGroupEntity(withNulls);

    expect(entity).toMatchGraphObjectSchema({ _class: ['Group'] });
    expect(entity.name).toBe('Computer group 4');
    expect(entity).not.toHaveProperty('parentGroupId');
  });
});
