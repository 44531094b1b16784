import { Fault } from '../deep-security-server';
import {
  collectIds,
  COUNTS,
  FAST_RETRY_POLICY,
  FaultSetup,
  faultedRequests,
  rejectionOf,
  startFaultSetup,
} from './faultServer';

describe('connection faults', () => {
  let setup: FaultSetup | undefined;

  afterEach(async () => {
    await setup?.close();
    setup = undefined;
  });

  async function collectApiKeysUnder(fault: Fault, times: number) {
    // Endless timeouts get shorter attempts, to keep the test fast.
    setup = await startFaultSetup(
      [{ resource: 'apiKeys', times, fault }],
      times === Infinity ? { attemptTimeoutMs: 100 } : {},
    );
    const { client } = setup;
    const started = Date.now();
    const result = collectIds((iteratee) => client.iterateApiKeys(iteratee));
    return { setup, result, started };
  }

  test('connection reset recovers', async () => {
    const { setup, result } = await collectApiKeysUnder({ type: 'reset' }, 2);

    const ids = await result;

    expect(ids).toHaveLength(COUNTS.apiKeys);
    expect(faultedRequests(setup.server.requests, 'reset')).toHaveLength(2);
    expect(setup.client.getStats().retries).toBe(2);
  });

  test('endless reset names ECONNRESET', async () => {
    const { setup, result } = await collectApiKeysUnder(
      { type: 'reset' },
      Infinity,
    );

    const error = await rejectionOf(result);

    expect(error.message).toContain(`POST ${setup.server.url}/apikeys/search`);
    expect(error.message).toContain('ECONNRESET');
    expect(error.message).toContain('gave up after 5 attempts');
  });

  test('unanswered request times out and recovers', async () => {
    const { setup, result, started } = await collectApiKeysUnder(
      { type: 'hang' },
      1,
    );

    const ids = await result;

    expect(ids).toHaveLength(COUNTS.apiKeys);
    expect(faultedRequests(setup.server.requests, 'hang')).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(
      FAST_RETRY_POLICY.attemptTimeoutMs,
    );
    expect(setup.warnings[0]).toContain('no status line or headers arrived');
  });

  test('endless hang names the timeout', async () => {
    const { setup, result } = await collectApiKeysUnder(
      { type: 'hang' },
      Infinity,
    );

    const error = await rejectionOf(result);

    expect(error.message).toContain(`POST ${setup.server.url}/apikeys/search`);
    expect(error.message).toContain(
      'within 100 ms: no status line or headers arrived',
    );
    expect(faultedRequests(setup.server.requests, 'hang')).toHaveLength(5);
  });

  test('stalled body times out and recovers', async () => {
    const { setup, result } = await collectApiKeysUnder(
      { type: 'stallBody' },
      1,
    );

    const ids = await result;

    expect(ids).toHaveLength(COUNTS.apiKeys);
    expect(setup.warnings[0]).toMatch(
      /the headers \(status 200\) arrived, then the body stalled after \d+ of \d+ body bytes/,
    );
  });

  test('endless stalled body names the bytes', async () => {
    const { setup, result } = await collectApiKeysUnder(
      { type: 'stallBody' },
      Infinity,
    );

    const error = await rejectionOf(result);
    const sent = faultedRequests(setup.server.requests, 'stallBody');

    expect(sent).toHaveLength(5);
    expect(error.message).toMatch(
      new RegExp(
        `within 100 ms: the headers \\(status 200\\) arrived, then the body stalled after ${sent[4].bytesSent} of \\d+ body bytes`,
      ),
    );
  });

  test('cut-short body is noticed before the timeout', async () => {
    const { setup, result, started } = await collectApiKeysUnder(
      { type: 'truncateBody' },
      2,
    );

    const ids = await result;

    expect(ids).toHaveLength(COUNTS.apiKeys);
    expect(faultedRequests(setup.server.requests, 'truncateBody')).toHaveLength(
      2,
    );
    // node-fetch alone would wait for the attempt timeout twice.
    expect(Date.now() - started).toBeLessThan(
      2 * FAST_RETRY_POLICY.attemptTimeoutMs,
    );
    expect(setup.warnings[0]).toContain('the connection closed after');
  });

  test('endless cut-short body names the bytes', async () => {
    const { setup, result } = await collectApiKeysUnder(
      { type: 'truncateBody' },
      Infinity,
    );

    const error = await rejectionOf(result);
    const [first] = faultedRequests(setup.server.requests, 'truncateBody');

    expect(error.message).toContain(`POST ${setup.server.url}/apikeys/search`);
    expect(error.message).toMatch(
      new RegExp(
        `the connection closed after ${first.bytesSent} of \\d+ body bytes of the 200 response`,
      ),
    );
    expect(error.message).toContain('gave up after 5 attempts');
  });
});

describe('time limits', () => {
  let setup: FaultSetup | undefined;

  afterEach(async () => {
    await setup?.close();
    setup = undefined;
  });

  test('total time bounds an endless hang', async () => {
    setup = await startFaultSetup(
      [{ resource: 'apiKeys', times: Infinity, fault: { type: 'hang' } }],
      { maxAttempts: 50, attemptTimeoutMs: 150, totalTimeoutMs: 500 },
    );
    const { client } = setup;
    const started = Date.now();

    const error = await rejectionOf(
      collectIds((iteratee) => client.iterateApiKeys(iteratee)),
    );

    expect(Date.now() - started).toBeLessThan(800);
    expect(error.message).toContain(
      'would exceed the limit of 500 ms for the whole request',
    );
    expect(setup.server.requests.length).toBeLessThan(5);
  });
});
