import { Entity } from '@jupiterone/integration-sdk-core';

import { Entities } from '../../constants';
import { DeepSecurityComputer } from '../../deep-security/types';
import { epochMillis, nonEmptyString, stringArray } from '../../util/values';
import { entityKey } from '../entityKey';
import { createEntity } from '../createEntity';
import {
  ProtectionModuleStates,
  readProtectionModules,
} from './protectionModules';

/** The version the API reports for a computer with no activated agent. */
const NO_AGENT_VERSION = '0.0.0.0';

/** Returns the agent version, or undefined when no agent is installed. */
export function agentVersionOf(
  computer: DeepSecurityComputer,
): string | undefined {
  const version = nonEmptyString(computer.agentVersion);
  return version === NO_AGENT_VERSION ? undefined : version;
}

/**
 * Whether an agent is installed: the computer has an agent fingerprint, or
 * an agent version other than 0.0.0.0.
 */
export function hasAgent(computer: DeepSecurityComputer): boolean {
  return (
    nonEmptyString(computer.agentFingerPrint) !== undefined ||
    agentVersionOf(computer) !== undefined
  );
}

/** Builds the agent entity of a computer that `hasAgent`. */
export function createAgentEntity(
  computer: DeepSecurityComputer,
  computerName: string,
  modules: ProtectionModuleStates = readProtectionModules(computer),
): Entity {
  const status = computer.computerStatus;
  const agentStatus = nonEmptyString(status?.agentStatus);
  const version = agentVersionOf(computer);
  const name = `Trend Micro agent on ${computerName}`;

  return createEntity(
    {
      _key: entityKey(Entities.AGENT._type, computer.ID),
      _type: Entities.AGENT._type,
      _class: Entities.AGENT._class,
      name,
      displayName: name,
      function: modules.functions,
      activeModules: modules.activeModules,
      computerId: String(computer.ID),
      version,
      agentVersion: version,
      // `inactive`, `active`, `warning`, `error` or `not-supported`;
      // other values are kept as the API sent them.
      status: agentStatus,
      active: agentStatus === undefined ? undefined : agentStatus === 'active',
      statusMessages: stringArray(status?.agentStatusMessages),
      fingerprint: nonEmptyString(computer.agentFingerPrint),
      agentGuid: nonEmptyString(computer.agentGUID),
      lastSeenOn: epochMillis(computer.lastAgentCommunication),
      lastPolicySentOn: epochMillis(computer.lastSendPolicySuccess),
      ...modules.properties,
    },
    // The data model requires `function`, even when no module is active.
    ['function'],
  );
}
