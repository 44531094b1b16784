import { IntegrationLogger } from '@jupiterone/integration-sdk-core';

import { noProgressError } from './noProgressError';
import { BodyRecordList, ParsedRecordList, RecordList } from './recordList';
import { DeepSecurityResource } from './resources';
import { DeepSecurityTransport } from './transport';
import { findWrapperProblem, hasIntegerId, readWrapper } from './wrapper';

export interface SearchSummary {
  pages: number;
  /** Records handed to the iteratee, each ID once. */
  records: number;
  /** Records skipped because their ID had already been seen. */
  duplicates: number;
  /** Records skipped because they had no integer `ID`. */
  invalid: number;
}

/** Maximum number of repeated IDs and ID-less records logged one by one. */
const MAX_LOGGED_RECORDS = 20;

/**
 * Reads every record of a resource through `POST /<resource>/search`, in
 * ascending ID order, one page at a time. Each page requests IDs greater
 * than the highest ID seen so far.
 *
 * Paging ends only at an empty page, not at a short one, because a manager
 * may cap `maxItems` below what was asked and a short page would then hide
 * the rest. A page that does not move the highest ID forward stops the loop
 * with an error instead of repeating forever.
 */
export async function searchPages<T extends { ID: number }>(
  transport: DeepSecurityTransport,
  resource: DeepSecurityResource,
  logger: IntegrationLogger,
  iteratee: (record: T) => Promise<void>,
): Promise<SearchSummary> {
  const summary: SearchSummary = {
    pages: 0,
    records: 0,
    duplicates: 0,
    invalid: 0,
  };
  const seenIds = new Set<number>();
  const duplicateIds: number[] = [];
  const query: Array<[string, string]> = (resource.expand ?? []).map(
    (value) => ['expand', value],
  );
  const requestPageAfter = (afterId: number): Promise<RecordList> => {
    const page = transport.request({
      method: 'POST',
      path: `${resource.path}/search`,
      query,
      body: {
        maxItems: resource.pageSize,
        searchCriteria: [{ idValue: afterId, idTest: 'greater-than' }],
        sortByObjectID: true,
      },
      requiredRight: resource.requiredRight,
      resourceTypes: resource.resourceTypes,
      listProperty: resource.wrapper,
      findBodyProblem: (body) =>
        body instanceof BodyRecordList
          ? undefined
          : findWrapperProblem(body, resource.wrapper),
    });
    const records = page.then((body) =>
      body instanceof BodyRecordList
        ? body
        : new ParsedRecordList(readWrapper(body, resource.wrapper)),
    );
    // Awaited on the next turn of the loop. Until then a rejection must not
    // count as unhandled, and if the iteratee fails first it is dropped.
    records.catch(() => undefined);
    return records;
  };

  let lastId = 0;
  let nextPage = requestPageAfter(lastId);
  for (;;) {
    const records = await nextPage;
    if (records.length === 0) {
      break;
    }
    summary.pages++;

    let highestId = lastId;
    for (let index = 0; index < records.length; index++) {
      highestId = Math.max(highestId, records.idAt(index) ?? highestId);
    }
    // The next page starts after the highest ID of this one, so it can be
    // on its way while this page is converted and written.
    if (highestId > lastId) {
      nextPage = requestPageAfter(highestId);
    }

    const readBefore = {
      duplicates: summary.duplicates,
      invalid: summary.invalid,
    };
    for (let index = 0; index < records.length; index++) {
      const record = records.recordAt(index);
      if (!hasIntegerId(record)) {
        summary.invalid++;
        if (summary.invalid <= MAX_LOGGED_RECORDS) {
          logger.warn(
            { resource: resource.name, page: summary.pages },
            `Skipped a ${resource.name} record without an integer ID on page ${summary.pages}`,
          );
        }
        continue;
      }
      if (seenIds.has(record.ID)) {
        summary.duplicates++;
        if (duplicateIds.length < MAX_LOGGED_RECORDS) {
          duplicateIds.push(record.ID);
        }
        continue;
      }
      seenIds.add(record.ID);
      summary.records++;
      // Only the ID is checked here. The other fields are all optional in
      // T, and converters check the type of each one they read.
      await iteratee(record as T);
    }

    if (highestId <= lastId) {
      throw noProgressError(transport.baseUrl, resource, {
        page: summary.pages,
        afterId: lastId,
        records: records.length,
        repeated: summary.duplicates - readBefore.duplicates,
        withoutId: summary.invalid - readBefore.invalid,
        collected: summary.records,
      });
    }
    lastId = highestId;

    logger.info(
      {
        resource: resource.name,
        page: summary.pages,
        pageRecords: records.length,
        collected: summary.records,
      },
      `${resource.name}: ${summary.records.toLocaleString('en-US')} collected`,
    );
  }

  if (summary.duplicates > 0) {
    const more = summary.duplicates > duplicateIds.length ? ', …' : '';
    logger.warn(
      {
        resource: resource.name,
        duplicates: summary.duplicates,
        duplicateIds,
      },
      `${resource.name}: skipped ${
        summary.duplicates
      } records whose ID had already been read (IDs ${duplicateIds.join(
        ', ',
      )}${more}); each ID was read once`,
    );
  }
  if (summary.invalid > 0) {
    logger.warn(
      { resource: resource.name, invalid: summary.invalid },
      `${resource.name}: skipped ${summary.invalid} records without an integer ID`,
    );
  }
  return summary;
}
