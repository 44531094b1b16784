import { readCapturedResponse } from '../../../test/helpers/capturedTenant';
import { DeepSecurityComputer } from '../../deep-security/types';
import { createAgentEntity, hasAgent } from './agent';
import { readCloudInstances } from './cloudInstance';
import { createCloudInstanceRelationship } from './cloudRelationships';
import { computerName, createComputerEntity } from './converter';

const captured = readCapturedResponse<{ computers: DeepSecurityComputer[] }>(
  'computers.json',
).computers;
const [agentHost, connectorHost] = captured;

function convert(computer: DeepSecurityComputer) {
  return createComputerEntity(computer, readCloudInstances(computer));
}

describe('createComputerEntity', () => {
  test('captured computers validate as Host', () => {
    expect(captured.map(convert)).toMatchGraphObjectSchema({
      _class: ['Host'],
    });
  });

  test('agent host properties', () => {
    const entity = convert(agentHost);

    expect(entity).toMatchObject({
      _key: 'trend_micro_computer:1',
      hostname: 'ec2-203-0-113-34.us-west-2.compute.amazonaws.com',
      fqdn: 'ec2-203-0-113-34.us-west-2.compute.amazonaws.com',
      platform: 'linux',
      osName: 'Amazon Linux',
      osArchitecture: '64-bit',
      kernelVersion: '4.14.62-65.117.amzn1.x86_64',
      osDetails: 'Amazon Linux (64 bit) (4.14.62-65.117.amzn1.x86_64)',
      agentVersion: '11.1.0.163',
      agentStatus: 'active',
      agentInstalled: true,
      lastSeenOn: 1587565628816,
      policyId: 3,
      hostGuid: '6be38408-da9e-4a03-1eb4-5ce824ad0c58',
      biosUuid: 'ec29a088-a562-cdad-48d9-d76b0e3385c4',
      macAddress: ['22:00:0a:20:13:09'],
      firewallState: 'on',
      intrusionPreventionState: 'prevent',
      applicationControlState: 'off',
      cloudProvider: 'aws',
      instanceId: 'i-0b51b98e1636e39d6',
      cloudAccountId: '147995105371',
      region: 'us-west-2',
    });
    expect(entity.ipAddress).toEqual(['192.168.43.1', '10.32.19.9']);
    expect(entity.privateIpAddress).toEqual(['192.168.43.1', '10.32.19.9']);
    expect(entity).not.toHaveProperty('groupId');
    expect(entity).not.toHaveProperty('publicIpAddress');
  });

  test('connector host without agent', () => {
    const entity = convert(connectorHost);

    expect(entity).toMatchObject({
      name: 'i-0f9a76aa0920d5aed',
      hostname: '172.31.121.120',
      agentInstalled: false,
      agentStatus: 'inactive',
      groupId: 79,
      instanceId: 'i-0f9a76aa0920d5aed',
      cloudAccountId: '123456789012',
      availabilityZone: 'us-east-1a',
      region: 'us-east-1',
    });
    expect(entity).not.toHaveProperty('fqdn');
    expect(entity).not.toHaveProperty('agentVersion');
    expect(entity).not.toHaveProperty('lastIpUsed');
    expect(entity).not.toHaveProperty('policyId');
    expect(entity).not.toHaveProperty('macAddress');
    expect(entity.ipAddress).toEqual(['172.31.121.120']);
  });

  test('raw data leaves out settings', () => {
    const entity = convert({
      ID: 70,
      hostName: 'db1',
      computerSettings: {
        platformSettingSmartProtectionProxyPassword: { value: 'hunter2' },
      },
    } as DeepSecurityComputer);

    expect(JSON.stringify(entity)).not.toContain('hunter2');
  });

  test('record with only an ID', () => {
    const entity = convert({ ID: 9 });

    expect(entity).toMatchGraphObjectSchema({ _class: ['Host'] });
    expect(entity.name).toBe('Computer 9');
    expect(entity.hostname).toBeNull();
    expect(entity).not.toHaveProperty('platform');
    expect(entity.agentInstalled).toBe(false);
  });

  test('windows platform and odd values', () => {
    const entity = convert({
      ID: 10,
      hostName: 'WEB01.Corp.Example.com',
      displayName: '',
      platform: 'Microsoft Windows Server 2019 (64 bit)',
      lastIPUsed: 'not an ip',
      groupID: 0,
      policyID: 0,
      lastAgentCommunication: 1700000000,
      computerStatus: { agentStatus: 'mystery' },
      interfaces: {
        interfaces: [
          { MAC: '00-50-56-AB-CD-EF', IPs: ['10.0.0.5', 'fe80::1', 'bad'] },
          { MAC: '00:00:00:00:00:00', IPs: ['198.51.100.7'] },
        ],
      },
    });

    expect(entity).toMatchGraphObjectSchema({ _class: ['Host'] });
    expect(entity).toMatchObject({
      name: 'WEB01.Corp.Example.com',
      hostname: 'web01.corp.example.com',
      fqdn: 'web01.corp.example.com',
      platform: 'windows',
      osName: 'Microsoft Windows Server 2019',
      agentStatus: 'mystery',
      lastSeenOn: 1700000000000,
      macAddress: ['00:50:56:ab:cd:ef'],
      ipAddress: ['10.0.0.5', 'fe80::1', '198.51.100.7'],
      privateIpAddress: ['10.0.0.5', 'fe80::1'],
      publicIpAddress: ['198.51.100.7'],
    });
    expect(entity).not.toHaveProperty('groupId');
    expect(entity).not.toHaveProperty('policyId');
    expect(entity).not.toHaveProperty('lastIpUsed');
  });

  test('unknown platform maps to other', () => {
    const entity = convert({ ID: 11, hostName: 'box', platform: 'Plan 9' });

    expect(entity.platform).toBe('other');
    expect(entity.osName).toBe('Plan 9');
  });

  test('long description is cut', () => {
    const entity = convert({ ID: 12, description: 'x'.repeat(10000) });

    expect((entity.description as string).length).toBe(4096);
  });

  test('displayName wins over host name', () => {
    expect(computerName({ ID: 1, hostName: 'h', displayName: 'd' })).toBe('d');
  });

  test('null fields become absent properties', () => {
    const withNulls = {
      ID: 13,
      hostName: null,
      displayName: null,
      platform: null,
      lastIPUsed: null,
      groupID: null,
      policyID: null,
      agentVersion: null,
      lastAgentCommunication: null,
      computerStatus: null,
      interfaces: null,
      ec2VirtualMachineSummary: null,
      firewall: null,
    } as unknown as DeepSecurityComputer;

    const entity = convert(withNulls);

    expect(entity).toMatchGraphObjectSchema({ _class: ['Host'] });
    expect(entity.name).toBe('Computer 13');
    expect(entity.hostname).toBeNull();
    expect(entity.agentInstalled).toBe(false);
    for (const name of ['platform', 'groupId', 'lastSeenOn', 'ipAddress']) {
      expect(entity).not.toHaveProperty(name);
    }
  });

  test('missing host name uses display name', () => {
    const entity = convert({ ID: 14, displayName: 'billing-db' });

    expect(entity).toMatchGraphObjectSchema({ _class: ['Host'] });
    expect(entity.name).toBe('billing-db');
    expect(entity.hostname).toBeNull();
  });

  test('empty display name and no host name', () => {
    const entity = convert({ ID: 15, displayName: '' });

    expect(entity.name).toBe('Computer 15');
  });

  test('agent without an IP address', () => {
    const computer: DeepSecurityComputer = {
      ID: 16,
      hostName: 'build-7',
      lastIPUsed: '',
      agentVersion: '20.0.0.877',
      agentFingerPrint: 'AA:BB:CC',
      computerStatus: { agentStatus: 'active' },
    };

    const entity = convert(computer);

    expect(hasAgent(computer)).toBe(true);
    expect(entity.agentInstalled).toBe(true);
    expect(entity).not.toHaveProperty('lastIpUsed');
    expect(entity).not.toHaveProperty('ipAddress');
  });
});

