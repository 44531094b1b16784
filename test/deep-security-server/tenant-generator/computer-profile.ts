/**
 * The traits of a generated computer that relationships and counts depend
 * on: cloud kind, agent, group, platform, status and oddity. Record building
 * and `generatedTenantCounts` both read them from here, so the counts
 * always match the served records.
 */

import { SeededRandom } from '../random';
import { PLATFORMS, PlatformChoice } from './catalog';
import { ComputerIdLayout } from './computer-ids';
import {
  AzureResourceGroup,
  GcpProjectGroup,
  GeneratedGroups,
  SubnetGroup,
} from './computer-groups';

export type VirtualMachineSummaryKind =
  | 'ec2VirtualMachineSummary'
  | 'noConnectorVirtualMachineSummary'
  | 'azureARMVirtualMachineSummary'
  | 'gcpVirtualMachineSummary';

/**
 * Odd computers added by `oddRecords`, one of each kind when the tenant has
 * at least nine computers (with fewer, only the first `computers` kinds):
 * - missingHostName: no hostName property, displayName set
 * - noName: no hostName property and displayName ""
 * - unknownPlatform: platform "Unknown", which names no OS family
 * - agentWithoutIp: an agent is installed but lastIPUsed is ""
 * - timestampsInSeconds: lastAgentCommunication and lastSendPolicy* in epoch seconds
 * - longDescription: a description of 10,000 characters
 * - danglingGroup: groupID of a group that does not exist
 * - unknownAgentStatus: computerStatus.agentStatus "mystery", outside the documented enum
 */
export const ODD_COMPUTER_KINDS = [
  'missingHostName',
  'noName',
  'unknownPlatform',
  'agentWithoutIp',
  'timestampsInSeconds',
  'longDescription',
  'danglingGroup',
  'unknownAgentStatus',
] as const;

export type OddComputerKind = (typeof ODD_COMPUTER_KINDS)[number];

export interface ComputerProfile {
  id: number;
  summaryKind?: VirtualMachineSummaryKind;
  hasAgent: boolean;
  /** 0 for no group. */
  groupID: number;
  groupExists: boolean;
  subnet?: SubnetGroup;
  azureResourceGroup?: AzureResourceGroup;
  gcpProject?: GcpProjectGroup;
  platform: PlatformChoice;
  agentStatus: string;
  odd?: OddComputerKind;
}

/** Platforms of cloud instances. The 'other' family appears only on premises. */
const CLOUD_PLATFORMS = PLATFORMS.filter(
  (platform) => platform.family !== 'other',
);

const UNKNOWN_PLATFORM: PlatformChoice = { family: 'other', name: 'Unknown' };

/** Odd kinds that only make sense on a computer with an agent. */
const AGENT_ODD_KINDS: readonly OddComputerKind[] = [
  'agentWithoutIp',
  'timestampsInSeconds',
  'unknownAgentStatus',
];

export class ComputerProfiles {
  private readonly oddKinds = new Map<number, OddComputerKind>();

  constructor(
    private readonly seed: number,
    readonly ids: ComputerIdLayout,
    private readonly groups: GeneratedGroups,
    oddRecords: boolean,
  ) {
    if (oddRecords) {
      const count = ids.count;
      const slots = ODD_COMPUTER_KINDS.length + 1;
      ODD_COMPUTER_KINDS.forEach((kind, k) => {
        // Spread the odd computers over the ID range so paging meets them on different pages.
        const index =
          count >= slots ? Math.floor(((k + 1) * count) / slots) : k;
        if (index < count) {
          this.oddKinds.set(index, kind);
        }
      });
    }
  }

  get oddCount(): number {
    return this.oddKinds.size;
  }

  profileAt(index: number): ComputerProfile {
    const random = new SeededRandom([this.seed, 0xc0, index]);
    const odd = this.oddKinds.get(index);
    const groups = this.groups;

    const kindRoll = random.nextFloat();
    const agentRoll = random.nextFloat();
    const groupRoll = random.nextFloat();
    const statusRoll = random.nextFloat();

    const profile: ComputerProfile = {
      id: this.ids.idAt(index),
      hasAgent: false,
      groupID: 0,
      groupExists: false,
      platform: random.pick(CLOUD_PLATFORMS),
      agentStatus: 'inactive',
      odd,
    };

    if (kindRoll < 0.4) {
      profile.summaryKind = 'ec2VirtualMachineSummary';
      profile.hasAgent = agentRoll < 0.3;
      profile.subnet = random.pick(groups.subnets);
      profile.groupID = profile.subnet.id;
    } else if (kindRoll < 0.5) {
      // The agent reports this summary, so these computers always have one.
      profile.summaryKind = 'noConnectorVirtualMachineSummary';
      profile.hasAgent = true;
      profile.groupID = groupRoll < 0.5 ? random.pick(groups.folders) : 0;
    } else if (kindRoll < 0.6) {
      profile.summaryKind = 'azureARMVirtualMachineSummary';
      profile.hasAgent = agentRoll < 0.5;
      profile.azureResourceGroup = random.pick(groups.azureResourceGroups);
      profile.groupID = profile.azureResourceGroup.id;
    } else if (kindRoll < 0.66) {
      profile.summaryKind = 'gcpVirtualMachineSummary';
      profile.hasAgent = agentRoll < 0.5;
      profile.gcpProject = random.pick(groups.gcpProjects);
      profile.groupID = profile.gcpProject.id;
    } else {
      profile.hasAgent = agentRoll < 0.7;
      profile.platform = random.pick(PLATFORMS);
      profile.groupID = groupRoll < 0.6 ? random.pick(groups.folders) : 0;
    }

    if (profile.hasAgent) {
      profile.agentStatus =
        statusRoll < 0.7
          ? 'active'
          : statusRoll < 0.85
          ? 'warning'
          : statusRoll < 0.95
          ? 'error'
          : 'inactive';
    }

    if (odd !== undefined && AGENT_ODD_KINDS.includes(odd)) {
      profile.hasAgent = true;
      profile.agentStatus = odd === 'unknownAgentStatus' ? 'mystery' : 'active';
    }
    if (odd === 'unknownPlatform') {
      profile.platform = UNKNOWN_PLATFORM;
    }
    if (odd === 'danglingGroup') {
      profile.groupID = groups.maxId + 1000;
    }

    profile.groupExists =
      profile.groupID >= 1 && profile.groupID <= groups.maxId;
    return profile;
  }
}
