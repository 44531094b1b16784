/**
 * The data a server instance serves, and the per-resource facts of the API:
 * URL segment, list wrapper key and the text of the 403 message.
 */

import { JsonObject } from './json';
import { RecordSource } from './record-source';
import { ResourceName } from './types';

export interface Tenant {
  source(resource: ResourceName): RecordSource;
  /** Record returned by `GET /apikeys/current`. */
  currentApiKey(): JsonObject;
}

export interface ResourceDescription {
  /** Path segment after `/api/`, which is also the file name stem in a tenant folder. */
  segment: string;
  /** Key of the list in `{"<wrapper>": […]}` responses. */
  wrapper: string;
  /** Object named in `Not authorized to view <noun>.` */
  forbiddenNoun: string;
}

export const RESOURCES: Record<ResourceName, ResourceDescription> = {
  administrators: {
    segment: 'administrators',
    wrapper: 'administrators',
    forbiddenNoun: 'administrators',
  },
  roles: {
    segment: 'roles',
    wrapper: 'roles',
    forbiddenNoun: 'administrator roles',
  },
  apiKeys: {
    segment: 'apikeys',
    wrapper: 'apiKeys',
    forbiddenNoun: 'API keys',
  },
  computers: {
    segment: 'computers',
    wrapper: 'computers',
    forbiddenNoun: 'computers',
  },
  computerGroups: {
    segment: 'computergroups',
    wrapper: 'computerGroups',
    forbiddenNoun: 'computer groups',
  },
};

/** Returns the tenant number embedded in a role URN such as `urn:tmds:identity:us-east-ds-1:78422:role/Full Access`. */
export function tenantIdFromRoleUrn(urn: unknown): number | undefined {
  if (typeof urn !== 'string') {
    return undefined;
  }
  const match = /^urn:tmds:identity:[^:]*:(\d+):/.exec(urn);
  return match ? Number(match[1]) : undefined;
}