describe('agents', () => {
  test('only the agent host has an agent', () => {
    expect(captured.map(hasAgent)).toEqual([true, false, false]);
  });

  test('agent entity validates as HostAgent', () => {
    const agent = createAgentEntity(agentHost, computerName(agentHost));

    expect(agent).toMatchGraphObjectSchema({ _class: ['HostAgent'] });
    expect(agent).toMatchObject({
      _key: 'trend_micro_agent:1',
      _type: 'trend_micro_agent',
      version: '11.1.0.163',
      status: 'active',
      active: true,
      statusMessages: ['Managed (Online)'],
      lastSeenOn: 1587565628816,
      fingerprint:
        'F9:51:AE:21:1F:7E:08:91:D2:5A:3D:4D:0D:17:F3:53:E9:EA:4E:28',
      antiMalwareStatus: 'On, Real Time',
    });
    expect(agent.function).toEqual([
      'anti-malware',
      'endpoint-protection',
      'host-firewall',
      'HIDS',
      'FIM',
      'log-monitor',
    ]);
    expect(agent.activeModules).not.toContain('applicationControl');
  });

  test('agent without active modules keeps function', () => {
    const agent = createAgentEntity({ ID: 4, agentVersion: '20.0.1' }, 'h');

    expect(agent.function).toEqual([]);
    expect(agent).toMatchGraphObjectSchema({ _class: ['HostAgent'] });
  });

  test('fingerprint alone means an agent', () => {
    expect(hasAgent({ ID: 1, agentVersion: '0.0.0.0' })).toBe(false);
    expect(hasAgent({ ID: 1, agentFingerPrint: 'AA:BB' })).toBe(true);
  });

  test('unknown agent status is kept and not active', () => {
    const agent = createAgentEntity(
      {
        ID: 17,
        agentVersion: '20.0.1',
        computerStatus: { agentStatus: 'mystery' },
      },
      'h',
    );

    expect(agent).toMatchGraphObjectSchema({ _class: ['HostAgent'] });
    expect(agent.status).toBe('mystery');
    expect(agent.active).toBe(false);
  });
});

