import {
  DeepSecurityAzureVmSummary,
  DeepSecurityComputer,
} from '../../deep-security/types';
import { ipAddress, nonEmptyString } from '../../util/values';

export type CloudProvider = 'aws' | 'azure' | 'gcp';

/** The cloud instance a computer runs on, as the manager reports it. */
export interface CloudInstance {
  provider: CloudProvider;
  instanceId: string;
  /** The summary object the identity came from. */
  source:
    | 'ec2VirtualMachineSummary'
    | 'noConnectorVirtualMachineSummary'
    | 'azureARMVirtualMachineSummary'
    | 'azureVMVirtualMachineSummary'
    | 'gcpVirtualMachineSummary';
  accountId?: string;
  region?: string;
  availabilityZone?: string;
  /** Azure Resource Manager ID of the virtual machine. */
  resourceId?: string;
  subscriptionId?: string;
  resourceGroup?: string;
  privateIpAddress?: string;
  publicIpAddress?: string;
}

const AWS_INSTANCE_ID = /^i-[0-9a-f]{8,17}$/;
const GCP_INSTANCE_ID = /^\d{1,20}$/;

/**
 * Reads the cloud instances of a computer. A connector-discovered EC2
 * instance has `ec2VirtualMachineSummary`; an EC2 instance whose agent
 * reports it without a connector has only `noConnectorVirtualMachineSummary`.
 * Both may be present for the same instance, which is reported once.
 */
export function readCloudInstances(
  computer: DeepSecurityComputer,
): CloudInstance[] {
  const instances: CloudInstance[] = [];
  const add = (instance: CloudInstance | undefined): void => {
    if (!instance) {
      return;
    }
    const known = instances.find(
      (candidate) =>
        candidate.provider === instance.provider &&
        candidate.instanceId === instance.instanceId,
    );
    if (!known) {
      instances.push(instance);
      return;
    }
    // The same instance in a second summary: fill in what the first lacked.
    for (const [name, value] of Object.entries(instance)) {
      const field = name as keyof CloudInstance;
      if (known[field] === undefined && value !== undefined) {
        Object.assign(known, { [field]: value });
      }
    }
  };

  add(readEc2(computer));
  add(readNoConnector(computer));
  add(readAzureArm(computer));
  add(readAzureClassic(computer));
  add(readGcp(computer));
  return instances;
}

function readEc2(computer: DeepSecurityComputer): CloudInstance | undefined {
  const summary = computer.ec2VirtualMachineSummary;
  const instanceId = nonEmptyString(summary?.instanceID);
  if (!summary || !instanceId || !AWS_INSTANCE_ID.test(instanceId)) {
    return undefined;
  }
  const availabilityZone = nonEmptyString(summary.availabilityZone);
  return {
    provider: 'aws',
    instanceId,
    source: 'ec2VirtualMachineSummary',
    accountId: nonEmptyString(summary.accountID),
    availabilityZone,
    region:
      nonEmptyString(summary.region) ??
      regionOfAvailabilityZone(availabilityZone),
    privateIpAddress: ipAddress(summary.privateIPAddress),
    publicIpAddress: ipAddress(summary.publicIPAddress),
  };
}

function readNoConnector(
  computer: DeepSecurityComputer,
): CloudInstance | undefined {
  const summary = computer.noConnectorVirtualMachineSummary;
  const instanceId = nonEmptyString(summary?.instanceID);
  if (!summary || !instanceId || !AWS_INSTANCE_ID.test(instanceId)) {
    return undefined;
  }
  return {
    provider: 'aws',
    instanceId,
    source: 'noConnectorVirtualMachineSummary',
    accountId: nonEmptyString(summary.accountID),
    region: nonEmptyString(summary.region),
  };
}

/**
 * Reads the identity common to both Azure summaries. An ARM summary adds its
 * resource group, location and addresses.
 */
function readAzure(
  summary: DeepSecurityAzureVmSummary | undefined,
  source: 'azureARMVirtualMachineSummary' | 'azureVMVirtualMachineSummary',
): CloudInstance | undefined {
  const resourceId = nonEmptyString(summary?.azureResourceId);
  const instanceId = nonEmptyString(summary?.instanceID) ?? resourceId;
  if (!summary || !instanceId) {
    return undefined;
  }
  return {
    provider: 'azure',
    instanceId,
    source,
    resourceId,
    subscriptionId: nonEmptyString(summary.subscriptionID),
  };
}

function readAzureArm(
  computer: DeepSecurityComputer,
): CloudInstance | undefined {
  const summary = computer.azureARMVirtualMachineSummary;
  const instance = readAzure(summary, 'azureARMVirtualMachineSummary');
  if (!summary || !instance) {
    return undefined;
  }
  return {
    ...instance,
    resourceGroup: nonEmptyString(summary.resourceGroup),
    region: nonEmptyString(summary.location),
    privateIpAddress: ipAddress(summary.privateIPAddress),
    publicIpAddress: ipAddress(summary.publicIPAddress),
  };
}

function readAzureClassic(
  computer: DeepSecurityComputer,
): CloudInstance | undefined {
  return readAzure(
    computer.azureVMVirtualMachineSummary,
    'azureVMVirtualMachineSummary',
  );
}

function readGcp(computer: DeepSecurityComputer): CloudInstance | undefined {
  const summary = computer.gcpVirtualMachineSummary;
  const instanceId = nonEmptyString(summary?.instanceID);
  if (!summary || !instanceId || !GCP_INSTANCE_ID.test(instanceId)) {
    return undefined;
  }
  const zone = nonEmptyString(summary.zone);
  return {
    provider: 'gcp',
    instanceId,
    source: 'gcpVirtualMachineSummary',
    availabilityZone: zone,
    region: zone?.replace(/-[a-z]$/, ''),
    privateIpAddress: ipAddress(summary.privateIPAddress),
    publicIpAddress: ipAddress(summary.publicIPAddress),
  };
}

/** `us-east-1a` → `us-east-1`. */
function regionOfAvailabilityZone(
  zone: string | undefined,
): string | undefined {
  return zone && /^[a-z]{2}(-[a-z]+)+-\d+[a-z]$/.test(zone)
    ? zone.slice(0, -1)
    : undefined;
}
