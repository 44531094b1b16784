import { IntegrationProviderAPIError } from '@jupiterone/integration-sdk-core';

import { DeepSecurityResource } from './resources';

/** A search page that contained no ID above the one the search requested. */
export interface StalledPage {
  page: number;
  /** The search requested IDs greater than this. */
  afterId: number;
  records: number;
  /** Records whose ID an earlier page had already contained. */
  repeated: number;
  withoutId: number;
  /** Records read before paging stopped. */
  collected: number;
}

/**
 * Builds the error that stops paging when a search page makes no progress.
 * Its status is `NO_PROGRESS`. The message names the endpoint, what the page
 * contained and how many records were read, so the user knows the list is cut.
 */
export function noProgressError(
  baseUrl: string,
  resource: DeepSecurityResource,
  stalled: StalledPage,
): IntegrationProviderAPIError {
  const outOfRange = stalled.records - stalled.repeated - stalled.withoutId;
  const contents = [
    stalled.repeated > 0 ? `${stalled.repeated} already read` : undefined,
    outOfRange > 0 ? `${outOfRange} with lower IDs not read before` : undefined,
    stalled.withoutId > 0
      ? `${stalled.withoutId} without an integer ID`
      : undefined,
  ].filter((part): part is string => part !== undefined);

  const endpoint = `POST ${baseUrl}${resource.path}/search`;
  return new IntegrationProviderAPIError({
    endpoint,
    status: 'NO_PROGRESS',
    statusText: `page ${stalled.page} holds no ID greater than ${stalled.afterId}`,
    message: `Deep Security ${
      resource.name
    } search ${endpoint} made no progress: page ${
      stalled.page
    } asked for IDs greater than ${stalled.afterId} but held none (${
      stalled.records
    } records: ${contents.join(', ')}). Paging stopped after ${
      stalled.collected
    } ${
      resource.name
    }, so the list may be incomplete. The manager, or a proxy or cache in front of it, answered with records other than the next page; run the collection again, and check for a caching proxy if this repeats.`,
  });
}
