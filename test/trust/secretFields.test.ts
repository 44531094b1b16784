import { randomUUID } from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';

import { Entity } from '@jupiterone/integration-sdk-core';
import { executeStepWithDependencies } from '@jupiterone/integration-sdk-testing';
import fetch from 'node-fetch';

import { Entities, Steps } from '../../src/constants';
import {
  DeepSecurityResource,
  Resources,
} from '../../src/deep-security/resources';
import { withoutSecrets } from '../../src/util/rawData';
import {
  RunningDeepSecurityServer,
  startDeepSecurityServer,
} from '../deep-security-server';
import { entitiesOfType, testInvocationConfig } from '../helpers/stepTest';

const API_KEY = 'secret-fields-key-03be';

/** Values that must never reach an entity. Each is unique, so a hit names its field. */
const SECRETS = {
  apiKeySecret: `api-key-secret-${randomUUID()}`,
  administratorPassword: `administrator-password-${randomUUID()}`,
  moduleProxyPassword: `module-proxy-password-${randomUUID()}`,
  computerToken: `computer-token-${randomUUID()}`,
};

/**
 * A tenant in the API's wrapper format. The secrets sit where a manager
 * could send them: `secretKey` as in a create or regenerate response, and
 * password and token fields at the top level and inside an expanded
 * protection module.
 */
const TENANT_FILES: Record<string, unknown> = {
  'apikeys.json': {
    apiKeys: [
      {
        ID: 1,
        keyName: 'collector',
        roleID: 1,
        active: true,
        secretKey: SECRETS.apiKeySecret,
      },
    ],
  },
  'administrators.json': {
    administrators: [
      {
        ID: 1,
        username: 'alice',
        roleID: 1,
        active: true,
        passwordNeverExpires: false,
        lastPasswordChange: 1_700_000_000_000,
        password: SECRETS.administratorPassword,
      },
    ],
  },
  'roles.json': {
    roles: [
      {
        ID: 1,
        name: 'Read only',
        allComputers: true,
        allowWebService: true,
        urn: 'urn:tmds:identity:us-east-ds-1:78422:role/Read only',
      },
    ],
  },
  'computergroups.json': {
    computerGroups: [{ ID: 1, name: 'Servers', type: 'folder' }],
  },
  'computers.json': {
    computers: [
      {
        ID: 1,
        hostName: 'db1',
        groupID: 1,
        agentVersion: '20.0.0.8438',
        agentFingerPrint: 'AA:BB:CC',
        agentAuthToken: SECRETS.computerToken,
        computerStatus: { agentStatus: 'active' },
        antiMalware: {
          state: 'on',
          proxyPassword: SECRETS.moduleProxyPassword,
        },
      },
    ],
  },
};

function findSecrets(value: unknown): string[] {
  const text = JSON.stringify(value);
  return Object.entries(SECRETS)
    .filter(([, secret]) => text.includes(secret))
    .map(([name]) => name);
}

describe('secret-bearing fields', () => {
  let folder: string;
  let server: RunningDeepSecurityServer;

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'trend-micro-secrets-'));
    for (const [name, content] of Object.entries(TENANT_FILES)) {
      fs.writeFileSync(path.join(folder, name), JSON.stringify(content));
    }
    server = await startDeepSecurityServer({
      apiKey: API_KEY,
      tenant: { kind: 'directory', path: folder },
    });
  });

  afterAll(async () => {
    await server.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  /** Sends the search a step sends, with the same `expand` values. */
  async function searchAsTheClientDoes(
    resource: DeepSecurityResource,
  ): Promise<string> {
    const query = new URLSearchParams(
      (resource.expand ?? []).map((value): [string, string] => [
        'expand',
        value,
      ]),
    ).toString();
    const response = await fetch(
      `${server.url}${resource.path}/search${query ? `?${query}` : ''}`,
      {
        method: 'POST',
        headers: {
          'api-secret-key': API_KEY,
          'api-version': 'v1',
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ maxItems: 10 }),
      },
    );
    return response.text();
  }

  async function collectEntities(stepId: string): Promise<Entity[]> {
    const result = await executeStepWithDependencies({
      stepId,
      invocationConfig: testInvocationConfig,
      instanceConfig: { apiKey: API_KEY, apiUrl: server.url },
    });
    return result.collectedEntities;
  }

  test('server sends the secrets', async () => {
    // Without this the tests below could pass because nothing was sent.
    const bodies = await Promise.all(
      [Resources.apiKeys, Resources.administrators, Resources.computers].map(
        (resource) => searchAsTheClientDoes(resource),
      ),
    );

    expect(findSecrets(bodies.join('\n'))).toEqual(Object.keys(SECRETS));
  });

  test('API key secret stays out', async () => {
    const entities = await collectEntities(Steps.API_KEYS);
    const [apiKey] = entitiesOfType(entities, Entities.API_KEY._type);

    expect(apiKey).toMatchObject({ name: 'collector', roleId: 1 });
    expect(findSecrets(entities)).toEqual([]);
  });

  test('administrator password stays out', async () => {
    const entities = await collectEntities(Steps.ADMINISTRATORS);
    const [administrator] = entitiesOfType(
      entities,
      Entities.ADMINISTRATOR._type,
    );

    expect(administrator).toMatchObject({ username: 'alice' });
    expect(JSON.stringify(administrator._rawData)).toContain(
      '"passwordNeverExpires":false',
    );
    expect(findSecrets(entities)).toEqual([]);
  });

  test('computer token and module password stay out', async () => {
    const entities = await collectEntities(Steps.COMPUTERS);

    expect(entitiesOfType(entities, Entities.COMPUTER._type)).toHaveLength(1);
    expect(entitiesOfType(entities, Entities.AGENT._type)).toHaveLength(1);
    expect(findSecrets(entities)).toEqual([]);
  });
});

describe('withoutSecrets', () => {
  test.each([
    'secretKey',
    'password',
    'platformSettingSmartProtectionProxyPassword',
    'proxyPassphrase',
    'agentAuthToken',
    'accessToken',
    'privateKey',
    'credentials',
    'passwd',
  ])('drops %s', (name) => {
    const record = { ID: 1, [name]: 'hunter2', nested: [{ [name]: 'x' }] };

    expect(withoutSecrets(record)).toEqual({ ID: 1, nested: [{}] });
  });

  test('drops objects under secret names', () => {
    const record = {
      computerSettings: {
        platformSettingSmartProtectionProxyPassword: { value: 'hunter2' },
        firewallSettingEngineOptionDebugModeEnabled: { value: 'false' },
      },
    };

    expect(withoutSecrets(record)).toEqual({
      computerSettings: {
        firewallSettingEngineOptionDebugModeEnabled: { value: 'false' },
      },
    });
  });

  test('keeps flags and times about passwords', () => {
    const record = {
      passwordNeverExpires: true,
      lastPasswordChange: 1_700_000_000_000,
      reportPDFPasswordEnabled: false,
    };

    expect(withoutSecrets(record)).toEqual(record);
  });
});
