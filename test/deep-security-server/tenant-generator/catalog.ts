/**
 * Fixed vocabularies for the generated tenant: cloud regions, platforms,
 * person names. Only names and formats matter here, not completeness.
 */

import { hashIntegers } from '../random';

/** AWS region codes with the display names Deep Security gives aws-region groups. */
export const AWS_REGIONS: readonly { code: string; name: string }[] = [
  { code: 'us-east-1', name: 'US East (N. Virginia)' },
  { code: 'us-east-2', name: 'US East (Ohio)' },
  { code: 'us-west-2', name: 'US West (Oregon)' },
  { code: 'eu-west-1', name: 'EU (Ireland)' },
  { code: 'eu-central-1', name: 'EU (Frankfurt)' },
  { code: 'ap-southeast-2', name: 'Asia Pacific (Sydney)' },
  { code: 'ap-northeast-1', name: 'Asia Pacific (Tokyo)' },
  { code: 'sa-east-1', name: 'South America (São Paulo)' },
];

export const AZURE_LOCATIONS: readonly string[] = [
  'eastus',
  'westeurope',
  'northeurope',
  'southeastasia',
];

export const GCP_ZONES: readonly string[] = [
  'us-central1-a',
  'us-east1-b',
  'europe-west1-c',
  'asia-northeast1-a',
];

export const EC2_INSTANCE_TYPES: readonly string[] = [
  't3.micro',
  't3.large',
  'm5.xlarge',
  'c5.2xlarge',
  'r5.large',
];

export interface PlatformChoice {
  family: 'linux' | 'windows' | 'other';
  /** Platform text reported without an agent, for example by a cloud connector. */
  name: string;
  /** Kernel or build suffix that an agent appends, in parentheses. */
  agentSuffix?: string;
}

export const PLATFORMS: readonly PlatformChoice[] = [
  {
    family: 'linux',
    name: 'Amazon Linux 2 (64 bit)',
    agentSuffix: '5.10.205-195.807.amzn2.x86_64',
  },
  {
    family: 'linux',
    name: 'Ubuntu Linux 22 (64 bit)',
    agentSuffix: '5.15.0-1051-aws',
  },
  {
    family: 'linux',
    name: 'Red Hat Enterprise 8 (64 bit)',
    agentSuffix: '4.18.0-513.9.1.el8_9.x86_64',
  },
  { family: 'linux', name: 'CentOS 7 (64 bit)' },
  {
    family: 'windows',
    name: 'Microsoft Windows Server 2019 (64 bit)',
    agentSuffix: 'Build 17763',
  },
  {
    family: 'windows',
    name: 'Microsoft Windows Server 2022 (64 bit)',
    agentSuffix: 'Build 20348',
  },
  { family: 'windows', name: 'Microsoft Windows 10 (64 bit)' },
  { family: 'other', name: 'Solaris 11 (64 bit)' },
  { family: 'other', name: 'AIX 7.2' },
];

export const FIRST_NAMES: readonly string[] = [
  'alex',
  'maria',
  'kenji',
  'fatima',
  'lukas',
  'priya',
  'samuel',
  'ines',
];

export const LAST_NAMES: readonly string[] = [
  'garcia',
  'novak',
  'okafor',
  'tanaka',
  'schmidt',
  'dubois',
  'larsen',
  'reyes',
];

export const SERVER_ROLES: readonly string[] = [
  'web',
  'api',
  'db',
  'cache',
  'batch',
  'build',
  'mail',
  'files',
];

/** 2023-01-01T00:00:00Z, the earliest tenant epoch. */
const EPOCH_2023_MS = 1_672_531_200_000;

const DAY_MS = 86_400_000;

/**
 * Returns the time, in epoch ms, that a generated tenant's timestamps are
 * relative to: a day within 180 days after 2023-01-01, fixed by the seed so
 * that output is deterministic.
 */
export function tenantEpochMs(seed: number): number {
  return EPOCH_2023_MS + (hashIntegers([seed, 0xe90c]) % 180) * DAY_MS;
}

/** Tenant number used in role URNs and `GET /apikeys/current`. */
export function tenantNumber(seed: number): number {
  return 10_000 + (hashIntegers([seed, 0x7e4a]) % 90_000);
}

export { DAY_MS };
