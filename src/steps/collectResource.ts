import {
  Entity,
  IntegrationProviderAuthorizationError,
  IntegrationStepExecutionContext,
  IntegrationWarnEventName,
  Relationship,
} from '@jupiterone/integration-sdk-core';

import { IntegrationConfig } from '../config/fields';
import { Iteratee, PageCallback } from '../deep-security/client';
import { DeepSecurityResource } from '../deep-security/resources';
import { SearchSummary } from '../deep-security/searchPages';
import { errorMessage } from '../util/errorMessage';

/** The graph objects converted from one API record. */
export interface ConvertedRecord {
  entities: Entity[];
  relationships: Relationship[];
}

export interface CollectResourceOptions<T extends { ID: number }> {
  context: IntegrationStepExecutionContext<IntegrationConfig>;
  resource: DeepSecurityResource;
  iterate: (
    iteratee: Iteratee<T>,
    afterPage: PageCallback,
  ) => Promise<SearchSummary>;
  /** Converts one record into the graph objects it produces. */
  convert: (record: T) => ConvertedRecord;
}

export interface CollectResult extends SearchSummary {
  /** Records that could not be converted, each logged with its ID. */
  skipped: number;
}

/** Maximum number of skipped records logged one by one; the rest are counted. */
const MAX_LOGGED_SKIPS = 20;

/**
 * Pages through a resource, converts each record and adds the graph objects
 * of each page to the job state in one call. A record that fails to
 * convert is logged with its ID and skipped, so it never fails its
 * neighbours. A missing right is published as a warning event that names
 * the right to grant, and then fails the step, so that the SDK marks the
 * step's types as partial.
 */
export async function collectResource<T extends { ID: number }>(
  options: CollectResourceOptions<T>,
): Promise<CollectResult> {
  const { context, resource } = options;
  const { logger } = context;
  let skipped = 0;
  let entities: Entity[] = [];
  let relationships: Relationship[] = [];

  const convertRecord = async (record: T): Promise<void> => {
    try {
      const converted = options.convert(record);
      entities.push(...converted.entities);
      relationships.push(...converted.relationships);
    } catch (err) {
      skipped++;
      if (skipped <= MAX_LOGGED_SKIPS) {
        logger.warn(
          { resource: resource.name, id: record.ID, err },
          `Skipped ${resource.name} record ${record.ID}: ${errorMessage(err)}`,
        );
      }
    }
    await Promise.resolve();
  };
  const addPage = async (): Promise<void> => {
    const page = { entities, relationships };
    entities = [];
    relationships = [];
    await context.jobState.addEntities(page.entities);
    await context.jobState.addRelationships(page.relationships);
  };

  let summary: SearchSummary;
  try {
    summary = await options.iterate(convertRecord, addPage);
  } catch (err) {
    if (err instanceof IntegrationProviderAuthorizationError) {
      logger.publishWarnEvent({
        name: IntegrationWarnEventName.MissingPermission,
        description: `The API key's role may not read ${
          resource.name
        } (403 at ${err.endpoint}). Grant the role "${
          resource.requiredRight
        }" to collect ${resource.resourceTypes.join(
          ', ',
        )}; the other resources are still collected.`,
      });
    }
    throw err;
  }

  const result: CollectResult = { ...summary, skipped };
  logger.info(
    {
      resource: resource.name,
      collected: summary.records - skipped,
      skipped,
      duplicates: summary.duplicates,
      invalid: summary.invalid,
      pages: summary.pages,
    },
    `Collected ${summary.records - skipped} ${resource.name}`,
  );
  if (skipped > MAX_LOGGED_SKIPS) {
    logger.warn(
      { resource: resource.name, skipped },
      `Skipped ${skipped} ${resource.name} records in all; the first ${MAX_LOGGED_SKIPS} are logged above`,
    );
  }
  return result;
}
