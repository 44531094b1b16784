/**
 * Administrators of the generated tenant.
 */

import { JsonObject } from '../json';
import { SeededRandom } from '../random';
import { DAY_MS, FIRST_NAMES, LAST_NAMES } from './catalog';
import { ROLE_IDS } from './roles';

interface AdministratorSpec {
  ID: number;
  username: string;
  fullName: string;
  emailAddress: string;
  roleID: number;
  mfaType: 'none' | 'local-totp';
  active?: boolean;
  external?: boolean;
  externalUserID?: string;
  primaryContact?: boolean;
  /** Days before the tenant epoch when the account was created. */
  createdDaysAgo: number;
  /** Days before the tenant epoch of the last sign-in. Absent if the user never signed in. */
  lastSignInDaysAgo?: number;
  unsuccessfulSignInAttempts?: number;
  /** Divisor applied to every timestamp: 1 for milliseconds, 1000 for the odd seconds record. */
  timestampDivisor?: number;
}

function toRecord(spec: AdministratorSpec, epochMs: number): JsonObject {
  const divisor = spec.timestampDivisor ?? 1;
  const at = (daysAgo: number) =>
    Math.floor((epochMs - daysAgo * DAY_MS) / divisor);

  return {
    username: spec.username,
    fullName: spec.fullName,
    description: '',
    roleID: spec.roleID,
    locale: 'en-US',
    timeZone: 'US/Eastern',
    timeFormat: '24',
    passwordNeverExpires: spec.external === true,
    active: spec.active ?? true,
    mfaType: spec.mfaType,
    phoneNumber: '',
    mobileNumber: '',
    pagerNumber: '',
    emailAddress: spec.emailAddress,
    primaryContact: spec.primaryContact ?? false,
    receiveNotifications: spec.primaryContact ?? false,
    reportPDFPasswordEnabled: false,
    created: at(spec.createdDaysAgo),
    lastPasswordChange: spec.external ? undefined : at(spec.createdDaysAgo),
    lastSignIn:
      spec.lastSignInDaysAgo === undefined
        ? undefined
        : at(spec.lastSignInDaysAgo),
    unsuccessfulSignInAttempts: spec.unsuccessfulSignInAttempts ?? 0,
    external: spec.external ?? false,
    externalUserID: spec.externalUserID,
    type: 'normal',
    readOnly: false,
    ID: spec.ID,
    UTCOffset: 'UTC-5.00',
  };
}

/**
 * Returns five administrators: a primary contact with TOTP MFA, an auditor
 * with TOTP MFA, a SAML (external) user, a user with emailAddress "" and a
 * locked-out (inactive) user. With `oddRecords`, adds a sixth whose username
 * is not an e-mail address, whose emailAddress is invalid, and whose
 * timestamps are in seconds instead of milliseconds.
 */
export function generateAdministrators(
  seed: number,
  epochMs: number,
  oddRecords: boolean,
): JsonObject[] {
  const random = new SeededRandom([seed, 0xad31]);
  const person = () => {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const capitalize = (name: string) => name[0].toUpperCase() + name.slice(1);
    return {
      login: `${first}.${last}`,
      fullName: `${capitalize(first)} ${capitalize(last)}`,
    };
  };

  const owner = person();
  const auditor = person();
  const samlUser = person();
  const reader = person();
  const leaver = person();

  const specs: AdministratorSpec[] = [
    {
      ID: 1,
      username: `${owner.login}@example.com`,
      fullName: owner.fullName,
      emailAddress: `${owner.login}@example.com`,
      roleID: ROLE_IDS.fullAccess,
      mfaType: 'local-totp',
      primaryContact: true,
      createdDaysAgo: 400,
      lastSignInDaysAgo: 1,
    },
    {
      ID: 3,
      username: `${auditor.login}@example.com`,
      fullName: auditor.fullName,
      emailAddress: `${auditor.login}@example.com`,
      roleID: ROLE_IDS.auditor,
      mfaType: 'local-totp',
      createdDaysAgo: 200,
      lastSignInDaysAgo: 12,
    },
    {
      ID: 4,
      username: `${samlUser.login}@example.com`,
      fullName: samlUser.fullName,
      emailAddress: `${samlUser.login}@example.com`,
      roleID: ROLE_IDS.regionalReader,
      mfaType: 'none',
      external: true,
      externalUserID: `${samlUser.login}@idp.example.com`,
      createdDaysAgo: 90,
      lastSignInDaysAgo: 3,
    },
    {
      ID: 7,
      username: reader.login,
      fullName: reader.fullName,
      emailAddress: '',
      roleID: ROLE_IDS.auditor,
      mfaType: 'none',
      createdDaysAgo: 60,
    },
    {
      ID: 8,
      username: `${leaver.login}@example.com`,
      fullName: leaver.fullName,
      emailAddress: `${leaver.login}@example.com`,
      roleID: ROLE_IDS.fullAccess,
      mfaType: 'none',
      active: false,
      unsuccessfulSignInAttempts: 5,
      createdDaysAgo: 300,
      lastSignInDaysAgo: 45,
    },
  ];

  if (oddRecords) {
    specs.push({
      ID: 12,
      username: 'backup_svc',
      fullName: '',
      emailAddress: 'backup_svc at example',
      roleID: ROLE_IDS.auditor,
      mfaType: 'none',
      createdDaysAgo: 30,
      lastSignInDaysAgo: 2,
      timestampDivisor: 1000,
    });
  }

  return specs.map((spec) => toRecord(spec, epochMs));
}
