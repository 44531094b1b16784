/**
 * Matching of fault rules to requests. Each rule counts the requests it
 * matches. It applies from match number `afterRequests + 1` on, for `times`
 * requests. When several rules apply to one request, the first one in list
 * order wins, and only that rule uses up one of its `times`.
 */

import { Fault, FaultRule, ResourceName } from './types';

interface RuleState {
  rule: FaultRule;
  matched: number;
  applied: number;
}

const REDIRECT_STATUSES = [301, 302, 307, 308];

/** Strips an `/api` prefix so that rules may name either `/apikeys/current` or `/api/apikeys/current`. */
function normalizeRulePath(path: string): string {
  return path.startsWith('/api/') ? path.slice('/api'.length) : path;
}

function validateRule(rule: FaultRule, position: number): void {
  const label = `Invalid fault rule ${position}`;
  const afterRequests = rule.afterRequests ?? 0;
  if (!Number.isInteger(afterRequests) || afterRequests < 0) {
    throw new Error(
      `${label}: afterRequests must be a non-negative integer, got ${afterRequests}.`,
    );
  }

  const times = rule.times ?? 1;
  if (times !== Infinity && (!Number.isInteger(times) || times < 0)) {
    throw new Error(
      `${label}: times must be a non-negative integer or Infinity, got ${times}.`,
    );
  }

  const fault = rule.fault;
  if (
    fault.type === 'status' &&
    (!Number.isInteger(fault.status) ||
      fault.status < 100 ||
      fault.status > 599)
  ) {
    throw new Error(
      `${label}: status must be an HTTP status from 100 to 599, got ${fault.status}.`,
    );
  }
  if (
    fault.type === 'redirect' &&
    fault.status !== undefined &&
    !REDIRECT_STATUSES.includes(fault.status)
  ) {
    throw new Error(
      `${label}: redirect status must be one of ${REDIRECT_STATUSES.join(
        ', ',
      )}.`,
    );
  }
}

export class FaultRules {
  private states: RuleState[] = [];

  /** Replaces all rules and resets their counters. Raises an error naming the first invalid rule. */
  replace(rules: readonly FaultRule[]): void {
    rules.forEach(validateRule);
    this.states = rules.map((rule) => ({ rule, matched: 0, applied: 0 }));
  }

  /**
   * Counts the request against every matching rule and returns the fault to
   * apply, if any. `path` is the request path after `/api`, without a query.
   */
  take(resource: ResourceName | undefined, path: string): Fault | undefined {
    let chosen: RuleState | undefined;
    for (const state of this.states) {
      const { rule } = state;
      const resourceMatches =
        rule.resource === undefined || rule.resource === resource;
      const pathMatches =
        rule.path === undefined || normalizeRulePath(rule.path) === path;
      if (!resourceMatches || !pathMatches) {
        continue;
      }

      state.matched += 1;
      const due = state.matched > (rule.afterRequests ?? 0);
      const remaining = state.applied < (rule.times ?? 1);
      if (chosen === undefined && due && remaining) {
        chosen = state;
      }
    }

    if (chosen === undefined) {
      return undefined;
    }
    chosen.applied += 1;
    return chosen.rule.fault;
  }
}
