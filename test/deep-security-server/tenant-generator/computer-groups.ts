/**
 * Nested computer groups of the generated tenant: AWS account → region →
 * VPC → subnet, an Azure connector with resource groups, a GCP connector
 * with projects, and nested folders. Groups are few (one per 50 computers,
 * at least 12), so they are built as a list up front.
 */

import { JsonObject } from '../json';
import { SeededRandom } from '../random';
import {
  AWS_REGIONS,
  AZURE_LOCATIONS,
  GCP_ZONES,
  SERVER_ROLES,
} from './catalog';

type GroupKind =
  | 'aws-account'
  | 'aws-region'
  | 'aws-vpc'
  | 'aws-subnet'
  | 'azure-top'
  | 'azure-group'
  | 'gcp-connector'
  | 'gcp-project'
  | 'folder';

/** The first 12 groups, in ID order. Each child attaches to the latest group of its parent kind. */
const SKELETON: readonly GroupKind[] = [
  'aws-account',
  'aws-region',
  'aws-vpc',
  'aws-subnet',
  'aws-subnet',
  'azure-top',
  'azure-group',
  'gcp-connector',
  'gcp-project',
  'folder',
  'folder',
  'folder',
];

/** Kinds of the groups after the skeleton, repeated in this order. */
const EXTRA_PATTERN: readonly GroupKind[] = [
  'aws-subnet',
  'aws-subnet',
  'aws-vpc',
  'folder',
  'azure-group',
  'gcp-project',
  'aws-subnet',
  'aws-region',
  'aws-subnet',
  'aws-account',
];

const ACCOUNT_LABELS = ['production', 'staging', 'shared-services', 'sandbox'];
const FOLDER_NAMES = [
  'Servers',
  'Linux',
  'Windows',
  'Datacenter A',
  'Lab',
  'DMZ',
  'Retired',
];

export interface SubnetGroup {
  id: number;
  regionCode: string;
  /** The 12-digit AWS account ID from the name of the aws-account ancestor. */
  accountNumber: string;
}

export interface AzureResourceGroup {
  id: number;
  resourceGroup: string;
  location: string;
  subscriptionId: string;
}

export interface GcpProjectGroup {
  id: number;
  projectName: string;
  zone: string;
}

export interface GeneratedGroups {
  records: JsonObject[];
  subnets: SubnetGroup[];
  azureResourceGroups: AzureResourceGroup[];
  gcpProjects: GcpProjectGroup[];
  folders: number[];
  /** Highest group ID; IDs run from 1 to this without gaps. */
  maxId: number;
}

export function computerGroupCount(computers: number): number {
  return Math.max(12, Math.floor(computers / 50));
}

function guid(random: SeededRandom): string {
  return [8, 4, 4, 4, 12].map((length) => random.hex(length)).join('-');
}

/** Builds the groups for a tenant of `computers` computers. */
export function generateComputerGroups(
  seed: number,
  computers: number,
): GeneratedGroups {
  const random = new SeededRandom([seed, 0x6a0b]);
  const count = computerGroupCount(computers);

  const result: GeneratedGroups = {
    records: [],
    subnets: [],
    azureResourceGroups: [],
    gcpProjects: [],
    folders: [],
    maxId: count,
  };

  // Internal manager row numbers per AWS kind, which the API sends as amazon*ID.
  const rowNumbers = { account: 0, region: 0, vpc: 0, subnet: 0 };
  let latestAccount = { id: 0, accountNumber: '' };
  let latestRegion = { id: 0, code: '' };
  let latestVpc = 0;
  let azureTop = 0;
  let gcpConnector = 0;
  const subscriptionId = guid(random);
  const regionOffset = random.integer(0, AWS_REGIONS.length - 1);

  for (let id = 1; id <= count; id++) {
    const kind =
      id <= SKELETON.length
        ? SKELETON[id - 1]
        : EXTRA_PATTERN[(id - SKELETON.length - 1) % EXTRA_PATTERN.length];

    switch (kind) {
      case 'aws-account': {
        const accountNumber = random.digits(12);
        rowNumbers.account += 1;
        latestAccount = { id, accountNumber };
        result.records.push({
          type: kind,
          name: `${random.pick(ACCOUNT_LABELS)} - ${accountNumber}`,
          cloudResourceType: 'top-level',
          amazonAccountID: rowNumbers.account,
          ID: id,
        });
        break;
      }
      case 'aws-region': {
        const region =
          AWS_REGIONS[(rowNumbers.region + regionOffset) % AWS_REGIONS.length];
        rowNumbers.region += 1;
        latestRegion = { id, code: region.code };
        result.records.push({
          type: kind,
          name: region.name,
          parentGroupID: latestAccount.id,
          cloudType: 'amazon',
          amazonRegionID: rowNumbers.region,
          ID: id,
        });
        break;
      }
      case 'aws-vpc': {
        rowNumbers.vpc += 1;
        latestVpc = id;
        result.records.push({
          type: kind,
          name: `vpc-${random.hex(random.chance(0.5) ? 8 : 17)}`,
          parentGroupID: latestRegion.id,
          cloudType: 'amazon',
          amazonVPCID: rowNumbers.vpc,
          ID: id,
        });
        break;
      }
      case 'aws-subnet': {
        rowNumbers.subnet += 1;
        const subnet = `subnet-${random.hex(17)}`;
        result.subnets.push({
          id,
          regionCode: latestRegion.code,
          accountNumber: latestAccount.accountNumber,
        });
        result.records.push({
          type: kind,
          // Named subnets show as "<Name tag> (<subnet ID>)".
          name: random.chance(0.3)
            ? `${random.pick(SERVER_ROLES)} (${subnet})`
            : subnet,
          parentGroupID: latestVpc,
          cloudType: 'amazon',
          amazonSubnetID: rowNumbers.subnet,
          ID: id,
        });
        break;
      }
      case 'azure-top':
        azureTop = id;
        result.records.push({
          type: kind,
          name: 'Azure - Contoso',
          cloudType: 'azure-arm',
          ID: id,
        });
        break;
      case 'azure-group': {
        const location = random.pick(AZURE_LOCATIONS);
        const resourceGroup = `rg-${random.pick(
          SERVER_ROLES,
        )}-${location}-${id}`;
        result.azureResourceGroups.push({
          id,
          resourceGroup,
          location,
          subscriptionId,
        });
        result.records.push({
          type: kind,
          name: resourceGroup,
          parentGroupID: azureTop,
          cloudType: 'azure-arm',
          ID: id,
        });
        break;
      }
      case 'gcp-connector':
        gcpConnector = id;
        result.records.push({
          type: kind,
          name: 'Google Cloud',
          cloudType: 'gcp',
          ID: id,
        });
        break;
      case 'gcp-project': {
        const projectName = `${random.pick(SERVER_ROLES)}-prod-${random.digits(
          6,
        )}`;
        result.gcpProjects.push({
          id,
          projectName,
          zone: random.pick(GCP_ZONES),
        });
        result.records.push({
          type: kind,
          name: projectName,
          parentGroupID: gcpConnector,
          cloudType: 'gcp',
          ID: id,
        });
        break;
      }
      case 'folder': {
        const parent =
          result.folders.length > 0 ? random.pick(result.folders) : undefined;
        const baseName =
          FOLDER_NAMES[result.folders.length % FOLDER_NAMES.length];
        result.folders.push(id);
        result.records.push({
          type: kind,
          name:
            result.folders.length > FOLDER_NAMES.length
              ? `${baseName} ${id}`
              : baseName,
          parentGroupID: parent,
          ID: id,
        });
        break;
      }
    }
  }

  return result;
}
