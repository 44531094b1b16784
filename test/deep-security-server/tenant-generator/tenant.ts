/**
 * A synthetic tenant built from a seed and a computer count, and the exact
 * record counts it serves. The same seed, size and oddRecords flag always
 * give byte-identical responses.
 *
 * Odd records (only with oddRecords):
 * - administrator 12: username "backup_svc" (not an e-mail address),
 *   emailAddress "backup_svc at example" (invalid), timestamps in seconds
 * - API key 9: roleID 42, which matches no role
 * - computers: one of each kind in ODD_COMPUTER_KINDS (computer-profile.ts),
 *   spread over the ID range
 */

import { EXPAND_ALL } from '../expand';
import { ArrayRecordSource, RecordSource } from '../record-source';
import { Tenant } from '../tenant';
import { ResourceName } from '../types';
import { generateAdministrators } from './administrators';
import { CURRENT_API_KEY_ID, generateApiKeys } from './api-keys';
import { tenantEpochMs, tenantNumber } from './catalog';
import { generateComputerGroups } from './computer-groups';
import { ComputerIdLayout, MAX_GENERATED_COMPUTERS } from './computer-ids';
import {
  ComputerProfiles,
  VirtualMachineSummaryKind,
} from './computer-profile';
import { ComputerSettingsCatalog } from './computer-settings';
import { GeneratedComputerSource } from './computers';
import { generateRoles } from './roles';

export interface GeneratedTenantOptions {
  seed: number;
  computers: number;
  oddRecords?: boolean;
}

export interface GeneratedTenantCounts {
  administrators: number;
  roles: number;
  apiKeys: number;
  computerGroups: number;
  computers: number;
  /** Computers whose groupID is not 0 and names an existing group. */
  computersInExistingGroup: number;
  /** Computers with groupID 0. */
  computersWithoutGroup: number;
  /** Computers whose groupID names no group (odd records only). */
  computersInMissingGroup: number;
  /** Computers with an agent: agentFingerPrint present and agentVersion not "0.0.0.0". */
  computersWithAgent: number;
  /** Computers per virtual machine summary property. Each computer has at most one. */
  virtualMachineSummaries: Record<VirtualMachineSummaryKind, number>;
  computersWithoutSummary: number;
  /** Computers that are odd records. */
  oddComputers: number;
}

interface GeneratedParts {
  sources: Record<ResourceName, RecordSource>;
  profiles: ComputerProfiles;
  tenantId: number;
}

function validateOptions({ seed, computers }: GeneratedTenantOptions): void {
  if (!Number.isSafeInteger(seed)) {
    throw new Error(
      `Invalid generated tenant seed ${seed}: expected a safe integer.`,
    );
  }
  if (
    !Number.isInteger(computers) ||
    computers < 0 ||
    computers > MAX_GENERATED_COMPUTERS
  ) {
    throw new Error(
      `Invalid generated tenant size ${computers}: expected an integer from 0 to ${MAX_GENERATED_COMPUTERS}, ` +
        'the most whose IDs fit in int32.',
    );
  }
}

function buildParts(options: GeneratedTenantOptions): GeneratedParts {
  validateOptions(options);
  const { seed, computers } = options;
  const oddRecords = options.oddRecords ?? false;
  const epochMs = tenantEpochMs(seed);
  const tenantId = tenantNumber(seed);

  const groups = generateComputerGroups(seed, computers);
  const scopedGroupIDs = [groups.subnets[0].id, groups.folders[0], 0];
  const profiles = new ComputerProfiles(
    seed,
    new ComputerIdLayout(seed, computers),
    groups,
    oddRecords,
  );

  const sources: Record<ResourceName, RecordSource> = {
    administrators: new ArrayRecordSource(
      'administrators',
      generateAdministrators(seed, epochMs, oddRecords),
    ),
    roles: new ArrayRecordSource(
      'roles',
      generateRoles(tenantId, scopedGroupIDs),
    ),
    apiKeys: new ArrayRecordSource(
      'apiKeys',
      generateApiKeys(epochMs, oddRecords),
    ),
    computers: new GeneratedComputerSource(
      seed,
      epochMs,
      profiles,
      new ComputerSettingsCatalog(seed),
    ),
    computerGroups: new ArrayRecordSource('computerGroups', groups.records),
  };

  return { sources, profiles, tenantId };
}

export function createGeneratedTenant(options: GeneratedTenantOptions): Tenant {
  const { sources, tenantId } = buildParts(options);
  const apiKeys = sources.apiKeys;
  const currentKeyIndex = apiKeys.lowerBound(CURRENT_API_KEY_ID);
  const currentApiKey = {
    ...apiKeys.recordAt(currentKeyIndex, EXPAND_ALL),
    tenantID: tenantId,
  };

  return {
    source: (resource) => sources[resource],
    currentApiKey: () => currentApiKey,
  };
}

/**
 * Counts what a generated tenant serves, from the same generator code.
 * Walks every computer's profile without building records, in O(computers)
 * time. Memory use is that of the group list, one group per 50 computers.
 */
export function generatedTenantCounts(
  seed: number,
  computers: number,
  oddRecords = false,
): GeneratedTenantCounts {
  const { sources, profiles } = buildParts({ seed, computers, oddRecords });

  const counts: GeneratedTenantCounts = {
    administrators: sources.administrators.size,
    roles: sources.roles.size,
    apiKeys: sources.apiKeys.size,
    computerGroups: sources.computerGroups.size,
    computers: sources.computers.size,
    computersInExistingGroup: 0,
    computersWithoutGroup: 0,
    computersInMissingGroup: 0,
    computersWithAgent: 0,
    virtualMachineSummaries: {
      ec2VirtualMachineSummary: 0,
      noConnectorVirtualMachineSummary: 0,
      azureARMVirtualMachineSummary: 0,
      gcpVirtualMachineSummary: 0,
    },
    computersWithoutSummary: 0,
    oddComputers: profiles.oddCount,
  };

  for (let index = 0; index < computers; index++) {
    const profile = profiles.profileAt(index);
    if (profile.groupID === 0) {
      counts.computersWithoutGroup += 1;
    } else if (profile.groupExists) {
      counts.computersInExistingGroup += 1;
    } else {
      counts.computersInMissingGroup += 1;
    }
    if (profile.hasAgent) {
      counts.computersWithAgent += 1;
    }
    if (profile.summaryKind === undefined) {
      counts.computersWithoutSummary += 1;
    } else {
      counts.virtualMachineSummaries[profile.summaryKind] += 1;
    }
  }

  return counts;
}
