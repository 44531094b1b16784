/**
 * Administrator roles of the generated tenant, with a reduced but
 * correctly nested `rights` tree.
 */

import { JsonObject } from '../json';

/** Right names per area and object kind, as nested in the API's `rights` object. */
const RIGHTS_LAYOUT: Record<string, Record<string, readonly string[]>> = {
  platformRights: {
    administratorRights: [
      'canCreateNewAdministrators',
      'canDeleteAdministrators',
      'canEditAdministratorProperties',
      'canViewAdministrators',
    ],
    administratorRoleRights: [
      'canCreateNewAdministratorRoles',
      'canDeleteAdministratorRoles',
      'canEditAdministratorRoleProperties',
      'canViewAdministratorRoles',
    ],
    apikeyRights: [
      'canCreateNewApiKeys',
      'canDeleteApiKeys',
      'canEditApiKeyProperties',
      'canViewApiKeys',
    ],
    computerRights: [
      'canAddAndRemoveComputerGroups',
      'canCreateNewComputers',
      'canDeleteComputers',
      'canEditComputerProperties',
      'canViewNotRelatedToComputers',
      'canViewOtherComputers',
    ],
    policyRights: [
      'canCreateNewPolicies',
      'canDeletePolicies',
      'canEditPolicyProperties',
      'canViewOtherPolicies',
    ],
    settingRights: ['canEditSettings', 'canViewSettings'],
  },
  antiMalwareRights: {
    antiMalwareConfigurationRights: [
      'canCreateNewAntiMalwareConfigurations',
      'canDeleteAntiMalwareConfigurations',
      'canEditAntiMalwareConfigurationProperties',
    ],
  },
  firewallRights: {
    firewallRuleRights: [
      'canCreateNewFirewallRules',
      'canDeleteFirewallRules',
      'canEditFirewallRuleProperties',
    ],
  },
  intrusionPreventionRights: {
    intrusionPreventionRuleRights: [
      'canCreateNewIntrusionPreventionRules',
      'canDeleteIntrusionPreventionRules',
      'canEditIntrusionPreventionRuleProperties',
    ],
  },
};

/** Builds a rights tree where each right is set by `grant(kind, right)`. */
function buildRights(
  grant: (kind: string, right: string) => boolean,
): JsonObject {
  const rights: JsonObject = {};
  for (const [area, kinds] of Object.entries(RIGHTS_LAYOUT)) {
    const areaRights: JsonObject = {};
    for (const [kind, names] of Object.entries(kinds)) {
      const kindRights: JsonObject = {};
      for (const name of names) {
        kindRights[name] = grant(kind, name);
      }
      areaRights[kind] = kindRights;
    }
    rights[area] = areaRights;
  }
  return rights;
}

const isViewRight = (right: string) => right.startsWith('canView');

/** The built-in Auditor can view computers and policies but not administrators, roles or API keys. */
const IDENTITY_KINDS = [
  'administratorRights',
  'administratorRoleRights',
  'apikeyRights',
];

export const ROLE_IDS = {
  fullAccess: 1,
  auditor: 2,
  apiReadOnly: 3,
  regionalReader: 5,
  consoleOnly: 6,
};

/**
 * Returns the roles: Full Access (immutable), Auditor, a read-only API role
 * for the collector's key, a reader limited to `scopedGroupIDs`, and a
 * console-only role with `allowWebService` false. No role has ID 4, as after a deletion.
 */
export function generateRoles(
  tenantId: number,
  scopedGroupIDs: number[],
): JsonObject[] {
  const urn = (name: string) =>
    `urn:tmds:identity:us-east-ds-1:${tenantId}:role/${name}`;

  const role = (
    ID: number,
    name: string,
    description: string,
    options: {
      immutable?: boolean;
      allowWebService?: boolean;
      computerGroupIDs?: number[];
      rights: JsonObject;
    },
  ): JsonObject => {
    const scoped = options.computerGroupIDs !== undefined;
    return {
      name,
      description,
      urn: urn(name),
      immutable: options.immutable ?? false,
      canOnlyManipulateUsersWithEqualOrLesserRights: false,
      allComputers: !scoped,
      allPolicies: !scoped,
      allowUserInterface: true,
      allowWebService: options.allowWebService ?? true,
      // Scope lists are absent when allComputers or allPolicies is true.
      computerIDs: scoped ? [] : undefined,
      computerGroupIDs: options.computerGroupIDs,
      policyIDs: scoped ? [1, 2] : undefined,
      rights: options.rights,
      ID,
    };
  };

  return [
    role(ROLE_IDS.fullAccess, 'Full Access', '', {
      immutable: true,
      rights: buildRights(() => true),
    }),
    role(ROLE_IDS.auditor, 'Auditor', '', {
      rights: buildRights(
        (kind, right) => isViewRight(right) && !IDENTITY_KINDS.includes(kind),
      ),
    }),
    role(
      ROLE_IDS.apiReadOnly,
      'API Read Only',
      'Inventory collection through the API',
      {
        rights: buildRights((kind, right) => isViewRight(right)),
      },
    ),
    role(
      ROLE_IDS.regionalReader,
      'Regional Reader',
      'Views the computers of two groups',
      {
        computerGroupIDs: scopedGroupIDs,
        rights: buildRights(
          (kind, right) => isViewRight(right) && !IDENTITY_KINDS.includes(kind),
        ),
      },
    ),
    role(ROLE_IDS.consoleOnly, 'Console Only', '', {
      allowWebService: false,
      rights: buildRights((kind, right) => isViewRight(right)),
    }),
  ];
}
