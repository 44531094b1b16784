import {
  DeepSecurityComputer,
  PROTECTION_MODULES,
  ProtectionModuleName,
} from '../../deep-security/types';
import { nonEmptyString } from '../../util/values';

/** Function of each protection module, in the data model's HostAgent terms. */
const MODULE_FUNCTIONS: Record<ProtectionModuleName, string> = {
  antiMalware: 'anti-malware',
  webReputation: 'endpoint-protection',
  firewall: 'host-firewall',
  intrusionPrevention: 'HIDS',
  integrityMonitoring: 'FIM',
  logInspection: 'log-monitor',
  applicationControl: 'endpoint-protection',
};

export interface ProtectionModuleStates {
  /** `<module>State` and `<module>Status` properties, for example `firewallState: 'on'`. */
  properties: Record<string, string | undefined>;
  /** Modules whose state is anything but `off`. */
  activeModules: ProtectionModuleName[];
  /** Data model `HostAgent.function` values of the active modules. */
  functions: string[];
}

/**
 * Reads the state of the seven protection modules. A module counts as
 * active when its `state` is set and is not `off` (`on`, `prevent`,
 * `detect`, `real-time` and so on).
 */
export function readProtectionModules(
  computer: DeepSecurityComputer,
): ProtectionModuleStates {
  const properties: Record<string, string | undefined> = {};
  const activeModules: ProtectionModuleName[] = [];

  for (const name of PROTECTION_MODULES) {
    const moduleObject = computer[name];
    const state = nonEmptyString(moduleObject?.state);
    properties[`${name}State`] = state;
    properties[`${name}Status`] = nonEmptyString(
      moduleObject?.moduleStatus?.agentStatusMessage,
    );
    if (state !== undefined && state !== 'off') {
      activeModules.push(name);
    }
  }

  return {
    properties,
    activeModules,
    functions: Array.from(
      new Set(activeModules.map((name) => MODULE_FUNCTIONS[name])),
    ),
  };
}
