/**
 * Generated computer records, built one at a time from (seed, index) so a
 * tenant of any size needs memory for one page only.
 *
 * Every random draw happens whatever the expand selection, and only the
 * assembly skips unselected objects. A computer therefore looks the same
 * under every expand value except for which objects are present.
 */

import { ExpandSelection, isPropertyExpanded } from '../expand';
import { JsonObject } from '../json';
import { RecordSource } from '../record-source';
import { SeededRandom } from '../random';
import { DAY_MS, EC2_INSTANCE_TYPES, SERVER_ROLES } from './catalog';
import { ComputerProfile, ComputerProfiles } from './computer-profile';
import { ComputerSettingsCatalog } from './computer-settings';

/** Description of the odd longDescription computer: 10,000 characters. */
const LONG_DESCRIPTION = 'Legacy host kept for audits. '
  .repeat(400)
  .slice(0, 10_000);

/** Seven protection modules, with the state and status message an enabled module reports. */
const PROTECTION_MODULES: readonly {
  name: string;
  state: string;
  message: string;
}[] = [
  { name: 'antiMalware', state: 'on', message: 'On, Real Time' },
  { name: 'webReputation', state: 'on', message: 'On' },
  { name: 'firewall', state: 'on', message: 'On, 6 rules' },
  {
    name: 'intrusionPrevention',
    state: 'prevent',
    message: 'On, Prevent, 2 rules',
  },
  {
    name: 'integrityMonitoring',
    state: 'real-time',
    message: 'On, Real Time, 1 rule',
  },
  { name: 'logInspection', state: 'on', message: 'On, 2 rules' },
  { name: 'applicationControl', state: 'on', message: 'On' },
];

const STATUS_MESSAGES: Record<string, string[]> = {
  active: ['Managed (Online)'],
  warning: ['Managed (Online)', 'Reboot Required'],
  error: ['Managed (Offline)', 'Communications Problem'],
  inactive: ['Managed (Offline)'],
  mystery: ['Unknown status'],
};

const UNMANAGED_MESSAGES = ['Unmanaged (Unknown)'];

/** Interface counts to pick from, weighted by repetition. */
const CLOUD_INTERFACE_COUNTS = [0, 1, 1, 1, 1, 1, 1, 1, 2];
const ON_PREMISES_INTERFACE_COUNTS = [0, 1, 1, 1, 1, 2, 2, 3];

function colonHex(random: SeededRandom, bytes: number): string {
  const hex = random.hex(bytes * 2, true);
  return hex.match(/../g)?.join(':') ?? hex;
}

/** Returns an upper-case MAC address whose first octet marks a unicast, locally administered address, as cloud NICs use. */
function macAddress(random: SeededRandom): string {
  const firstOctet = (random.integer(0, 255) & 0xfc) | 0x02;
  return [
    firstOctet.toString(16).padStart(2, '0').toUpperCase(),
    colonHex(random, 5),
  ].join(':');
}

