import {
  collectIds,
  COUNTS,
  FaultSetup,
  faultedRequests,
  rejectionOf,
  startFaultSetup,
} from './faultServer';

/** The Retry-After cap for these tests, in ms. */
const CAP_MS = 50;

describe('429 rate limiting', () => {
  let setup: FaultSetup | undefined;

  afterEach(async () => {
    await setup?.close();
    setup = undefined;
  });

  async function collectRolesUnder(retryAfter: string | undefined) {
    setup = await startFaultSetup(
      [
        {
          resource: 'roles',
          times: 2,
          fault: { type: 'status', status: 429, retryAfter },
        },
      ],
      { retryAfterCapMs: CAP_MS },
    );
    const { client } = setup;
    const started = Date.now();
    const ids = await collectIds((iteratee) =>
      client.iterateAdministratorRoles(iteratee),
    );
    return { setup, ids, elapsedMs: Date.now() - started };
  }

  test('Retry-After in seconds waits up to the cap', async () => {
    const { setup, ids, elapsedMs } = await collectRolesUnder('1');

    expect(ids).toHaveLength(COUNTS.roles);
    expect(new Set(ids).size).toBe(COUNTS.roles);
    expect(faultedRequests(setup.server.requests, 'status')).toHaveLength(2);
    expect(setup.client.getStats().retries).toBe(2);
    expect(setup.retryDelays).toEqual([CAP_MS, CAP_MS]);
    expect(elapsedMs).toBeGreaterThanOrEqual(2 * CAP_MS);
  });

  test('Retry-After as an HTTP date', async () => {
    const inTwoSeconds = new Date(Date.now() + 2_000).toUTCString();

    const { setup, ids } = await collectRolesUnder(inTwoSeconds);

    expect(ids).toHaveLength(COUNTS.roles);
    // The date lies 1 to 2 s ahead, so the wait is the cap, not the 5 ms
    // backoff that an unread header would give.
    expect(setup.retryDelays).toEqual([CAP_MS, CAP_MS]);
  });

  test('absurd Retry-After waits only the cap', async () => {
    const { setup, ids, elapsedMs } = await collectRolesUnder('99999999999');

    expect(ids).toHaveLength(COUNTS.roles);
    expect(setup.retryDelays).toEqual([CAP_MS, CAP_MS]);
    expect(elapsedMs).toBeLessThan(1_000);
  });

  test('missing Retry-After backs off exponentially', async () => {
    const { setup, ids } = await collectRolesUnder(undefined);

    expect(ids).toHaveLength(COUNTS.roles);
    expect(setup.retryDelays).toHaveLength(2);
    // Jittered between half and all of 5 ms, then of 10 ms.
    expect(setup.retryDelays[0]).toBeGreaterThanOrEqual(2);
    expect(setup.retryDelays[0]).toBeLessThanOrEqual(5);
    expect(setup.retryDelays[1]).toBeGreaterThanOrEqual(5);
    expect(setup.retryDelays[1]).toBeLessThanOrEqual(10);
  });

  test('unreadable Retry-After falls back to backoff', async () => {
    const { setup, ids } = await collectRolesUnder('1.5');

    expect(ids).toHaveLength(COUNTS.roles);
    // V8 reads "1.5" as a date in 2001, which would mean no wait at all.
    expect(setup.retryDelays).toHaveLength(2);
    expect(Math.min(...setup.retryDelays)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...setup.retryDelays)).toBeLessThanOrEqual(10);
  });

  test('endless 429 fails naming the status', async () => {
    setup = await startFaultSetup([
      {
        resource: 'roles',
        times: Infinity,
        fault: { type: 'status', status: 429, retryAfter: '1' },
      },
    ]);
    const { client } = setup;

    const error = await rejectionOf(
      collectIds((iteratee) => client.iterateAdministratorRoles(iteratee)),
    );

    expect(error.message).toContain(`POST ${setup.server.url}/roles/search`);
    expect(error.message).toContain('429 Too Many Requests');
    expect(error.message).toContain('Too many API requests');
    expect(error.message).toContain('gave up after 5 attempts');
    expect(setup.server.requests).toHaveLength(5);
  });
});
