import { Steps } from '../../src/constants';
import { Fault, FaultRule } from '../../test/deep-security-server';

/** Outcome that a collection under a fault must end with. */
export type ExpectedOutcome =
  /** Every step succeeds and every record of the tenant is collected. */
  | { kind: 'recovered' }
  /** Only `step` fails, with a message naming `endpoint`, and every other resource is complete. */
  | { kind: 'fails'; step: string; endpoint: string };

export interface FaultScenario {
  name: string;
  /** Requests that get the fault, in words for the table. */
  target: string;
  faults: FaultRule[];
  expected: ExpectedOutcome;
  /** Serve the generated tenant with its odd records. */
  oddRecords?: boolean;
}

/**
 * The second computers search page. The tenant in faults.ts has 3 pages of
 * computers and an empty fourth.
 */
const SECOND_COMPUTER_PAGE = {
  resource: 'computers',
  afterRequests: 1,
} as const;

const ROLES_FAIL: ExpectedOutcome = {
  kind: 'fails',
  step: Steps.ADMINISTRATOR_ROLES,
  endpoint: '/roles/search',
};

const RECOVERED: ExpectedOutcome = { kind: 'recovered' };

/** Builds a fault on the second computers page that the next attempt gets past. */
function once(name: string, fault: Fault, times = 1): FaultScenario {
  return {
    name,
    target: `computers page 2, ${times === 1 ? 'once' : `${times} times`}`,
    faults: [{ ...SECOND_COMPUTER_PAGE, times, fault }],
    expected: RECOVERED,
  };
}

/** Builds a fault on every roles search, which no retry gets past. */
function endless(name: string, fault: Fault): FaultScenario {
  return {
    name,
    target: 'every roles search',
    faults: [{ resource: 'roles', times: Infinity, fault }],
    expected: ROLES_FAIL,
  };
}

function status(status: number, retryAfter?: string): Fault {
  return { type: 'status', status, retryAfter };
}

/**
 * Lists every fault the local server can inject, once where a retry recovers and
 * endlessly where it cannot. The HTTP date lies 10 minutes after the list
 * is built, far beyond the retry policy's cap during the whole run.
 */
export function buildScenarios(): FaultScenario[] {
  const httpDate = new Date(Date.now() + 10 * 60_000).toUTCString();

  return [
    { name: 'none', target: '-', faults: [], expected: RECOVERED },
    once('429, Retry-After in seconds', status(429, '2'), 2),
    once('429, Retry-After as HTTP date', status(429, httpDate), 2),
    once('429, absurd Retry-After', status(429, '31536000'), 2),
    once('429, no Retry-After', status(429), 2),
    endless('429, no Retry-After', status(429)),
    {
      name: '500, 502, 503 burst',
      target: 'computers page 2, one each',
      faults: [500, 502, 503].map(
        (code, index): FaultRule => ({
          resource: 'computers',
          afterRequests: 1 + index,
          fault: status(code),
        }),
      ),
      expected: RECOVERED,
    },
    endless('503', status(503)),
    once('connection reset', { type: 'reset' }, 2),
    endless('connection reset', { type: 'reset' }),
    once('no response', { type: 'hang' }),
    endless('no response', { type: 'hang' }),
    once('body stalls', { type: 'stallBody' }),
    endless('body stalls', { type: 'stallBody' }),
    once('body cut short', { type: 'truncateBody' }),
    endless('body cut short', { type: 'truncateBody' }),
    once('200 with HTML', { type: 'html' }),
    endless('200 with HTML', { type: 'html' }),
    once('200 with invalid JSON', { type: 'invalidJson' }),
    endless('200 with invalid JSON', { type: 'invalidJson' }),
    once('200 with empty body', { type: 'emptyBody' }),
    endless('200 with empty body', { type: 'emptyBody' }),
    once('wrapper missing', { type: 'wrapper', variant: 'missing' }),
    endless('wrapper missing', { type: 'wrapper', variant: 'missing' }),
    once('wrapper null', { type: 'wrapper', variant: 'null' }),
    endless('wrapper null', { type: 'wrapper', variant: 'null' }),
    once('wrapper renamed', { type: 'wrapper', variant: 'renamed' }),
    endless('wrapper renamed', { type: 'wrapper', variant: 'renamed' }),
    once('bare array', { type: 'wrapper', variant: 'bareArray' }),
    endless('bare array', { type: 'wrapper', variant: 'bareArray' }),
    {
      name: 'duplicate IDs across pages',
      target: 'computers pages 1 to 3',
      faults: [
        { resource: 'computers', times: 3, fault: { type: 'duplicateIds' } },
      ],
      expected: RECOVERED,
    },
    {
      name: 'page repeats the previous one',
      target: 'computers page 3',
      faults: [
        {
          resource: 'computers',
          afterRequests: 2,
          fault: { type: 'repeatPage' },
        },
      ],
      expected: {
        kind: 'fails',
        step: Steps.COMPUTERS,
        endpoint: '/computers/search',
      },
    },
    {
      name: 'IDs out of order',
      target: 'every computers page',
      faults: [
        {
          resource: 'computers',
          times: Infinity,
          fault: { type: 'outOfOrder' },
        },
      ],
      expected: RECOVERED,
    },
    {
      name: 'odd records',
      target: 'tenant with odd records',
      faults: [],
      expected: RECOVERED,
      oddRecords: true,
    },
  ];
}
