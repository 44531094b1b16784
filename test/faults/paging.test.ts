import { IntegrationProviderAPIError } from '@jupiterone/integration-sdk-core';

import { Resources } from '../../src/deep-security/resources';
import { searchPages } from '../../src/deep-security/searchPages';
import { FaultRule } from '../deep-security-server';
import {
  COUNTS,
  FaultSetup,
  faultedRequests,
  rejectionOf,
  startFaultSetup,
} from './faultServer';

/** Computers in pages of 10, so that the tenant's 45 take 5 pages. */
const SMALL_PAGES = { ...Resources.computers, pageSize: 10 };

describe('paging faults', () => {
  let setup: FaultSetup | undefined;

  afterEach(async () => {
    await setup?.close();
    setup = undefined;
  });

  async function searchComputersUnder(faults: FaultRule[]) {
    setup = await startFaultSetup(faults);
    const { transport, logger } = setup;
    const ids: number[] = [];
    const summary = searchPages(transport, SMALL_PAGES, logger, (record) => {
      ids.push(record.ID);
      return Promise.resolve();
    });
    return { setup, ids, summary };
  }

  test('duplicate IDs across pages count once', async () => {
    const { setup, ids, summary } = await searchComputersUnder([
      {
        resource: 'computers',
        afterRequests: 1,
        times: 3,
        fault: { type: 'duplicateIds' },
      },
    ]);

    const result = await summary;

    expect(ids).toHaveLength(COUNTS.computers);
    expect(new Set(ids).size).toBe(COUNTS.computers);
    // Pages 2, 3 and 4 each start with the last 3 records of the page before.
    expect(result.duplicates).toBe(9);
    expect(result.records).toBe(COUNTS.computers);
    expect(
      setup.warnings.filter((message) =>
        message.includes('skipped 9 records whose ID had already been read'),
      ),
    ).toHaveLength(1);
  });

  test('duplicates within one page count once', async () => {
    const { ids, summary } = await searchComputersUnder([
      { resource: 'computers', fault: { type: 'duplicateIds' } },
    ]);

    const result = await summary;

    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(COUNTS.computers);
    expect(result.duplicates).toBe(3);
  });

  test('repeated page stops with an error', async () => {
    const { setup, ids, summary } = await searchComputersUnder([
      {
        resource: 'computers',
        afterRequests: 2,
        fault: { type: 'repeatPage' },
      },
    ]);

    const error = await rejectionOf(summary);

    expect(error).toBeInstanceOf(IntegrationProviderAPIError);
    expect(error.message).toContain(
      `computers search POST ${setup.server.url}/computers/search made no progress: page 3 asked for IDs greater than`,
    );
    expect(error.message).toContain('(10 records: 10 already read)');
    expect(error.message).toContain('Paging stopped after 20 computers');
    expect(error).toMatchObject({
      endpoint: `POST ${setup.server.url}/computers/search`,
      status: 'NO_PROGRESS',
    });
    expect(ids).toHaveLength(20);
    // No fourth page is asked for once a page makes no progress.
    expect(setup.server.requests).toHaveLength(3);
  });

  test('page of only old IDs stops with an error', async () => {
    // The last search returns the tail of page 5 instead of nothing,
    // so it is unknowable whether more computers exist.
    const { ids, summary } = await searchComputersUnder([
      {
        resource: 'computers',
        afterRequests: 5,
        fault: { type: 'duplicateIds' },
      },
    ]);

    const error = await rejectionOf(summary);

    expect(error.message).toContain('(3 records: 3 already read)');
    expect(ids).toHaveLength(COUNTS.computers);
  });

  test('IDs out of order are all read', async () => {
    const { setup, ids, summary } = await searchComputersUnder([
      {
        resource: 'computers',
        times: Infinity,
        fault: { type: 'outOfOrder' },
      },
    ]);

    const result = await summary;
    const sorted = [...ids].sort((a, b) => a - b);

    expect(ids).toHaveLength(COUNTS.computers);
    expect(new Set(ids).size).toBe(COUNTS.computers);
    expect(ids).not.toEqual(sorted);
    expect(result.duplicates).toBe(0);
    expect(result.pages).toBe(5);
    expect(
      faultedRequests(setup.server.requests, 'outOfOrder').length,
    ).toBeGreaterThanOrEqual(5);
  });
});