/** Returns the private DNS name AWS gives an instance. In us-east-1 the domain is the shorter ec2.internal. */
function awsPrivateDnsName(privateIp: string, region: string): string {
  const domain =
    region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal`;
  return `ip-${privateIp.replace(/\./g, '-')}.${domain}`;
}

function upperGuid(random: SeededRandom): string {
  return [8, 4, 4, 4, 12].map((length) => random.hex(length, true)).join('-');
}

function lowerGuid(random: SeededRandom): string {
  return [8, 4, 4, 4, 12].map((length) => random.hex(length)).join('-');
}

function ipv4(random: SeededRandom, prefix: string): string {
  const parts = prefix.split('.').length;
  const rest: number[] = [];
  for (let i = parts; i < 4; i++) {
    rest.push(random.integer(i === 3 ? 4 : 0, i === 3 ? 254 : 255));
  }
  return [prefix, ...rest].join('.');
}

/** Cloud identity and naming of one computer, drawn for every computer whether or not it is used. */
interface CloudFacts {
  hostName: string;
  displayName: string;
  privateIp: string;
  summary?: JsonObject;
}

function drawCloudFacts(
  random: SeededRandom,
  profile: ComputerProfile,
  seed: number,
): CloudFacts {
  const role = random.pick(SERVER_ROLES);
  const number = random.integer(1, 999);
  const publicIp = random.chance(0.25) ? ipv4(random, '54') : undefined;
  const instanceId = `i-${random.hex(17)}`;
  const amiId = `ami-${random.hex(17)}`;
  const instanceType = random.pick(EC2_INSTANCE_TYPES);
  const poweredOn = random.chance(0.9);
  const azureVmId = lowerGuid(random);
  const gcpInstanceId = random.digits(19);
  const agentRegion = random.pick(['us-east-1', 'us-west-2', 'eu-west-1']);
  const agentAccount = new SeededRandom([
    seed,
    0xacc,
    random.integer(0, 2),
  ]).digits(12);

  switch (profile.summaryKind) {
    case 'ec2VirtualMachineSummary': {
      const subnet = profile.subnet;
      const region = subnet?.regionCode ?? 'us-east-1';
      const privateIp = ipv4(random, '172.31');
      return {
        // Without an agent, the manager has only the connector's private IP to name the host.
        hostName: profile.hasAgent
          ? awsPrivateDnsName(privateIp, region)
          : privateIp,
        displayName: instanceId,
        privateIp,
        summary: {
          cloudProvider: 'AWS',
          accountID: subnet?.accountNumber,
          privateIPAddress: privateIp,
          publicIPAddress: publicIp,
          availabilityZone: `${region}${random.pick(['a', 'b', 'c'])}`,
          instanceID: instanceId,
          type: instanceType,
          state: poweredOn ? 'POWER ON' : 'POWER OFF',
          amiID: amiId,
        },
      };
    }
    case 'noConnectorVirtualMachineSummary': {
      const privateIp = ipv4(random, '10');
      return {
        hostName: awsPrivateDnsName(privateIp, agentRegion),
        displayName: '',
        privateIp,
        summary: {
          accountID: agentAccount,
          instanceID: instanceId,
          region: agentRegion,
        },
      };
    }
    case 'azureARMVirtualMachineSummary': {
      const group = profile.azureResourceGroup;
      const vmName = `${role}-vm-${number}`;
      const privateIp = ipv4(random, '10.1');
      return {
        hostName: vmName,
        displayName: vmName,
        privateIp,
        summary: {
          azureResourceId:
            `/subscriptions/${group?.subscriptionId}/resourceGroups/${group?.resourceGroup}` +
            `/providers/Microsoft.Compute/virtualMachines/${vmName}`,
          instanceID: azureVmId,
          subscriptionID: group?.subscriptionId,
          resourceGroup: group?.resourceGroup,
          location: group?.location,
          privateIPAddress: privateIp,
          publicIPAddress: publicIp,
        },
      };
    }
    case 'gcpVirtualMachineSummary': {
      const project = profile.gcpProject;
      const name = `${role}-${number}`;
      const privateIp = ipv4(random, '10.128');
      return {
        hostName: `${name}.${project?.zone}.c.${project?.projectName}.internal`,
        displayName: name,
        privateIp,
        summary: {
          instanceID: gcpInstanceId,
          zone: project?.zone,
          privateIPAddress: privateIp,
          publicIPAddress: publicIp,
        },
      };
    }
    case undefined: {
      const privateIp = ipv4(random, '192.168');
      const windows = profile.platform.family === 'windows';
      return {
        hostName: windows
          ? `WIN-${random.hex(7, true)}`
          : `${role}${String(number).padStart(3, '0')}.corp.example.com`,
        displayName: random.chance(0.3) ? `${role} ${number}` : '',
        privateIp,
      };
    }
  }
}

function buildInterfaces(
  random: SeededRandom,
  profile: ComputerProfile,
  privateIp: string,
): JsonObject[] {
  // Cloud instances rarely have more than two network interfaces, but servers on premises may.
  const count =
    profile.summaryKind === undefined
      ? random.pick(ON_PREMISES_INTERFACE_COUNTS)
      : random.pick(CLOUD_INTERFACE_COUNTS);
  const windows = profile.platform.family === 'windows';
  const interfaces: JsonObject[] = [];
  for (let k = 0; k < count; k++) {
    const ips = [k === 0 ? privateIp : ipv4(random, '10.20')];
    if (random.chance(0.05)) {
      ips.push(`fe80::${random.hex(4)}:${random.hex(4)}`);
    }
    let name = `eth${k}`;
    if (windows) {
      name = k === 0 ? 'Ethernet' : `Ethernet ${k + 1}`;
    }
    interfaces.push({
      name,
      displayName: '',
      detected: true,
      ID: profile.id * 4 + k,
      MAC: macAddress(random),
      DHCP: random.chance(0.7),
      IPs: ips,
    });
  }
  return interfaces;
}

function buildModules(
  random: SeededRandom,
  profile: ComputerProfile,
): JsonObject[] {
  return PROTECTION_MODULES.map((module) => {
    const enabled = random.chance(0.6);
    if (!profile.hasAgent) {
      return {
        state: 'off',
        moduleStatus: {
          agentStatus: 'inactive',
          agentStatusMessage: 'Not Activated',
        },
      };
    }
    if (!enabled) {
      return {
        state: 'off',
        moduleStatus: {
          agentStatus: 'inactive',
          agentStatusMessage: 'Off, installed',
        },
      };
    }
    return {
      state: module.state,
      moduleStatus: {
        agentStatus: profile.agentStatus === 'error' ? 'error' : 'active',
        agentStatusMessage: module.message,
      },
    };
  });
}

function buildSecurityUpdates(
  random: SeededRandom,
  changedMs: number,
): JsonObject {
  const current = random.chance(0.8);
  return {
    updateStatus: current
      ? { status: 'ok', statusMessage: 'Up-to-date' }
      : { status: 'warning', statusMessage: 'Out-of-Date' },
    lastChanged: changedMs,
    antiMalware: [
      {
        name: 'Smart Scan Agent Pattern',
        platform: 'All Platforms',
        version: `18.${random.integer(100, 999)}.00`,
        latest: current,
      },
      {
        name: 'IntelliTrap Pattern',
        platform: 'All Platforms',
        version: '0.251.00',
        latest: true,
      },
      {
        name: 'Trusted Certificate Authorities Pattern',
        platform: 'All Platforms',
        version: '1.00007.00',
        latest: true,
      },
    ],
  };
}

export class GeneratedComputerSource implements RecordSource {
  constructor(
    private readonly seed: number,
    private readonly epochMs: number,
    private readonly profiles: ComputerProfiles,
    private readonly settings: ComputerSettingsCatalog,
  ) {}

  get size(): number {
    return this.profiles.ids.count;
  }

  idAt(index: number): number {
    return this.profiles.ids.idAt(index);
  }

  lowerBound(id: number): number {
    return this.profiles.ids.lowerBound(id);
  }

  private displayNameFor(profile: ComputerProfile, cloud: CloudFacts): string {
    if (profile.odd === 'noName') {
      return '';
    }
    // Without a hostName the display name is the only name left, so it must not be empty.
    if (profile.odd === 'missingHostName' && cloud.displayName === '') {
      return `computer-${profile.id}`;
    }
    return cloud.displayName;
  }

  recordAt(index: number, expand: ExpandSelection): JsonObject {
    const profile = this.profiles.profileAt(index);
    const random = new SeededRandom([this.seed, 0xc1, index]);
    const odd = profile.odd;
    const expanded = (property: string) => isPropertyExpanded(expand, property);

    const cloud = drawCloudFacts(random, profile, this.seed);
    const interfaces = buildInterfaces(random, profile, cloud.privateIp);
    const modules = buildModules(random, profile);
    const fingerprint = colonHex(random, 20);
    const agentVersion = `20.0.${random.integer(0, 1)}.${random.integer(
      1000,
      9999,
    )}`;
    const policyID = random.integer(1, 9);
    const hostGUID = upperGuid(random);
    const biosUUID = lowerGuid(random);
    const settingsVariant = random.integer(0, 1023);
    const communicationMs = this.epochMs - random.integer(0, 3 * DAY_MS);
    const policyRequestMs = this.epochMs - random.integer(DAY_MS, 10 * DAY_MS);
    const policySuccessMs = policyRequestMs + random.integer(1_000, 600_000);
    const securityUpdates = buildSecurityUpdates(random, policyRequestMs);
    const description = random.chance(0.1)
      ? `${random.pick(SERVER_ROLES)} tier`
      : '';

    const agent = profile.hasAgent;
    // The odd record reports these timestamps in epoch seconds instead of milliseconds.
    const timestamp = (ms: number) =>
      odd === 'timestampsInSeconds' ? Math.floor(ms / 1000) : ms;
    const platform =
      agent && profile.platform.agentSuffix
        ? `${profile.platform.name} (${profile.platform.agentSuffix})`
        : profile.platform.name;

    const record: JsonObject = {
      hostName:
        odd === 'missingHostName' || odd === 'noName'
          ? undefined
          : cloud.hostName,
      displayName: this.displayNameFor(profile, cloud),
      description: odd === 'longDescription' ? LONG_DESCRIPTION : description,
      lastIPUsed: agent && odd !== 'agentWithoutIp' ? cloud.privateIp : '',
      platform,
      groupID: profile.groupID,
      policyID: agent ? policyID : undefined,
      relayListID: 0,
      agentFingerPrint: agent ? fingerprint : undefined,
      lastAgentCommunication: agent ? timestamp(communicationMs) : undefined,
      lastSendPolicyRequest: agent ? timestamp(policyRequestMs) : undefined,
      lastSendPolicySuccess: agent ? timestamp(policySuccessMs) : undefined,
      agentVersion: agent ? agentVersion : '0.0.0.0',
    };

    if (expanded('computerStatus')) {
      record.computerStatus = {
        agentStatus: profile.agentStatus,
        agentStatusMessages: agent
          ? STATUS_MESSAGES[profile.agentStatus] ?? []
          : UNMANAGED_MESSAGES,
      };
    }
    if (agent && expanded('securityUpdates')) {
      record.securityUpdates = securityUpdates;
    }
    if (expanded('computerSettings')) {
      record.computerSettings = this.settings.settingsFor(settingsVariant);
    }
    if (agent && expanded('interfaces')) {
      record.interfaces = { interfaces };
    }
    // Agents on AWS instances report biosUUID, although the spec documents it for VMware only.
    if (
      agent &&
      (profile.subnet !== undefined ||
        profile.summaryKind === 'noConnectorVirtualMachineSummary')
    ) {
      record.biosUUID = biosUUID;
    }
    if (profile.summaryKind !== undefined && expanded(profile.summaryKind)) {
      record[profile.summaryKind] = cloud.summary;
    }
    record.hostGUID = hostGUID;
    record.ID = profile.id;

    PROTECTION_MODULES.forEach((module, position) => {
      if (expanded(module.name)) {
        record[module.name] = modules[position];
      }
    });

    return record;
  }
}
