/**
 * The `expand` query parameter of the computer endpoints. Scalar properties
 * are always returned, and each object-valued property only when an expand
 * value selects it. Leaving the parameter out means `all`.
 */

import { ApiError } from './api-error';
import { isJsonObject, JsonObject } from './json';

/** Allowed values of `expand` in API v1. */
export const EXPAND_VALUES = [
  'none',
  'all',
  'computerStatus',
  'tasks',
  'securityUpdates',
  'computerSettings',
  'allSecurityModules',
  'antiMalware',
  'webReputation',
  'activityMonitoring',
  'firewall',
  'intrusionPrevention',
  'integrityMonitoring',
  'logInspection',
  'applicationControl',
  'SAP',
  'interfaces',
  'ESXSummary',
  'allVirtualMachineSummaries',
  'azureARMVirtualMachineSummary',
  'azureVMVirtualMachineSummary',
  'ec2VirtualMachineSummary',
  'noConnectorVirtualMachineSummary',
  'vmwareVMVirtualMachineSummary',
  'vcloudVMVirtualMachineSummary',
  'workspaceVirtualMachineSummary',
  'gcpVirtualMachineSummary',
] as const;

export type ExpandValue = (typeof EXPAND_VALUES)[number];

/**
 * Module objects selected by `allSecurityModules`.
 * NOTE: activityMonitoring is included by assumption, because the spec does
 * not list the members. Generated computers carry only the other seven.
 */
export const SECURITY_MODULE_PROPERTIES: readonly string[] = [
  'antiMalware',
  'webReputation',
  'activityMonitoring',
  'firewall',
  'intrusionPrevention',
  'integrityMonitoring',
  'logInspection',
  'applicationControl',
];

export const VIRTUAL_MACHINE_SUMMARY_PROPERTIES: readonly string[] = [
  'azureARMVirtualMachineSummary',
  'azureVMVirtualMachineSummary',
  'ec2VirtualMachineSummary',
  'noConnectorVirtualMachineSummary',
  'vmwareVMVirtualMachineSummary',
  'vcloudVMVirtualMachineSummary',
  'workspaceVirtualMachineSummary',
  'gcpVirtualMachineSummary',
];

/** Object-valued computer properties to include. With `all`, every one is. */
export interface ExpandSelection {
  readonly all: boolean;
  readonly properties: ReadonlySet<string>;
}

export const EXPAND_ALL: ExpandSelection = { all: true, properties: new Set() };

function isExpandValue(value: string): value is ExpandValue {
  return (EXPAND_VALUES as readonly string[]).includes(value);
}

/**
 * Resolves the values of the `expand` parameter. `undefined` (no parameter)
 * means `all`. Raises a 400 ApiError naming the first unknown value.
 */
export function parseExpand(
  values: readonly string[] | undefined,
): ExpandSelection {
  if (values === undefined || values.length === 0) {
    return EXPAND_ALL;
  }

  let all = false;
  const properties = new Set<string>();
  for (const value of values) {
    if (!isExpandValue(value)) {
      throw new ApiError(
        400,
        `Invalid expand value "${value}". Allowed values: ${EXPAND_VALUES.join(
          ', ',
        )}.`,
      );
    }

    if (value === 'all') {
      all = true;
    } else if (value === 'allSecurityModules') {
      SECURITY_MODULE_PROPERTIES.forEach((name) => properties.add(name));
    } else if (value === 'allVirtualMachineSummaries') {
      VIRTUAL_MACHINE_SUMMARY_PROPERTIES.forEach((name) =>
        properties.add(name),
      );
    } else if (value !== 'none') {
      properties.add(value);
    }
  }

  return { all, properties };
}

export function isPropertyExpanded(
  selection: ExpandSelection,
  property: string,
): boolean {
  return selection.all || selection.properties.has(property);
}

/**
 * Copies a full computer record, keeping scalar and array properties and
 * only the object-valued properties that the selection names.
 */
export function projectComputer(
  record: JsonObject,
  selection: ExpandSelection,
): JsonObject {
  if (selection.all) {
    return record;
  }

  const result: JsonObject = {};
  for (const [key, value] of Object.entries(record)) {
    if (!isJsonObject(value) || selection.properties.has(key)) {
      result[key] = value;
    }
  }
  return result;
}
