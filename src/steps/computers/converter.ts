import { Entity } from '@jupiterone/integration-sdk-core';
import { isIP } from 'net';

import { Entities } from '../../constants';
import { DeepSecurityComputer } from '../../deep-security/types';
import {
  epochMillis,
  ipAddress,
  limitedText,
  nonEmptyString,
  referenceId,
  stringArray,
} from '../../util/values';
import { entityKey } from '../entityKey';
import { createEntity } from '../createEntity';
import { rawDataOf } from '../rawData';
import { agentVersionOf, hasAgent } from './agent';
import { CloudInstance } from './cloudInstance';
import { readNetwork } from './network';
import { parsePlatform } from './platform';
import {
  ProtectionModuleStates,
  readProtectionModules,
} from './protectionModules';

/** Returns the name a computer is shown by in the manager's console. */
export function computerName(computer: DeepSecurityComputer): string {
  return (
    nonEmptyString(computer.displayName) ??
    nonEmptyString(computer.hostName) ??
    `Computer ${computer.ID}`
  );
}

/**
 * Builds a computer entity with the properties JupiterOne uses to match one
 * host across integrations. Host name and FQDN are lower case, and MAC
 * addresses are lower case with colons. Private and public IP addresses,
 * BIOS UUID, host GUID and cloud instance ID complete the set.
 */
export function createComputerEntity(
  computer: DeepSecurityComputer,
  instances: CloudInstance[],
  modules: ProtectionModuleStates = readProtectionModules(computer),
): Entity {
  const name = computerName(computer);
  const hostName = nonEmptyString(computer.hostName)?.toLowerCase();
  const platformText = nonEmptyString(computer.platform);
  const os = parsePlatform(platformText);
  const network = readNetwork(computer, instances);
  const status = computer.computerStatus;
  const [instance] = instances;

  return createEntity({
    _key: entityKey(Entities.COMPUTER._type, computer.ID),
    _type: Entities.COMPUTER._type,
    _class: Entities.COMPUTER._class,
    _rawData: rawDataOf(computer),
    id: String(computer.ID),
    name,
    displayName: name,
    description: limitedText(computer.description),
    // Required by the Host class; null when the manager has no host name.
    hostname: hostName ?? null,
    fqdn:
      hostName && hostName.includes('.') && isIP(hostName) === 0
        ? hostName
        : undefined,
    platform: os.platform,
    osDetails: platformText,
    osName: os.osName,
    osArchitecture: os.osArchitecture,
    kernelVersion: os.kernelVersion,
    ipAddress: network.ipAddress,
    privateIpAddress: network.privateIpAddress,
    publicIpAddress: network.publicIpAddress,
    macAddress: network.macAddress,
    lastIpUsed: ipAddress(computer.lastIPUsed),
    hostGuid: nonEmptyString(computer.hostGUID)?.toLowerCase(),
    biosUuid: nonEmptyString(computer.biosUUID)?.toLowerCase(),
    policyId: referenceId(computer.policyID),
    groupId: referenceId(computer.groupID),
    assetImportanceId: referenceId(computer.assetImportanceID),
    relayListId: referenceId(computer.relayListID),
    agentInstalled: hasAgent(computer),
    agentVersion: agentVersionOf(computer),
    agentStatus: nonEmptyString(status?.agentStatus),
    agentStatusMessages: stringArray(status?.agentStatusMessages),
    applianceStatus: nonEmptyString(status?.applianceStatus),
    lastSeenOn: latest(
      epochMillis(computer.lastAgentCommunication),
      epochMillis(computer.lastApplianceCommunication),
    ),
    lastPolicySentOn: epochMillis(computer.lastSendPolicySuccess),
    activeModules: modules.activeModules,
    ...modules.properties,
    cloudProvider: instance?.provider,
    instanceId: instance?.instanceId,
    cloudAccountId: instance?.accountId,
    region: instance?.region,
    availabilityZone: instance?.availabilityZone,
    azureResourceId: instance?.resourceId,
    azureSubscriptionId: instance?.subscriptionId,
    azureResourceGroup: instance?.resourceGroup,
  });
}

function latest(...values: Array<number | undefined>): number | undefined {
  const defined = values.filter(
    (value): value is number => value !== undefined,
  );
  return defined.length ? Math.max(...defined) : undefined;
}
