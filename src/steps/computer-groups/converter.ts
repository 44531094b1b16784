import { Entity } from '@jupiterone/integration-sdk-core';

import { Entities } from '../../constants';
import { DeepSecurityComputerGroup } from '../../deep-security/types';
import { limitedText, nonEmptyString, referenceId } from '../../util/values';
import { entityKey } from '../entityKey';
import { createEntity } from '../createEntity';
import { rawDataOf } from '../rawData';

export function createComputerGroupEntity(
  group: DeepSecurityComputerGroup,
): Entity {
  const name = nonEmptyString(group.name) ?? `Computer group ${group.ID}`;
  const groupType = nonEmptyString(group.type);

  return createEntity({
    _key: entityKey(Entities.COMPUTER_GROUP._type, group.ID),
    _type: Entities.COMPUTER_GROUP._type,
    _class: Entities.COMPUTER_GROUP._class,
    _rawData: rawDataOf(group),
    id: String(group.ID),
    name,
    displayName: name,
    description: limitedText(group.description),
    groupType,
    parentGroupId: referenceId(group.parentGroupID),
    cloudType: nonEmptyString(group.cloudType),
    cloudResourceType: nonEmptyString(group.cloudResourceType),
    cloudId: nonEmptyString(group.cloudID),
    externalId: nonEmptyString(group.externalID),
    ...readAwsIdentifiers(groupType, name),
  });
}

/**
 * Reads AWS identifiers from the group name. The group's `amazon…ID` fields
 * are the manager's internal row numbers, not AWS IDs. The real IDs appear
 * only in names such as "example-org - 123456789012", "vpc-845593ed" and
 * "subnet-9c0bccf5".
 */
export function readAwsIdentifiers(
  groupType: string | undefined,
  name: string,
): { awsAccountId?: string; vpcId?: string; subnetId?: string } {
  if (groupType === 'aws-account') {
    const match = /(?:^|\D)(\d{12})\s*$/.exec(name);
    return match ? { awsAccountId: match[1] } : {};
  }
  if (groupType === 'aws-vpc') {
    const match = /\b(vpc-[0-9a-f]{8,17})\b/.exec(name);
    return match ? { vpcId: match[1] } : {};
  }
  if (groupType === 'aws-subnet') {
    const match = /\b(subnet-[0-9a-f]{8,17})\b/.exec(name);
    return match ? { subnetId: match[1] } : {};
  }
  return {};
}
