import {
  Entity,
  IntegrationStepExecutionContext,
  StepRelationshipMetadata,
} from '@jupiterone/integration-sdk-core';

import { IntegrationConfig } from '../config/fields';
import { DeepSecurityClient, Iteratee } from '../deep-security/client';
import { getDeepSecurityClient } from '../deep-security/clientRegistry';
import { DeepSecurityResource } from '../deep-security/resources';
import { SearchSummary } from '../deep-security/searchPages';
import { getAccountEntity } from './account/getAccountEntity';
import { collectResource } from './collectResource';
import { Reference } from './references';
import { createRelationshipFromMetadata } from './relationshipFactory';

export interface AccountResourceOptions<T extends { ID: number }> {
  context: IntegrationStepExecutionContext<IntegrationConfig>;
  resource: DeepSecurityResource;
  iterate: (
    client: DeepSecurityClient,
    iteratee: Iteratee<T>,
  ) => Promise<SearchSummary>;
  convert: (record: T) => Entity;
  /** The account HAS relationship to each entity. */
  accountRelationship: StepRelationshipMetadata;
  /** Numeric entity property, such as `roleId`, to return as references. */
  referenceProperty?: string;
}

/**
 * Collects a resource whose entities the account HAS, one entity per record.
 * Returns `[entity key, ID]` for every entity whose `referenceProperty` is
 * set, for the steps that link them afterwards.
 */
export async function collectAccountResource<T extends { ID: number }>(
  options: AccountResourceOptions<T>,
): Promise<Reference[]> {
  const { context, referenceProperty } = options;
  const { instance, jobState, logger } = context;
  const client = getDeepSecurityClient(instance.config, logger);
  const account = await getAccountEntity(jobState, instance.id);
  const references: Reference[] = [];

  await collectResource<T>({
    context,
    resource: options.resource,
    iterate: (iteratee) => options.iterate(client, iteratee),
    convert: (record) => {
      const entity = options.convert(record);
      const referencedId = referenceProperty
        ? entity[referenceProperty]
        : undefined;
      if (typeof referencedId === 'number') {
        references.push([entity._key, referencedId]);
      }
      return {
        entities: [entity],
        relationships: [
          createRelationshipFromMetadata(
            options.accountRelationship,
            account._key,
            entity._key,
          ),
        ],
      };
    },
  });

  return references;
}
