import { Entity } from '@jupiterone/integration-sdk-core';

import { Entities } from '../../constants';
import {
  DeepSecurityAdministratorRole,
  DeepSecurityRightsNode,
} from '../../deep-security/types';
import {
  booleanValue,
  integerArray,
  limitedText,
  nonEmptyString,
} from '../../util/values';
import { entityKey } from '../entityKey';
import { createEntity } from '../createEntity';
import { rawDataOf } from '../rawData';

export function createAdministratorRoleEntity(
  role: DeepSecurityAdministratorRole,
): Entity {
  const name = nonEmptyString(role.name) ?? `Role ${role.ID}`;
  const allComputers = booleanValue(role.allComputers);
  const allPolicies = booleanValue(role.allPolicies);
  const rights = countRights(role.rights);

  return createEntity({
    _key: entityKey(Entities.ADMINISTRATOR_ROLE._type, role.ID),
    _type: Entities.ADMINISTRATOR_ROLE._type,
    _class: Entities.ADMINISTRATOR_ROLE._class,
    _rawData: rawDataOf(role),
    id: String(role.ID),
    name,
    displayName: name,
    description: limitedText(role.description),
    // The URN embeds the stack and tenant, and its role name may hold
    // spaces, so it is kept whole.
    urn: nonEmptyString(role.urn),
    immutable: booleanValue(role.immutable),
    allComputers,
    allPolicies,
    allowUserInterface: booleanValue(role.allowUserInterface),
    allowWebService: booleanValue(role.allowWebService),
    canOnlyManipulateUsersWithEqualOrLesserRights: booleanValue(
      role.canOnlyManipulateUsersWithEqualOrLesserRights,
    ),
    // The ID lists are ignored by the manager, and usually absent, when
    // the matching all… flag is true.
    computerIds: allComputers ? undefined : integerArray(role.computerIDs),
    computerGroupIds: allComputers
      ? undefined
      : integerArray(role.computerGroupIDs),
    policyIds: allPolicies ? undefined : integerArray(role.policyIDs),
    grantedRightsCount: rights?.granted,
    deniedRightsCount: rights?.denied,
    // Every right on every computer and policy: what the built-in Full
    // Access role grants, whatever the role is called.
    superAdmin:
      rights === undefined
        ? undefined
        : rights.denied === 0 && allComputers === true && allPolicies === true,
  });
}

interface RightsCount {
  granted: number;
  denied: number;
}

/**
 * Counts the `can…` flags of the nested rights object. Returns undefined
 * when the role has no rights object, so that nothing is claimed about it.
 */
export function countRights(
  rights: DeepSecurityAdministratorRole['rights'],
): RightsCount | undefined {
  if (typeof rights !== 'object' || rights === null) {
    return undefined;
  }

  const count: RightsCount = { granted: 0, denied: 0 };
  const visit = (node: DeepSecurityRightsNode): void => {
    for (const value of Object.values(node)) {
      if (value === true) {
        count.granted++;
      } else if (value === false) {
        count.denied++;
      } else if (typeof value === 'object' && value !== null) {
        visit(value);
      }
    }
  };
  for (const area of Object.values(rights)) {
    if (typeof area === 'object' && area !== null) {
      visit(area);
    }
  }
  return count.granted + count.denied > 0 ? count : undefined;
}
