import { Entity } from '@jupiterone/integration-sdk-core';

import { Entities } from '../../constants';
import { DeepSecurityAdministrator } from '../../deep-security/types';
import {
  booleanValue,
  emailAddress,
  epochMillis,
  integerValue,
  limitedText,
  nonEmptyString,
  referenceId,
} from '../../util/values';
import { entityKey } from '../entityKey';
import { createEntity } from '../createEntity';
import { rawDataOf } from '../rawData';

export function createAdministratorEntity(
  administrator: DeepSecurityAdministrator,
): Entity {
  const username = nonEmptyString(administrator.username);
  const fullName = nonEmptyString(administrator.fullName);
  const mfaType = nonEmptyString(administrator.mfaType);
  // Administrators often use their e-mail address as user name, and the
  // emailAddress field is "" when unset.
  const email =
    emailAddress(administrator.emailAddress) ?? emailAddress(username);

  return createEntity({
    _key: entityKey(Entities.ADMINISTRATOR._type, administrator.ID),
    _type: Entities.ADMINISTRATOR._type,
    _class: Entities.ADMINISTRATOR._class,
    _rawData: rawDataOf(administrator),
    id: String(administrator.ID),
    name: username ?? `Administrator ${administrator.ID}`,
    displayName: fullName ?? username ?? `Administrator ${administrator.ID}`,
    username,
    fullName,
    email,
    description: limitedText(administrator.description),
    // The API reports a locked-out administrator as inactive.
    active: booleanValue(administrator.active),
    mfaEnabled: mfaType === undefined ? undefined : mfaType !== 'none',
    mfaType,
    administratorType: nonEmptyString(administrator.type),
    readOnly: booleanValue(administrator.readOnly),
    external: booleanValue(administrator.external),
    externalUserId: nonEmptyString(administrator.externalUserID),
    directoryName: nonEmptyString(administrator.directoryName),
    passwordNeverExpires: booleanValue(administrator.passwordNeverExpires),
    primaryContact: booleanValue(administrator.primaryContact),
    roleId: referenceId(administrator.roleID),
    createdOn: epochMillis(administrator.created),
    passwordChangedOn: epochMillis(administrator.lastPasswordChange),
    lastSignInOn: epochMillis(administrator.lastSignIn),
    unlockOn: epochMillis(administrator.unlockTime),
    unsuccessfulSignInAttempts: integerValue(
      administrator.unsuccessfulSignInAttempts,
    ),
  });
}
