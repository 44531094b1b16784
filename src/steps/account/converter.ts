import { Entity } from '@jupiterone/integration-sdk-core';

import { DeepSecurityConnectionConfig } from '../../config/resolveConfig';
import { Entities } from '../../constants';
import { DeepSecurityCurrentApiKey } from '../../deep-security/types';
import { nonEmptyString, referenceId } from '../../util/values';
import { entityKey } from '../entityKey';
import { createEntity } from '../createEntity';

export type DeploymentKind =
  | 'cloud-one'
  | 'deep-security-as-a-service'
  | 'deep-security-manager';

const CLOUD_ONE_HOST = /^workload\.([a-z0-9-]+)\.cloudone\.trendmicro\.com$/i;
const DSAAS_HOST = 'app.deepsecurity.trendmicro.com';

export interface Deployment {
  kind: DeploymentKind;
  /** For example "Cloud One Workload Security us-1" or "Deep Security Manager dsm.example.com:4119". */
  name: string;
  region?: string;
}

/** Tells the deployment from the API base URL. */
export function describeDeployment(baseUrl: string): Deployment {
  const url = new URL(baseUrl);
  const cloudOne = CLOUD_ONE_HOST.exec(url.hostname);
  if (cloudOne) {
    return {
      kind: 'cloud-one',
      name: `Cloud One Workload Security ${cloudOne[1]}`,
      region: cloudOne[1],
    };
  }
  if (url.hostname.toLowerCase() === DSAAS_HOST) {
    return {
      kind: 'deep-security-as-a-service',
      name: 'Deep Security as a Service',
    };
  }
  return {
    kind: 'deep-security-manager',
    name: `Deep Security Manager ${url.host}`,
  };
}

/**
 * Builds the one account entity of an integration instance. The key comes
 * from the instance ID, because the API has no tenant object that every key
 * may read.
 */
export function createAccountEntity(
  instanceId: string,
  connection: DeepSecurityConnectionConfig,
  currentKey: DeepSecurityCurrentApiKey | undefined,
): Entity {
  const deployment = describeDeployment(connection.baseUrl);
  const tenantId = referenceId(currentKey?.tenantID);

  return createEntity({
    _key: entityKey(Entities.ACCOUNT._type, instanceId),
    _type: Entities.ACCOUNT._type,
    _class: Entities.ACCOUNT._class,
    name: tenantId ? `${deployment.name} tenant ${tenantId}` : deployment.name,
    deploymentType: deployment.kind,
    region: deployment.region,
    apiUrl: connection.baseUrl,
    tenantId,
    tenantGuid: nonEmptyString(currentKey?.tenantGUID),
    cloudOneAccountId: nonEmptyString(currentKey?.cloudOneAccountID),
    apiKeyName: nonEmptyString(currentKey?.keyName),
    apiKeyRoleId: referenceId(currentKey?.roleID),
  });
}
