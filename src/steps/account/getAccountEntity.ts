import { Entity, JobState } from '@jupiterone/integration-sdk-core';

import { Entities } from '../../constants';
import { entityKey } from '../entityKey';
import { ACCOUNT_ENTITY_DATA_KEY } from './index';

/**
 * Returns the account entity made by the account step. When that step ran
 * in an earlier, cached collection, the entity is read from the job state.
 */
export async function getAccountEntity(
  jobState: JobState,
  instanceId: string,
): Promise<Entity> {
  const fromData = await jobState.getData<Entity>(ACCOUNT_ENTITY_DATA_KEY);
  if (fromData) {
    return fromData;
  }

  const key = entityKey(Entities.ACCOUNT._type, instanceId);
  const entity = await jobState.findEntity(key);
  if (!entity) {
    throw new Error(
      `Internal error: the account entity ${key} is missing; the ${Entities.ACCOUNT._type} step must run first.`,
    );
  }
  return entity;
}
