import { Entity } from '@jupiterone/integration-sdk-core';

import { Entities } from '../../constants';
import { DeepSecurityApiKey } from '../../deep-security/types';
import {
  booleanValue,
  epochMillis,
  integerValue,
  limitedText,
  nonEmptyString,
  referenceId,
} from '../../util/values';
import { entityKey } from '../entityKey';
import { createEntity } from '../createEntity';
import { rawDataOf } from '../rawData';

/**
 * Builds an API key entity. List responses never carry the secret, and the
 * raw data drops `secretKey` even if a manager sent it.
 */
export function createApiKeyEntity(apiKey: DeepSecurityApiKey): Entity {
  const name = nonEmptyString(apiKey.keyName) ?? `API key ${apiKey.ID}`;
  const expiresOn = epochMillis(apiKey.expiryDate);

  return createEntity({
    _key: entityKey(Entities.API_KEY._type, apiKey.ID),
    _type: Entities.API_KEY._type,
    _class: Entities.API_KEY._class,
    _rawData: rawDataOf(apiKey),
    id: String(apiKey.ID),
    name,
    displayName: name,
    description: limitedText(apiKey.description),
    // The API reports a locked-out key as inactive.
    active: booleanValue(apiKey.active),
    serviceAccount: booleanValue(apiKey.serviceAccount),
    roleId: referenceId(apiKey.roleID),
    createdOn: epochMillis(apiKey.created),
    // The API leaves expiryDate out for a key that never expires.
    expiresOn,
    expires: expiresOn !== undefined,
    lastSignInOn: epochMillis(apiKey.lastSignIn),
    unlockOn: epochMillis(apiKey.unlockTime),
    unsuccessfulSignInAttempts: integerValue(apiKey.unsuccessfulSignInAttempts),
  });
}
