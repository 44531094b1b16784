/**
 * The API's endpoints: matching a method and path to an operation, and
 * computing the operation's result from the tenant. Errors are raised as
 * ApiError. HTTP details such as faults and writing are in request-handler.ts.
 */

import { ApiError } from './api-error';
import { EXPAND_ALL, ExpandSelection, parseExpand } from './expand';
import { JsonObject } from './json';
import { indexOfId, RecordSource } from './record-source';
import {
  indicesInRange,
  parseSearchFilter,
  selectSearchPage,
  ALL_IDS,
} from './search-filter';
import { RESOURCES, Tenant } from './tenant';
import { RESOURCE_NAMES, ResourceName } from './types';

export type Route =
  | { operation: 'list' | 'search'; resource: ResourceName }
  | { operation: 'describe'; resource: 'computers'; id: string }
  | { operation: 'currentApiKey' };

export type RouteMatch =
  | { kind: 'matched'; route: Route }
  /** The path exists but not for this method. */
  | { kind: 'methodNotAllowed'; allowed: string[]; resource?: ResourceName }
  | { kind: 'notFound' };

/** Result of an operation that returns a list of records under a wrapper key. */
export interface ItemsResult {
  kind: 'items';
  resource: ResourceName;
  source: RecordSource;
  expand: ExpandSelection;
  /** Indices into `source`, in response order. */
  indices: Iterable<number>;
  count: number;
  /** True for search pages, which fault rules such as repeatPage refer to. */
  isSearch: boolean;
}

export interface ObjectResult {
  kind: 'object';
  status: number;
  body: JsonObject;
  headers?: Record<string, string>;
}

export type ApiResult = ItemsResult | ObjectResult;

export interface OperationInput {
  tenant: Tenant;
  forbidden: ReadonlySet<ResourceName>;
  /** Values of the `expand` query parameter, or undefined when it was absent. */
  expand: string[] | undefined;
  /** Checks and parses the search body. Called only after the 403 check. */
  readSearchBody: () => unknown;
}

function resourceForSegment(segment: string): ResourceName | undefined {
  return RESOURCE_NAMES.find(
    (resource) => RESOURCES[resource].segment === segment,
  );
}

/** Matches a method and a path relative to `/api`, for example `GET /computers/12`. */
export function matchRoute(method: string, apiPath: string): RouteMatch {
  const parts = apiPath.split('/').slice(1);
  const resource = resourceForSegment(parts[0] ?? '');
  if (resource === undefined) {
    return { kind: 'notFound' };
  }

  const expect = (allowedMethod: string, route: Route): RouteMatch =>
    method === allowedMethod
      ? { kind: 'matched', route }
      : { kind: 'methodNotAllowed', allowed: [allowedMethod], resource };

  if (parts.length === 1) {
    return expect('GET', { operation: 'list', resource });
  }
  if (parts.length !== 2) {
    return { kind: 'notFound' };
  }
  if (parts[1] === 'search') {
    return expect('POST', { operation: 'search', resource });
  }
  if (resource === 'apiKeys' && parts[1] === 'current') {
    return method === 'GET'
      ? { kind: 'matched', route: { operation: 'currentApiKey' } }
      : { kind: 'methodNotAllowed', allowed: ['GET'] };
  }
  if (resource === 'computers' && parts[1] !== '') {
    return expect('GET', { operation: 'describe', resource, id: parts[1] });
  }
  return { kind: 'notFound' };
}

export function routeResource(route: Route): ResourceName | undefined {
  return route.operation === 'currentApiKey' ? undefined : route.resource;
}

function assertAllowed(
  resource: ResourceName,
  forbidden: ReadonlySet<ResourceName>,
): void {
  if (forbidden.has(resource)) {
    throw new ApiError(
      403,
      `Not authorized to view ${RESOURCES[resource].forbiddenNoun}.`,
    );
  }
}

/** Resolves `expand` for the computer endpoints. Other endpoints ignore the parameter. */
function expandFor(
  resource: ResourceName,
  values: string[] | undefined,
): ExpandSelection {
  return resource === 'computers' ? parseExpand(values) : EXPAND_ALL;
}

/** Runs the route's operation. Raises ApiError for 400, 403 and 404 results. */
export function runOperation(route: Route, input: OperationInput): ApiResult {
  if (route.operation === 'currentApiKey') {
    return { kind: 'object', status: 200, body: input.tenant.currentApiKey() };
  }

  const { resource } = route;
  assertAllowed(resource, input.forbidden);
  const expand = expandFor(resource, input.expand);
  const source = input.tenant.source(resource);

  switch (route.operation) {
    case 'list':
      return {
        kind: 'items',
        resource,
        source,
        expand,
        indices: indicesInRange(source, ALL_IDS),
        count: source.size,
        isSearch: false,
      };

    case 'search': {
      const page = selectSearchPage(
        source,
        parseSearchFilter(input.readSearchBody()),
      );
      return {
        kind: 'items',
        resource,
        source,
        expand,
        indices: page,
        count: page.length,
        isSearch: true,
      };
    }

    case 'describe': {
      if (!/^\d+$/.test(route.id)) {
        throw new ApiError(
          400,
          `Invalid computer ID "${route.id}": expected a positive integer.`,
        );
      }
      const index = indexOfId(source, Number(route.id));
      if (index < 0) {
        throw new ApiError(404, 'The computer does not exist.');
      }
      return {
        kind: 'object',
        status: 200,
        body: source.recordAt(index, expand),
      };
    }
  }
}