describe('cloud instances', () => {
  test('no-connector summary maps to aws_instance', () => {
    const computer = convert(agentHost);
    const [instance] = readCloudInstances(agentHost);

    const relationship = createCloudInstanceRelationship(computer, instance);

    expect(relationship).toMatchObject({
      _type: 'trend_micro_computer_is_aws_instance',
      _class: 'IS',
      _mapping: {
        relationshipDirection: 'FORWARD',
        sourceEntityKey: 'trend_micro_computer:1',
        targetFilterKeys: [['_type', 'instanceId']],
        skipTargetCreation: true,
        targetEntity: {
          _type: 'aws_instance',
          instanceId: 'i-0b51b98e1636e39d6',
          accountId: '147995105371',
          region: 'us-west-2',
        },
      },
    });
  });

  test('both EC2 summaries give one instance', () => {
    const instances = readCloudInstances({
      ID: 1,
      ec2VirtualMachineSummary: {
        instanceID: 'i-0123456789abcdef0',
        availabilityZone: 'eu-west-1b',
        accountID: '111122223333',
      },
      noConnectorVirtualMachineSummary: {
        instanceID: 'i-0123456789abcdef0',
        region: 'eu-west-1',
      },
    });

    expect(instances).toHaveLength(1);
    expect(instances[0]).toMatchObject({
      source: 'ec2VirtualMachineSummary',
      region: 'eu-west-1',
      accountId: '111122223333',
    });
  });

  test('azure and gcp targets', () => {
    const computer = convert({ ID: 2, hostName: 'vm' });
    const resourceId =
      '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm';
    const [azure] = readCloudInstances({
      ID: 2,
      azureARMVirtualMachineSummary: { azureResourceId: resourceId },
    });
    const [gcp] = readCloudInstances({
      ID: 3,
      gcpVirtualMachineSummary: {
        instanceID: '1234567890123456789',
        zone: 'us-central1-a',
      },
    });

    expect(
      createCloudInstanceRelationship(computer, azure)?._mapping,
    ).toMatchObject({
      targetFilterKeys: [['_type', '_key']],
      targetEntity: { _type: 'azure_vm', _key: resourceId },
    });
    expect(
      createCloudInstanceRelationship(computer, gcp)?._mapping,
    ).toMatchObject({
      targetFilterKeys: [['_type', 'id']],
      targetEntity: {
        _type: 'google_compute_instance',
        id: '1234567890123456789',
      },
    });
    expect(gcp.region).toBe('us-central1');
  });

  test('classic azure summary keeps identity', () => {
    const [instance] = readCloudInstances({
      ID: 4,
      azureVMVirtualMachineSummary: {
        instanceID: 'vm-classic-1',
        subscriptionID: 'sub-1',
        cloudService: 'svc',
      },
    });

    expect(instance).toEqual({
      provider: 'azure',
      instanceId: 'vm-classic-1',
      source: 'azureVMVirtualMachineSummary',
      resourceId: undefined,
      subscriptionId: 'sub-1',
    });
  });

  test('malformed instance IDs are ignored', () => {
    expect(
      readCloudInstances({
        ID: 1,
        ec2VirtualMachineSummary: { instanceID: 'not-an-id' },
        gcpVirtualMachineSummary: { instanceID: 'abc' },
      }),
    ).toEqual([]);
  });
});
