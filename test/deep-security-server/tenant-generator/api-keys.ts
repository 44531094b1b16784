/**
 * API keys of the generated tenant.
 */

import { JsonObject } from '../json';
import { DAY_MS } from './catalog';
import { ROLE_IDS } from './roles';

/** Role ID of the odd key. No generated role has this ID. */
export const MISSING_ROLE_ID = 42;

/** ID of the key that `GET /apikeys/current` describes. */
export const CURRENT_API_KEY_ID = 1;

/**
 * Returns four keys: the collector's never-expiring read-only key, a key
 * with an expiryDate, a service-account key and a locked-out (inactive)
 * key. With `oddRecords`, adds a key whose roleID matches no role.
 */
export function generateApiKeys(
  epochMs: number,
  oddRecords: boolean,
): JsonObject[] {
  const at = (days: number) => epochMs + days * DAY_MS;

  const key = (
    ID: number,
    keyName: string,
    description: string,
    roleID: number,
    extra: JsonObject,
  ): JsonObject => ({
    keyName,
    description,
    locale: 'en-US',
    roleID,
    timeZone: 'US/Eastern',
    active: true,
    created: at(-100 - ID),
    unsuccessfulSignInAttempts: 0,
    serviceAccount: false,
    ...extra,
    ID,
  });

  const keys = [
    key(
      CURRENT_API_KEY_ID,
      'jupiterone-collector',
      'Read-only inventory',
      ROLE_IDS.apiReadOnly,
      {
        lastSignIn: at(-1),
      },
    ),
    key(2, 'ci-deploy', 'Deploys policies from CI', ROLE_IDS.fullAccess, {
      lastSignIn: at(-7),
      expiryDate: at(120),
    }),
    key(4, 'tenant-automation', '', ROLE_IDS.fullAccess, {
      serviceAccount: true,
    }),
    key(7, 'legacy-script', 'Replaced by ci-deploy', ROLE_IDS.auditor, {
      active: false,
      unsuccessfulSignInAttempts: 6,
      lastSignIn: at(-200),
      unlockTime: at(1),
    }),
  ];

  if (oddRecords) {
    keys.push(
      key(9, 'orphaned-key', 'Its role was deleted', MISSING_ROLE_ID, {}),
    );
  }

  return keys;
}
