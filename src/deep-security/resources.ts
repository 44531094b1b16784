import { Entities } from '../constants';
import { PROTECTION_MODULES } from './types';

/**
 * A Deep Security resource that the collector pages through with
 * `POST /<path>/search`.
 */
export interface DeepSecurityResource {
  /** Name used in logs, for example `computers`. */
  name: string;
  path: string;
  /** Property of the response object that contains the records. */
  wrapper: string;
  /** Records per search page. The API's documented default and our maximum is 5000. */
  pageSize: number;
  /** The console right a read-only key's role needs to read this resource. */
  requiredRight: string;
  /** Entity types left unread when the right is missing. */
  resourceTypes: readonly string[];
  /** `expand` values, sent only for computers. */
  expand?: readonly string[];
}

export const MAX_PAGE_SIZE = 5000;

export const Resources = {
  administrators: {
    name: 'administrators',
    path: '/administrators',
    wrapper: 'administrators',
    pageSize: 1000,
    requiredRight:
      'User and API Key Rights: Can View administrators (role field rights.platformRights.administratorRights.canViewAdministrators)',
    resourceTypes: [Entities.ADMINISTRATOR._type],
  },
  roles: {
    name: 'administrator roles',
    path: '/roles',
    wrapper: 'roles',
    pageSize: 1000,
    requiredRight:
      'User and API Key Rights: Can View roles (role field rights.platformRights.administratorRoleRights.canViewAdministratorRoles)',
    resourceTypes: [Entities.ADMINISTRATOR_ROLE._type],
  },
  apiKeys: {
    name: 'API keys',
    path: '/apikeys',
    wrapper: 'apiKeys',
    pageSize: 1000,
    requiredRight:
      'User and API Key Rights: Can View API keys (role field rights.platformRights.apikeyRights.canViewApiKeys)',
    resourceTypes: [Entities.API_KEY._type],
  },
  computerGroups: {
    name: 'computer groups',
    path: '/computergroups',
    wrapper: 'computerGroups',
    pageSize: 5000,
    requiredRight:
      'Computer Rights: View, for all computers or the computers and groups in scope (role fields allComputers or computerGroupIDs)',
    resourceTypes: [Entities.COMPUTER_GROUP._type],
  },
  computers: {
    name: 'computers',
    path: '/computers',
    wrapper: 'computers',
    pageSize: 2000,
    requiredRight:
      'Computer Rights: View, for all computers or the computers and groups in scope (role fields allComputers or computerGroupIDs)',
    resourceTypes: [Entities.COMPUTER._type, Entities.AGENT._type],
    // Only what the converters read. Leaving `expand` out means `all`, which
    // adds about 20 KB of settings per computer.
    expand: [
      'computerStatus',
      'interfaces',
      ...PROTECTION_MODULES,
      'allVirtualMachineSummaries',
    ],
  },
} as const satisfies Record<string, DeepSecurityResource>;
