import fetch from 'node-fetch';

import { Resources } from '../../src/deep-security/resources';
import { searchPages } from '../../src/deep-security/searchPages';
import { Fault } from '../deep-security-server';
import {
  API_KEY,
  collectIds,
  COUNTS,
  FaultSetup,
  faultedRequests,
  rejectionOf,
  startFaultSetup,
} from './faultServer';

/** Computers in pages of 10, so that the tenant's 45 take 5 pages. */
const SMALL_PAGES = { ...Resources.computers, pageSize: 10 };

const UNREADABLE_BODIES: Array<[string, Fault, RegExp]> = [
  [
    'HTML page',
    { type: 'html' },
    /200 with a text\/html; charset=utf-8 body instead of JSON \(parse error at byte 0 of \d+\)\. The body starts with "<!DOCTYPE html> <html><head><title>Sign In - Deep Security/,
  ],
  [
    'invalid JSON',
    { type: 'invalidJson' },
    /200 with invalid JSON \(parse error at byte \d+ of \d+: unexpected ","\)/,
  ],
  [
    'empty body',
    { type: 'emptyBody' },
    /200 with an empty body instead of JSON/,
  ],
  [
    'missing wrapper',
    { type: 'wrapper', variant: 'missing' },
    /the response has no "computers" property \(it has no properties\)/,
  ],
  [
    'null wrapper',
    { type: 'wrapper', variant: 'null' },
    /the "computers" property is null, not an array/,
  ],
  [
    'renamed wrapper',
    { type: 'wrapper', variant: 'renamed' },
    /the response has no "computers" property \(it has "computer"\)/,
  ],
  [
    'bare array',
    { type: 'wrapper', variant: 'bareArray' },
    /the response is a bare JSON array, not an object with a "computers" array/,
  ],
];

describe('unreadable response bodies', () => {
  let setup: FaultSetup | undefined;

  afterEach(async () => {
    await setup?.close();
    setup = undefined;
  });

  test.each(UNREADABLE_BODIES)('one %s is retried', async (_name, fault) => {
    setup = await startFaultSetup([
      { resource: 'computers', afterRequests: 2, fault },
    ]);
    const { transport, logger } = setup;

    const ids = await collectIds((iteratee) =>
      searchPages(transport, SMALL_PAGES, logger, iteratee),
    );

    expect(ids).toHaveLength(COUNTS.computers);
    expect(new Set(ids).size).toBe(COUNTS.computers);
    expect(faultedRequests(setup.server.requests, fault.type)).toHaveLength(1);
    expect(transport.getStats().retries).toBe(1);
  });

  test.each(UNREADABLE_BODIES)(
    'endless %s is no last page',
    async (_name, fault, cause) => {
      setup = await startFaultSetup([
        { resource: 'computers', afterRequests: 2, times: Infinity, fault },
      ]);
      const { transport, logger } = setup;
      const ids: number[] = [];

      const error = await rejectionOf(
        searchPages(transport, SMALL_PAGES, logger, (record) => {
          ids.push(record.ID);
          return Promise.resolve();
        }),
      );

      // Pages 1 and 2 were read; page 3 failed instead of ending the list.
      expect(ids).toHaveLength(20);
      expect(error.message).toContain(
        `POST ${setup.server.url}/computers/search`,
      );
      expect(error.message).toMatch(cause);
      expect(error.message).toContain('gave up after 5 attempts');
    },
  );

  test('invalid JSON error names the exact byte', async () => {
    setup = await startFaultSetup([
      { resource: 'roles', times: Infinity, fault: { type: 'invalidJson' } },
    ]);
    const { client } = setup;

    const error = await rejectionOf(
      collectIds((iteratee) => client.iterateAdministratorRoles(iteratee)),
    );
    const raw = await fetchRolesPage(setup.server.url);
    // The fault inserts `{"ID":` with no value, so the comma after it is
    // the first byte that cannot be JSON.
    const byte = Buffer.byteLength(
      raw.slice(0, raw.indexOf('{"ID":,') + '{"ID":'.length),
    );

    expect(byte).toBeGreaterThan(0);
    expect(error.message).toContain(
      `parse error at byte ${byte} of ${Buffer.byteLength(
        raw,
      )}: unexpected ","`,
    );
  });
});

/** Fetches the first roles search page the way the client asks for it. */
async function fetchRolesPage(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/roles/search`, {
    method: 'POST',
    headers: {
      'api-secret-key': API_KEY,
      'api-version': 'v1',
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({
      maxItems: Resources.roles.pageSize,
      searchCriteria: [{ idValue: 0, idTest: 'greater-than' }],
      sortByObjectID: true,
    }),
  });
  return response.text();
}
