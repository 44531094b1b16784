import {
  Entity,
  IntegrationProviderAuthorizationError,
  IntegrationStepExecutionContext,
  IntegrationWarnEventName,
  Relationship,
} from '@jupiterone/integration-sdk-core';

import { IntegrationConfig } from '../config/fields';
import { Iteratee } from '../deep-security/client';
import { DeepSecurityResource } from '../deep-security/resources';
import { SearchSummary } from '../deep-security/searchPages';
import { errorMessage } from '../util/errorMessage';
import { GraphObjectWriter } from './graphObjectWriter';

/** The graph objects converted from one API record. */
export interface ConvertedRecord {
  entities: Entity[];
  relationships: Relationship[];
}

export interface CollectResourceOptions<T extends { ID: number }> {
  context: IntegrationStepExecutionContext<IntegrationConfig>;
  resource: DeepSecurityResource;
  iterate: (iteratee: Iteratee<T>) => Promise<SearchSummary>;
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
 * Pages through a resource, converts each record and hands the graph objects
 * to a `GraphObjectWriter`, which writes them while paging goes on. A record
 * that fails to convert is logged with its ID and skipped, so a conversion
 * error never fails the other records of the page. A missing right is
 * published as a warning event that names the right to grant, and then fails
 * the step, so that the SDK marks the step's types as partial.
 */
export async function collectResource<T extends { ID: number }>(
  options: CollectResourceOptions<T>,
): Promise<CollectResult> {
  const { context, resource } = options;
  const { logger } = context;
  let skipped = 0;
  const writer = new GraphObjectWriter(context.jobState);

  const convertRecord = async (record: T): Promise<void> => {
    let converted: ConvertedRecord;
    try {
      converted = options.convert(record);
    } catch (err) {
      skipped++;
      if (skipped <= MAX_LOGGED_SKIPS) {
        logger.warn(
          { resource: resource.name, id: record.ID, err },
          `Skipped ${resource.name} record ${record.ID}: ${errorMessage(err)}`,
        );
      }
      return;
    }
    await writer.add(converted.entities, converted.relationships);
  };

  let summary: SearchSummary;
  try {
    summary = await options.iterate(convertRecord);
    await writer.flush();
  } catch (err) {
    // Records read before the failure are still written before the step
    // ends, unless writing was what failed.
    await writer.flush().catch(() => writer.settle());
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
