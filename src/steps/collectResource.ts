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
 * convert is logged with its ID and skipped, so a conversion error never
 * fails the other records of the page. A missing right is published as a warning event that names
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
  // The job state writes one page to disk while the next one is converted.
  // Each write waits for the one before it, so pages stay in order, and
  // paging waits for the previous write, so at most two pages are in memory.
  let pendingWrite: Promise<void> = Promise.resolve();
  const writePage = async (
    page: ConvertedRecord,
    previousWrite: Promise<void>,
  ): Promise<void> => {
    await previousWrite;
    await context.jobState.addEntities(page.entities);
    await context.jobState.addRelationships(page.relationships);
  };
  const addPage = async (): Promise<void> => {
    const page = { entities, relationships };
    entities = [];
    relationships = [];
    const previousWrite = pendingWrite;
    pendingWrite = writePage(page, previousWrite);
    // A failed write is thrown by the await below or at the end of paging.
    pendingWrite.catch(() => undefined);
    await previousWrite;
  };

  let summary: SearchSummary;
  try {
    summary = await options.iterate(convertRecord, addPage);
    await pendingWrite;
  } catch (err) {
    // Pages read before the failure are still written before the step ends.
    await pendingWrite.catch(() => undefined);
    if (err instanceof IntegrationProviderAuthorizationError) {
      const description = `The API key's role may not read ${
        resource.name
      } (403 at ${err.endpoint}). Grant the role "${
        resource.requiredRight
      }" to collect ${resource.resourceTypes.join(
        ', ',
      )}; the other resources are still collected.`;
      // A local `collect` sends events nowhere, so the text is logged too.
      logger.warn(
        { resource: resource.name, endpoint: err.endpoint },
        description,
      );
      logger.publishWarnEvent({
        name: IntegrationWarnEventName.MissingPermission,
        description,
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
  // Skipped records do not fail the step, but they are missing from the
  // graph, so a warning event reports them in the job log.
  if (skipped + summary.invalid > 0) {
    logger.publishWarnEvent({
      name: IntegrationWarnEventName.MissingEntity,
      description: `${skipped + summary.invalid} ${
        resource.name
      } records could not be converted and are missing from the graph (${
        summary.invalid
      } without an integer ID); the log lists their IDs and reasons.`,
    });
  }
  return result;
}
