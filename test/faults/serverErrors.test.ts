import {
  collectIds,
  COUNTS,
  FaultSetup,
  faultedRequests,
  rejectionOf,
  startFaultSetup,
} from './faultServer';

describe('server errors', () => {
  let setup: FaultSetup | undefined;

  afterEach(async () => {
    await setup?.close();
    setup = undefined;
  });

  test('burst of 500, 502 and 503 recovers', async () => {
    setup = await startFaultSetup([
      { resource: 'computers', fault: { type: 'status', status: 500 } },
      {
        resource: 'computers',
        afterRequests: 1,
        fault: { type: 'status', status: 502 },
      },
      {
        resource: 'computers',
        afterRequests: 2,
        fault: { type: 'status', status: 503 },
      },
    ]);
    const { client } = setup;

    const ids = await collectIds((iteratee) =>
      client.iterateComputers(iteratee),
    );

    expect(ids).toHaveLength(COUNTS.computers);
    expect(new Set(ids).size).toBe(COUNTS.computers);
    expect(
      faultedRequests(setup.server.requests, 'status').map(
        (request) => request.status,
      ),
    ).toEqual([500, 502, 503]);
    expect(client.getStats().retries).toBe(3);
  });

  test('endless 503 fails after bounded attempts', async () => {
    setup = await startFaultSetup([
      {
        resource: 'computers',
        times: Infinity,
        fault: { type: 'status', status: 503 },
      },
    ]);
    const { client } = setup;

    const error = await rejectionOf(
      collectIds((iteratee) => client.iterateComputers(iteratee)),
    );

    expect(error.message).toContain(
      `POST ${setup.server.url}/computers/search`,
    );
    expect(error.message).toContain('503 Service Unavailable');
    expect(error.message).toContain('gave up after 5 attempts');
    expect(setup.server.requests).toHaveLength(5);
  });

  test('400 is not retried', async () => {
    setup = await startFaultSetup([
      {
        resource: 'computers',
        times: Infinity,
        fault: { type: 'status', status: 400 },
      },
    ]);
    const { client } = setup;

    const error = await rejectionOf(
      collectIds((iteratee) => client.iterateComputers(iteratee)),
    );

    expect(error.message).toContain('400 Bad Request');
    expect(setup.server.requests).toHaveLength(1);
  });
});
