import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import * as http from 'http';
import * as https from 'https';
import fetch, { RequestInit, Response } from 'node-fetch';
import { tmpdir } from 'os';
import * as path from 'path';
import * as selfsigned from 'selfsigned';

import {
  FaultRule,
  generatedTenantCounts,
  RunningDeepSecurityServer,
  startDeepSecurityServer,
  StartDeepSecurityServerOptions,
} from './index';
import { CAPTURED_TENANT_DIRECTORY } from '../helpers/capturedTenant';

/**
 * Folder of responses captured from a real tenant: 2 administrators,
 * 4 roles, 3 API keys, 3 computers (default expand=all) and 79 groups.
 * The files are not part of this repository.
 */
const CAPTURED_DIR = CAPTURED_TENANT_DIRECTORY;

const API_KEY = '2:stand-in-secret-key';
const HEADERS = { 'api-secret-key': API_KEY, 'api-version': 'v1' };
const SEARCH_HEADERS = { ...HEADERS, 'Content-Type': 'application/json' };

const INVENTORY_EXPAND =
  'expand=computerStatus&expand=interfaces&expand=allSecurityModules&expand=allVirtualMachineSummaries';

const SECURITY_MODULES = [
  'antiMalware',
  'webReputation',
  'firewall',
  'intrusionPrevention',
  'integrityMonitoring',
  'logInspection',
  'applicationControl',
];

type JsonRecord = Record<string, unknown>;

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asRecord(value: unknown): JsonRecord {
  if (!isRecord(value)) {
    throw new Error(
      `Expected a JSON object, got ${JSON.stringify(value)?.slice(0, 200)}`,
    );
  }
  return value;
}

function asArray(value: unknown): unknown[] {
  if (!Array.isArray(value)) {
    throw new Error(
      `Expected a JSON array, got ${JSON.stringify(value)?.slice(0, 200)}`,
    );
  }
  return value;
}

function listItems(body: unknown, wrapper: string): JsonRecord[] {
  return asArray(asRecord(body)[wrapper]).map(asRecord);
}

function idOf(item: JsonRecord): number {
  const id = item.ID;
  if (typeof id !== 'number') {
    throw new Error(
      `Record without a numeric ID: ${JSON.stringify(item).slice(0, 200)}`,
    );
  }
  return id;
}

const running: RunningDeepSecurityServer[] = [];

async function start(
  options: Partial<StartDeepSecurityServerOptions> = {},
): Promise<RunningDeepSecurityServer> {
  const server = await startDeepSecurityServer({
    apiKey: API_KEY,
    tenant: { kind: 'generated', seed: 42, computers: 500 },
    ...options,
  });
  running.push(server);
  return server;
}

function startCaptured(
  options: Partial<StartDeepSecurityServerOptions> = {},
): Promise<RunningDeepSecurityServer> {
  return start({
    tenant: { kind: 'directory', path: CAPTURED_DIR },
    ...options,
  });
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

function get(
  server: RunningDeepSecurityServer,
  apiPath: string,
  init: RequestInit = {},
): Promise<Response> {
  return fetch(`${server.url}${apiPath}`, { headers: HEADERS, ...init });
}

function search(
  server: RunningDeepSecurityServer,
  apiPath: string,
  filter: unknown,
  init: RequestInit = {},
): Promise<Response> {
  return fetch(`${server.url}${apiPath}`, {
    method: 'POST',
    headers: SEARCH_HEADERS,
    body: JSON.stringify(filter),
    ...init,
  });
}

function idsAfter(id: number, maxItems: number): unknown {
  return {
    maxItems,
    searchCriteria: [{ idValue: id, idTest: 'greater-than' }],
    sortByObjectID: true,
  };
}

/** Pages through `/computers/search` the documented way and returns every record. */
async function pageAllComputers(
  server: RunningDeepSecurityServer,
  maxItems: number,
  query = 'expand=none',
): Promise<{ items: JsonRecord[]; pages: number }> {
  const items: JsonRecord[] = [];
  let lastId = 0;
  let pages = 0;
  for (;;) {
    const response = await search(
      server,
      `/computers/search?${query}`,
      idsAfter(lastId, maxItems),
    );
    expect(response.status).toBe(200);
    const page = listItems(await response.json(), 'computers');
    pages += 1;
    items.push(...page);
    if (page.length < maxItems) {
      return { items, pages };
    }
    lastId = idOf(page[page.length - 1]);
  }
}

interface RawReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** Whether the whole HTTP message arrived. */
  complete: boolean;
}

/** Sends a GET with Node's http client and resolves when the response closes, complete or not. */
function rawGet(
  server: RunningDeepSecurityServer,
  apiPath: string,
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      `${server.url}${apiPath}`,
      { headers: HEADERS },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', () => undefined);
        response.on('close', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
            complete: response.complete,
          }),
        );
      },
    );
    request.on('error', reject);
  });
}

describe('authentication', () => {
  test('accepts api-secret-key header', async () => {
    const server = await startCaptured();

    const response = await get(server, '/administrators');

    expect(response.status).toBe(200);
    expect(server.requests[0].authHeader).toBe('api-secret-key');
  });

  test('accepts Authorization ApiKey header', async () => {
    const server = await startCaptured();

    const response = await get(server, '/administrators', {
      headers: { Authorization: `ApiKey ${API_KEY}`, 'api-version': 'v1' },
    });

    expect(response.status).toBe(200);
    expect(server.requests[0].authHeader).toBe('authorization');
  });

  test.each([
    ['no key', { 'api-version': 'v1' }],
    ['wrong secret key', { 'api-secret-key': 'wrong', 'api-version': 'v1' }],
    ['wrong ApiKey', { Authorization: 'ApiKey wrong', 'api-version': 'v1' }],
    [
      'Bearer scheme',
      { Authorization: `Bearer ${API_KEY}`, 'api-version': 'v1' },
    ],
  ])('rejects %s with 401', async (_case, headers) => {
    const server = await startCaptured();

    const response = await get(server, '/computers', { headers });

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Invalid API key.' });
  });

  test('rejects missing api-version with 400', async () => {
    const server = await startCaptured();

    const response = await get(server, '/roles', {
      headers: { 'api-secret-key': API_KEY },
    });

    expect(response.status).toBe(400);
    expect(asRecord(await response.json()).message).toMatch(/api-version/);
  });

  test('rejects api-version v2 with 400', async () => {
    const server = await startCaptured();

    const response = await get(server, '/roles', {
      headers: { ...HEADERS, 'api-version': 'v2' },
    });

    expect(response.status).toBe(400);
    expect(asRecord(await response.json()).message).toMatch(/"v2"/);
  });

  test('request log never contains key', async () => {
    const server = await startCaptured();

    await get(server, '/apikeys');
    await get(server, '/apikeys', {
      headers: { Authorization: `ApiKey ${API_KEY}`, 'api-version': 'v1' },
    });
    await search(server, '/computers/search', idsAfter(0, 10));

    expect(JSON.stringify(server.requests)).not.toContain(API_KEY);
    expect(JSON.stringify(server.requests)).not.toContain('stand-in-secret');
  });
});

describe('captured directory tenant', () => {
  beforeAll(() => {
    if (!existsSync(CAPTURED_DIR)) {
      throw new Error(
        `Captured responses not found in ${CAPTURED_DIR}: clone the project next to its shared folder.`,
      );
    }
  });

  test.each([
    ['/administrators', 'administrators', 2],
    ['/roles', 'roles', 4],
    ['/apikeys', 'apiKeys', 3],
    ['/computers', 'computers', 3],
    ['/computergroups', 'computerGroups', 79],
  ])('GET %s uses wrapper %s', async (apiPath, wrapper, count) => {
    const server = await startCaptured();

    const response = await get(server, apiPath);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(listItems(await response.json(), wrapper)).toHaveLength(count);
  });

  test.each([
    ['/administrators/search', 'administrators', 2],
    ['/roles/search', 'roles', 4],
    ['/apikeys/search', 'apiKeys', 3],
    ['/computers/search', 'computers', 3],
    ['/computergroups/search', 'computerGroups', 79],
  ])('POST %s uses wrapper %s', async (apiPath, wrapper, count) => {
    const server = await startCaptured();

    const response = await search(server, apiPath, {});

    expect(response.status).toBe(200);
    expect(listItems(await response.json(), wrapper)).toHaveLength(count);
  });

  test('apikeys/current describes the key', async () => {
    const server = await startCaptured();

    const body = asRecord(await (await get(server, '/apikeys/current')).json());

    expect(typeof body.ID).toBe('number');
    expect(typeof body.keyName).toBe('string');
    expect(typeof body.roleID).toBe('number');
    expect(body.active).toBe(true);
    // The captured role URNs embed tenant number 10001.
    expect(body.tenantID).toBe(10001);
  });

  test('omitted expand returns everything', async () => {
    const server = await startCaptured();

    const computers = listItems(
      await (await get(server, '/computers')).json(),
      'computers',
    );

    for (const computer of computers) {
      expect(computer.computerSettings).toBeDefined();
      expect(computer.computerStatus).toBeDefined();
      expect(computer.antiMalware).toBeDefined();
    }
    expect(computers[0].interfaces).toBeDefined();
    expect(computers[0].securityUpdates).toBeDefined();
    expect(computers[0].noConnectorVirtualMachineSummary).toBeDefined();
    expect(computers[1].ec2VirtualMachineSummary).toBeDefined();
  });

  test('expand=all equals omitted expand', async () => {
    const server = await startCaptured();

    const omitted = await (await get(server, '/computers')).text();
    const all = await (await get(server, '/computers?expand=all')).text();

    expect(all).toBe(omitted);
  });

  test('expand=none keeps only scalars', async () => {
    const server = await startCaptured();

    const computers = listItems(
      await (await get(server, '/computers?expand=none')).json(),
      'computers',
    );

    expect(computers.map(idOf)).toEqual([1, 34, 35]);
    for (const computer of computers) {
      const objectKeys = Object.keys(computer).filter((key) =>
        isRecord(computer[key]),
      );
      expect(objectKeys).toEqual([]);
      expect(typeof computer.hostName).toBe('string');
      expect(typeof computer.agentVersion).toBe('string');
      expect(typeof computer.hostGUID).toBe('string');
      expect(computer.groupID).toBeDefined();
    }
    expect(computers[0].agentFingerPrint).toBeDefined();
    expect(computers[1].agentFingerPrint).toBeUndefined();
  });

  test('expand selects named objects only', async () => {
    const server = await startCaptured();

    const response = await get(
      server,
      '/computers?expand=computerStatus&expand=interfaces',
    );
    const computers = listItems(await response.json(), 'computers');

    expect(
      Object.keys(computers[0]).filter((key) => isRecord(computers[0][key])),
    ).toEqual(['computerStatus', 'interfaces']);
    // Computers 34 and 35 have no agent and so no interfaces object.
    expect(
      Object.keys(computers[1]).filter((key) => isRecord(computers[1][key])),
    ).toEqual(['computerStatus']);
    expect(server.requests[0].expand).toEqual(['computerStatus', 'interfaces']);
  });

  test('allSecurityModules selects seven modules', async () => {
    const server = await startCaptured();

    const computers = listItems(
      await (await get(server, '/computers?expand=allSecurityModules')).json(),
      'computers',
    );

    for (const computer of computers) {
      expect(
        Object.keys(computer).filter((key) => isRecord(computer[key])),
      ).toEqual(SECURITY_MODULES);
    }
  });

  test('allVirtualMachineSummaries selects summaries', async () => {
    const server = await startCaptured();

    const computers = listItems(
      await (
        await get(server, '/computers?expand=allVirtualMachineSummaries')
      ).json(),
      'computers',
    );

    expect(
      Object.keys(computers[0]).filter((key) => isRecord(computers[0][key])),
    ).toEqual(['noConnectorVirtualMachineSummary']);
    expect(
      Object.keys(computers[1]).filter((key) => isRecord(computers[1][key])),
    ).toEqual(['ec2VirtualMachineSummary']);
  });

  test('describe computer honours expand', async () => {
    const server = await startCaptured();

    const response = await get(server, '/computers/34?expand=computerStatus');
    const computer = asRecord(await response.json());

    expect(response.status).toBe(200);
    expect(computer.ID).toBe(34);
    expect(computer.computerStatus).toEqual({
      agentStatus: 'inactive',
      agentStatusMessages: ['Unmanaged (Unknown)'],
    });
    expect(computer.computerSettings).toBeUndefined();
  });

  test('describe unknown computer returns 404', async () => {
    const server = await startCaptured();

    const response = await get(server, '/computers/2');

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      message: 'The computer does not exist.',
    });
  });

  test('unknown expand value returns 400', async () => {
    const server = await startCaptured();

    const response = await get(
      server,
      '/computers?expand=computerStatus&expand=everything',
    );

    expect(response.status).toBe(400);
    expect(asRecord(await response.json()).message).toMatch(/"everything"/);
  });

  test('search expand applies to records', async () => {
    const server = await startCaptured();

    const response = await search(
      server,
      '/computers/search?expand=computerStatus',
      idsAfter(0, 10),
    );
    const computers = listItems(await response.json(), 'computers');

    expect(computers).toHaveLength(3);
    expect(
      computers.every((computer) => computer.computerStatus !== undefined),
    ).toBe(true);
    expect(
      computers.every((computer) => computer.computerSettings === undefined),
    ).toBe(true);
  });

  test('captured computer weighs about 18 KB', async () => {
    const server = await startCaptured();

    const text = await (await get(server, '/computers')).text();

    const perComputer = text.length / 3;
    expect(perComputer).toBeGreaterThan(15_000);
    expect(perComputer).toBeLessThan(25_000);
  });
});

describe('directory loading', () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'deep-security-tenant-'));
    const write = (file: string, body: unknown) =>
      writeFileSync(path.join(folder, file), JSON.stringify(body));
    write('administrators.json', {
      administrators: [{ ID: 5, username: 'a', fullName: null }],
    });
    write('roles.json', {
      roles: [
        {
          ID: 1,
          name: 'Full Access',
          urn: 'urn:tmds:identity:eu-1:777:role/Full Access',
          allowWebService: true,
        },
      ],
    });
    write('apikeys.json', {
      apiKeys: [{ ID: 3, keyName: 'k', roleID: 1, active: true }],
    });
    write('computergroups.json', { computerGroups: [] });
    write('computers.json', {
      computers: [
        { ID: 9, hostName: 'b' },
        { ID: 4, hostName: 'a' },
      ],
    });
  });

  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  test('drops null properties', async () => {
    const server = await start({ tenant: { kind: 'directory', path: folder } });

    const text = await (await get(server, '/administrators')).text();

    expect(text).toBe('{"administrators":[{"ID":5,"username":"a"}]}');
  });

  test('serves records by ascending ID', async () => {
    const server = await start({ tenant: { kind: 'directory', path: folder } });

    const computers = listItems(
      await (await get(server, '/computers')).json(),
      'computers',
    );

    expect(computers.map(idOf)).toEqual([4, 9]);
  });

  test('current key takes tenant from URN', async () => {
    const server = await start({ tenant: { kind: 'directory', path: folder } });

    const body = asRecord(await (await get(server, '/apikeys/current')).json());

    expect(body).toEqual({
      ID: 3,
      keyName: 'k',
      roleID: 1,
      active: true,
      tenantID: 777,
    });
  });

  test('rejects a file without its wrapper', async () => {
    writeFileSync(
      path.join(folder, 'apikeys.json'),
      JSON.stringify({ keys: [] }),
    );

    await expect(
      start({ tenant: { kind: 'directory', path: folder } }),
    ).rejects.toThrow(
      /apikeys\.json: expected .*"apiKeys" property is an array/,
    );
  });
});

describe('routing and search validation', () => {
  test('unknown path returns 404 message', async () => {
    const server = await start();

    const response = await get(server, '/policies');

    expect(response.status).toBe(404);
    expect(asRecord(await response.json()).message).toMatch(
      /GET \/api\/policies/,
    );
  });

  test('wrong method returns 405', async () => {
    const server = await start();

    const response = await get(server, '/computers/search');

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  test.each([
    ['maxItems 0', { maxItems: 0 }, /maxItems/],
    ['maxItems 5001', { maxItems: 5001 }, /maxItems/],
    ['maxItems 2.5', { maxItems: 2.5 }, /maxItems/],
    ['string criteria', { searchCriteria: 'ID > 1' }, /searchCriteria/],
    ['unknown property', { maxItem: 10 }, /maxItem/],
    [
      'bad idTest',
      { searchCriteria: [{ idValue: 1, idTest: 'greater' }] },
      /idTest/,
    ],
    ['string idValue', { searchCriteria: [{ idValue: '1' }] }, /idValue/],
    [
      'field criterion',
      {
        searchCriteria: [
          { fieldName: 'hostName', stringTest: 'equal', stringValue: 'web%' },
        ],
      },
      /Unsupported search criterion .*"fieldName":"hostName"/,
    ],
  ])('rejects %s with 400', async (_case, filter, message) => {
    const server = await start();

    const response = await search(server, '/computers/search', filter);

    expect(response.status).toBe(400);
    expect(asRecord(await response.json()).message).toMatch(message);
  });

  test('rejects malformed JSON body', async () => {
    const server = await start();

    const response = await fetch(`${server.url}/roles/search`, {
      method: 'POST',
      headers: SEARCH_HEADERS,
      body: '{"maxItems": 10,',
    });

    expect(response.status).toBe(400);
    expect(asRecord(await response.json()).message).toMatch(/Invalid JSON/);
  });

  test('rejects search without JSON content type', async () => {
    const server = await start();

    const response = await fetch(`${server.url}/roles/search`, {
      method: 'POST',
      headers: { ...HEADERS, 'Content-Type': 'text/plain' },
      body: '{}',
    });

    expect(response.status).toBe(400);
    expect(asRecord(await response.json()).message).toMatch(/Content-Type/);
  });

  test('combines ID criteria with AND', async () => {
    const server = await start();
    const all = listItems(
      await (await get(server, '/computers?expand=none')).json(),
      'computers',
    ).map(idOf);

    const response = await search(server, '/computers/search?expand=none', {
      searchCriteria: [
        { idValue: all[10], idTest: 'greater-than-or-equal' },
        { idValue: all[20], idTest: 'less-than' },
        { idValue: all[15], idTest: 'not-equal' },
      ],
    });
    const ids = listItems(await response.json(), 'computers').map(idOf);

    expect(ids).toEqual([...all.slice(10, 15), ...all.slice(16, 20)]);
  });

  test('idTest defaults to equal', async () => {
    const server = await start();
    const all = listItems(
      await (await get(server, '/computers?expand=none')).json(),
      'computers',
    ).map(idOf);

    const response = await search(server, '/computers/search?expand=none', {
      searchCriteria: [{ idValue: all[7] }],
    });

    expect(listItems(await response.json(), 'computers').map(idOf)).toEqual([
      all[7],
    ]);
  });

  test('search returns at most maxItems', async () => {
    const server = await start();

    const response = await search(server, '/computers/search?expand=none', {
      maxItems: 7,
    });

    expect(listItems(await response.json(), 'computers')).toHaveLength(7);
  });

  test('search without maxItems returns up to 5000', async () => {
    const server = await start({
      tenant: { kind: 'generated', seed: 1, computers: 5100 },
    });

    const response = await search(server, '/computers/search?expand=none', {});

    expect(listItems(await response.json(), 'computers')).toHaveLength(5000);
  });
});

describe('generated tenant', () => {
  const SEED = 42;
  const SIZE = 2345;

  test('ID paging visits every computer once', async () => {
    const server = await start({
      tenant: { kind: 'generated', seed: SEED, computers: SIZE },
    });

    const { items, pages } = await pageAllComputers(server, 500);
    const ids = items.map(idOf);

    expect(ids).toHaveLength(SIZE);
    expect(new Set(ids).size).toBe(SIZE);
    for (let i = 1; i < ids.length; i++) {
      expect(ids[i]).toBeGreaterThan(ids[i - 1]);
    }
    expect(pages).toBe(Math.ceil(SIZE / 500));
    // IDs have gaps, as after deletions.
    expect(ids[ids.length - 1]).toBeGreaterThan(SIZE);
  });

  test('list and search return same IDs', async () => {
    const server = await start({
      tenant: { kind: 'generated', seed: SEED, computers: SIZE },
    });

    const listed = listItems(
      await (await get(server, '/computers?expand=none')).json(),
      'computers',
    );
    const { items } = await pageAllComputers(server, 1000);

    expect(listed.map(idOf)).toEqual(items.map(idOf));
  });

  test('counts match served records', async () => {
    const server = await start({
      tenant: { kind: 'generated', seed: SEED, computers: SIZE },
    });
    const counts = generatedTenantCounts(SEED, SIZE);

    const { items } = await pageAllComputers(
      server,
      5000,
      'expand=allVirtualMachineSummaries',
    );
    const groups = listItems(
      await (await get(server, '/computergroups')).json(),
      'computerGroups',
    );
    const groupIds = new Set(groups.map(idOf));

    expect(
      listItems(
        await (await get(server, '/administrators')).json(),
        'administrators',
      ),
    ).toHaveLength(counts.administrators);
    expect(
      listItems(await (await get(server, '/roles')).json(), 'roles'),
    ).toHaveLength(counts.roles);
    expect(
      listItems(await (await get(server, '/apikeys')).json(), 'apiKeys'),
    ).toHaveLength(counts.apiKeys);
    expect(groups).toHaveLength(counts.computerGroups);
    expect(items).toHaveLength(counts.computers);
    expect(
      items.filter((c) => c.groupID !== 0 && groupIds.has(Number(c.groupID))),
    ).toHaveLength(counts.computersInExistingGroup);
    expect(items.filter((c) => c.groupID === 0)).toHaveLength(
      counts.computersWithoutGroup,
    );
    expect(items.filter((c) => c.agentFingerPrint !== undefined)).toHaveLength(
      counts.computersWithAgent,
    );
    for (const [kind, count] of Object.entries(
      counts.virtualMachineSummaries,
    )) {
      expect(items.filter((c) => c[kind] !== undefined)).toHaveLength(count);
      expect(count).toBeGreaterThan(0);
    }
    expect(counts.computersInMissingGroup).toBe(0);
    expect(counts.oddComputers).toBe(0);
  });

  test('identities cover documented variants', async () => {
    const server = await start({
      tenant: { kind: 'generated', seed: SEED, computers: SIZE },
    });

    const administrators = listItems(
      await (await get(server, '/administrators')).json(),
      'administrators',
    );
    const roles = listItems(
      await (await get(server, '/roles')).json(),
      'roles',
    );
    const keys = listItems(
      await (await get(server, '/apikeys')).json(),
      'apiKeys',
    );
    const current = asRecord(
      await (await get(server, '/apikeys/current')).json(),
    );

    expect(administrators.length).toBeGreaterThanOrEqual(5);
    expect(
      administrators.filter((a) => a.mfaType === 'local-totp').length,
    ).toBeGreaterThan(0);
    expect(administrators.filter((a) => a.external === true)).toHaveLength(1);
    expect(administrators.filter((a) => a.emailAddress === '')).toHaveLength(1);
    expect(administrators.filter((a) => a.active === false)).toHaveLength(1);

    const fullAccess = roles.find((r) => r.name === 'Full Access');
    expect(fullAccess?.immutable).toBe(true);
    expect(fullAccess?.allComputers).toBe(true);
    expect(fullAccess?.computerGroupIDs).toBeUndefined();
    expect(roles.some((r) => r.name === 'Auditor')).toBe(true);
    expect(
      roles.some(
        (r) => Array.isArray(r.computerGroupIDs) && r.allComputers === false,
      ),
    ).toBe(true);
    expect(roles.some((r) => r.allowWebService === false)).toBe(true);

    expect(keys.filter((k) => typeof k.expiryDate === 'number')).toHaveLength(
      1,
    );
    expect(
      keys.some((k) => k.expiryDate === undefined && k.active === true),
    ).toBe(true);
    expect(keys.filter((k) => k.serviceAccount === true)).toHaveLength(1);
    expect(keys.filter((k) => k.active === false)).toHaveLength(1);
    expect(keys.map(idOf)).toContain(current.ID);
    expect(typeof current.tenantID).toBe('number');
    const roleIds = new Set(roles.map(idOf));
    expect(keys.every((k) => roleIds.has(Number(k.roleID)))).toBe(true);
    expect(administrators.every((a) => roleIds.has(Number(a.roleID)))).toBe(
      true,
    );
  });

  test('groups nest subnet to account', async () => {
    const server = await start({
      tenant: { kind: 'generated', seed: SEED, computers: SIZE },
    });

    const groups = listItems(
      await (await get(server, '/computergroups')).json(),
      'computerGroups',
    );
    const byId = new Map(groups.map((group) => [idOf(group), group]));
    const parentType = (group: JsonRecord) =>
      byId.get(Number(group.parentGroupID))?.type;

    const types = new Set(groups.map((group) => group.type));
    for (const type of [
      'aws-account',
      'aws-region',
      'aws-vpc',
      'aws-subnet',
      'azure-group',
      'gcp-project',
      'folder',
    ]) {
      expect(types).toContain(type);
    }
    for (const group of groups) {
      if (group.type === 'aws-subnet') {
        expect(parentType(group)).toBe('aws-vpc');
      } else if (group.type === 'aws-vpc') {
        expect(parentType(group)).toBe('aws-region');
      } else if (group.type === 'aws-region') {
        expect(parentType(group)).toBe('aws-account');
      } else if (group.type === 'aws-account') {
        expect(group.parentGroupID).toBeUndefined();
        expect(group.name).toMatch(/ - \d{12}$/);
      }
    }
    expect(
      groups.some(
        (g) =>
          g.type === 'folder' &&
          byId.get(Number(g.parentGroupID))?.type === 'folder',
      ),
    ).toBe(true);
    expect(groups).toHaveLength(Math.max(12, Math.floor(SIZE / 50)));
  });

  test('computers follow API formats', async () => {
    const server = await start({
      tenant: { kind: 'generated', seed: SEED, computers: SIZE },
    });

    const response = await search(
      server,
      '/computers/search?expand=all',
      idsAfter(0, 400),
    );
    const text = await response.text();
    const computers = listItems(JSON.parse(text), 'computers');

    expect(text).not.toContain('null');
    for (const computer of computers) {
      const agent = computer.agentVersion !== '0.0.0.0';
      expect(computer.agentFingerPrint !== undefined).toBe(agent);
      if (agent) {
        expect(computer.agentVersion).toMatch(/^20\.0\.\d+\.\d+$/);
        expect(computer.lastIPUsed).not.toBe('');
        expect(computer.policyID).toBeDefined();
        for (const networkInterface of listItems(
          computer.interfaces,
          'interfaces',
        )) {
          expect(networkInterface.MAC).toMatch(
            /^([0-9A-F]{2}:){5}[0-9A-F]{2}$/,
          );
        }
        expect(Object.keys(asRecord(computer.computerSettings)).length).toBe(
          219,
        );
      } else {
        expect(computer.lastIPUsed).toBe('');
        expect(computer.interfaces).toBeUndefined();
        expect(computer.policyID).toBeUndefined();
      }
      expect(computer.hostGUID).toMatch(
        /^[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}$/,
      );
      for (const module of SECURITY_MODULES) {
        expect(asRecord(computer[module]).state).toBeDefined();
        expect(
          asRecord(asRecord(computer[module]).moduleStatus).agentStatus,
        ).toBeDefined();
      }

      const ec2 = computer.ec2VirtualMachineSummary;
      if (ec2 !== undefined) {
        expect(asRecord(ec2).accountID).toMatch(/^\d{12}$/);
        expect(asRecord(ec2).instanceID).toMatch(/^i-[0-9a-f]{17}$/);
        expect(asRecord(ec2).availabilityZone).toMatch(
          /^[a-z]{2}-[a-z]+-\d[a-c]$/,
        );
      }
      const noConnector = computer.noConnectorVirtualMachineSummary;
      if (noConnector !== undefined) {
        expect(agent).toBe(true);
        expect(asRecord(noConnector).accountID).toMatch(/^\d{12}$/);
        expect(asRecord(noConnector).region).toMatch(/^[a-z]{2}-[a-z]+-\d$/);
      }
      const azure = computer.azureARMVirtualMachineSummary;
      if (azure !== undefined) {
        expect(asRecord(azure).azureResourceId).toMatch(
          /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/virtualMachines\/[^/]+$/,
        );
      }
      const gcp = computer.gcpVirtualMachineSummary;
      if (gcp !== undefined) {
        expect(asRecord(gcp).instanceID).toMatch(/^\d{19}$/);
      }
    }

    const platforms = computers.map((computer) => String(computer.platform));
    expect(platforms.some((p) => /Windows/.test(p))).toBe(true);
    expect(platforms.some((p) => /Linux.*\(\d[^)]*\)$/.test(p))).toBe(true);
    expect(platforms.some((p) => /Linux.*\(64 bit\)$/.test(p))).toBe(true);
    const statuses = new Set(
      computers.map((c) => asRecord(c.computerStatus).agentStatus),
    );
    for (const status of ['active', 'warning', 'error', 'inactive']) {
      expect(statuses).toContain(status);
    }
  });

  test('odd records appear once each', async () => {
    const server = await start({
      tenant: {
        kind: 'generated',
        seed: SEED,
        computers: SIZE,
        oddRecords: true,
      },
    });
    const counts = generatedTenantCounts(SEED, SIZE, true);

    const { items } = await pageAllComputers(
      server,
      5000,
      'expand=computerStatus',
    );
    const groups = listItems(
      await (await get(server, '/computergroups')).json(),
      'computerGroups',
    );
    const groupIds = new Set(groups.map(idOf));
    const administrators = listItems(
      await (await get(server, '/administrators')).json(),
      'administrators',
    );
    const roles = listItems(
      await (await get(server, '/roles')).json(),
      'roles',
    );
    const keys = listItems(
      await (await get(server, '/apikeys')).json(),
      'apiKeys',
    );
    const roleIds = new Set(roles.map(idOf));

    expect(counts.oddComputers).toBe(8);
    expect(items.filter((c) => c.hostName === undefined)).toHaveLength(2);
    expect(
      items.filter((c) => c.hostName === undefined && c.displayName === ''),
    ).toHaveLength(1);
    expect(items.filter((c) => c.platform === 'Unknown')).toHaveLength(1);
    expect(
      items.filter(
        (c) => c.agentFingerPrint !== undefined && c.lastIPUsed === '',
      ),
    ).toHaveLength(1);
    expect(
      items.filter(
        (c) =>
          typeof c.lastAgentCommunication === 'number' &&
          c.lastAgentCommunication < 1e11,
      ),
    ).toHaveLength(1);
    expect(
      items.filter((c) => String(c.description).length === 10_000),
    ).toHaveLength(1);
    expect(
      items.filter((c) => c.groupID !== 0 && !groupIds.has(Number(c.groupID))),
    ).toHaveLength(1);
    expect(counts.computersInMissingGroup).toBe(1);
    expect(
      items.filter((c) => asRecord(c.computerStatus).agentStatus === 'mystery'),
    ).toHaveLength(1);

    const oddAdministrator = administrators.find(
      (a) => a.username === 'backup_svc',
    );
    expect(oddAdministrator?.emailAddress).not.toMatch(/^[^@\s]+@[^@\s]+$/);
    expect(Number(oddAdministrator?.created)).toBeLessThan(1e11);
    expect(keys.filter((k) => !roleIds.has(Number(k.roleID)))).toHaveLength(1);
    expect(administrators).toHaveLength(counts.administrators);
    expect(keys).toHaveLength(counts.apiKeys);
  });

  test('same seed gives identical bytes', async () => {
    const tenant = {
      kind: 'generated' as const,
      seed: 7,
      computers: 3000,
      oddRecords: true,
    };
    const first = await start({ tenant });
    const second = await start({ tenant });

    for (const apiPath of [
      '/administrators',
      '/roles',
      '/apikeys',
      '/apikeys/current',
      '/computergroups',
    ]) {
      expect(await (await get(second, apiPath)).text()).toBe(
        await (await get(first, apiPath)).text(),
      );
    }
    const filter = idsAfter(2000, 50);
    expect(
      await (await search(second, '/computers/search', filter)).text(),
    ).toBe(await (await search(first, '/computers/search', filter)).text());
  });

  test('different seed gives different data', async () => {
    const first = await start({
      tenant: { kind: 'generated', seed: 7, computers: 300 },
    });
    const second = await start({
      tenant: { kind: 'generated', seed: 8, computers: 300 },
    });

    const filter = idsAfter(0, 20);
    expect(
      await (
        await search(second, '/computers/search?expand=none', filter)
      ).text(),
    ).not.toBe(
      await (
        await search(first, '/computers/search?expand=none', filter)
      ).text(),
    );
  });

  test('list beyond 5000 is streamed', async () => {
    const server = await start({
      tenant: { kind: 'generated', seed: 3, computers: 12_000 },
    });

    const response = await get(server, '/computers?expand=none');
    const computers = listItems(await response.json(), 'computers');

    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    expect(computers).toHaveLength(12_000);
    expect(server.requests[0].itemCount).toBe(12_000);
  });
});

describe('response weight', () => {
  test('expand=all weighs 15 to 25 KB per computer', async () => {
    const server = await start({
      tenant: { kind: 'generated', seed: 11, computers: 1000 },
    });

    const response = await search(
      server,
      '/computers/search',
      idsAfter(0, 200),
    );
    const computers = listItems(await response.json(), 'computers');
    const sizes = computers.map((computer) => JSON.stringify(computer).length);
    const average = sizes.reduce((sum, size) => sum + size, 0) / sizes.length;

    expect(server.requests[0].expand).toBeUndefined();
    expect(average).toBeGreaterThan(15_000);
    expect(average).toBeLessThan(25_000);
    expect(Math.min(...sizes)).toBeGreaterThan(14_000);
    expect(Math.max(...sizes)).toBeLessThan(25_000);
  });

  test('inventory expand weighs about 1.5 KB per computer', async () => {
    const server = await start({
      tenant: { kind: 'generated', seed: 11, computers: 5000 },
    });

    const response = await search(
      server,
      `/computers/search?${INVENTORY_EXPAND}`,
      idsAfter(0, 5000),
    );
    const text = await response.text();
    const computers = listItems(JSON.parse(text), 'computers');
    const sizes = computers.map((computer) => JSON.stringify(computer).length);
    const average = sizes.reduce((sum, size) => sum + size, 0) / sizes.length;

    expect(computers).toHaveLength(5000);
    expect(server.requests[0].bytesSent).toBe(Buffer.byteLength(text));
    expect(average).toBeLessThanOrEqual(1536);
    // Agent computers with a cloud summary and several interfaces weigh more, as real ones do.
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2560);
    expect(
      computers.every((computer) => computer.computerSettings === undefined),
    ).toBe(true);
  });
});

describe('large tenant', () => {
  test('pages near the end of 1,000,000 computers quickly', async () => {
    const size = 1_000_000;
    const server = await start({
      tenant: { kind: 'generated', seed: 5, computers: size },
    });

    const firstPage = listItems(
      await (
        await search(server, '/computers/search?expand=none', idsAfter(0, 5000))
      ).json(),
      'computers',
    );
    // IDs grow about linearly with the index, so the first page gives the density.
    const idsPerComputer =
      idOf(firstPage[firstPage.length - 1]) / firstPage.length;
    const nearEnd = Math.floor(idsPerComputer * size * 0.99);

    const started = Date.now();
    const response = await search(
      server,
      `/computers/search?${INVENTORY_EXPAND}`,
      idsAfter(nearEnd, 5000),
    );
    const page = listItems(await response.json(), 'computers');
    const elapsedMs = Date.now() - started;

    expect(page).toHaveLength(5000);
    expect(idOf(page[0])).toBeGreaterThan(nearEnd);
    expect(elapsedMs).toBeLessThan(3000);

    const beyondEnd = Math.ceil(idsPerComputer * size * 1.02);
    const empty = await search(
      server,
      '/computers/search?expand=none',
      idsAfter(beyondEnd, 5000),
    );
    expect(listItems(await empty.json(), 'computers')).toHaveLength(0);
  });

  test('describe works at the end of a large tenant', async () => {
    const server = await start({
      tenant: { kind: 'generated', seed: 5, computers: 1_000_000 },
    });
    const page = listItems(
      await (
        await search(
          server,
          '/computers/search?expand=none',
          idsAfter(1_500_000, 3),
        )
      ).json(),
      'computers',
    );

    const response = await get(
      server,
      `/computers/${idOf(page[1])}?expand=none`,
    );

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(page[1]);
  });
});

describe('forbidden resources', () => {
  test.each([
    [
      'administrators',
      '/administrators',
      'Not authorized to view administrators.',
    ],
    ['roles', '/roles', 'Not authorized to view administrator roles.'],
    ['apiKeys', '/apikeys', 'Not authorized to view API keys.'],
    ['computers', '/computers', 'Not authorized to view computers.'],
    [
      'computerGroups',
      '/computergroups',
      'Not authorized to view computer groups.',
    ],
  ] as const)('%s returns 403', async (resource, apiPath, message) => {
    const server = await start({ forbidden: [resource] });

    const listed = await get(server, apiPath);
    const searched = await search(server, `${apiPath}/search`, {});

    expect(listed.status).toBe(403);
    expect(await listed.json()).toEqual({ message });
    expect(searched.status).toBe(403);
    expect(await searched.json()).toEqual({ message });
  });

  test('describe computer returns 403', async () => {
    const server = await start({ forbidden: ['computers'] });

    const response = await get(server, '/computers/1');

    expect(response.status).toBe(403);
  });

  test('forbidden search skips body checks', async () => {
    const server = await start({ forbidden: ['roles'] });

    const response = await search(server, '/roles/search', { maxItems: 0 });

    expect(response.status).toBe(403);
  });

  test('other resources stay readable', async () => {
    const server = await start({
      forbidden: ['administrators', 'roles', 'apiKeys'],
    });

    expect((await get(server, '/computers?expand=none')).status).toBe(200);
    expect((await get(server, '/computergroups')).status).toBe(200);
    expect((await get(server, '/apikeys/current')).status).toBe(200);
  });
});

describe('faults', () => {
  test('status 429 sends Retry-After once', async () => {
    const server = await start({
      faults: [
        {
          resource: 'computers',
          fault: { type: 'status', status: 429, retryAfter: '2' },
        },
      ],
    });

    const limited = await get(server, '/computers?expand=none');
    const next = await get(server, '/computers?expand=none');

    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(await limited.json()).toEqual({ message: 'Too many API requests' });
    expect(next.status).toBe(200);
    expect(server.requests.map((r) => r.fault)).toEqual(['status', undefined]);
  });

  test.each(['Wed, 21 Oct 2015 07:28:00 GMT', '999999'])(
    'Retry-After %s passes through',
    async (retryAfter) => {
      const server = await start({
        faults: [{ fault: { type: 'status', status: 429, retryAfter } }],
      });

      const response = await get(server, '/roles');

      expect(response.headers.get('retry-after')).toBe(retryAfter);
    },
  );

  test('status without retryAfter omits header', async () => {
    const server = await start({
      faults: [{ fault: { type: 'status', status: 429 } }],
    });

    const response = await get(server, '/roles');

    expect(response.status).toBe(429);
    expect(response.headers.has('retry-after')).toBe(false);
  });

  test('times and afterRequests select requests', async () => {
    const server = await start({
      faults: [
        {
          resource: 'roles',
          afterRequests: 1,
          times: 3,
          fault: { type: 'status', status: 503 },
        },
      ],
    });

    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await get(server, '/roles')).status);
    }

    expect(statuses).toEqual([200, 503, 503, 503, 200, 200]);
  });

  test('times Infinity never stops', async () => {
    const server = await start({
      faults: [{ times: Infinity, fault: { type: 'status', status: 502 } }],
    });

    for (let i = 0; i < 4; i++) {
      expect((await get(server, '/computergroups')).status).toBe(502);
    }
  });

  test('custom status body keeps its type', async () => {
    const server = await start({
      faults: [
        {
          fault: {
            type: 'status',
            status: 502,
            body: '<html><body>Bad Gateway</body></html>',
          },
        },
      ],
    });

    const response = await get(server, '/roles');

    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toBe('<html><body>Bad Gateway</body></html>');
  });

  test('path rule matches only that path', async () => {
    const server = await start({
      faults: [
        {
          path: '/apikeys/current',
          times: Infinity,
          fault: { type: 'status', status: 500 },
        },
      ],
    });

    expect((await get(server, '/apikeys/current')).status).toBe(500);
    expect((await get(server, '/apikeys')).status).toBe(200);
  });

  test('resource rule skips apikeys/current', async () => {
    const server = await start({
      faults: [
        {
          resource: 'apiKeys',
          times: Infinity,
          fault: { type: 'status', status: 500 },
        },
      ],
    });

    expect((await get(server, '/apikeys/current')).status).toBe(200);
    expect((await get(server, '/apikeys')).status).toBe(500);
    expect((await search(server, '/apikeys/search', {})).status).toBe(500);
  });

  test('setFaults replaces rules', async () => {
    const server = await start({
      faults: [{ times: Infinity, fault: { type: 'status', status: 500 } }],
    });

    expect((await get(server, '/roles')).status).toBe(500);
    server.setFaults([{ fault: { type: 'status', status: 503 } }]);
    expect((await get(server, '/roles')).status).toBe(503);
    expect((await get(server, '/roles')).status).toBe(200);
    server.setFaults([]);
    expect((await get(server, '/roles')).status).toBe(200);
  });

  test('rejects invalid rule', async () => {
    const server = await start();

    expect(() =>
      server.setFaults([{ times: -1, fault: { type: 'reset' } }]),
    ).toThrow(/times/);
  });

  test('reset destroys socket', async () => {
    const server = await start({ faults: [{ fault: { type: 'reset' } }] });

    await expect(get(server, '/roles')).rejects.toMatchObject({
      type: 'system',
    });
    expect((await get(server, '/roles')).status).toBe(200);
    expect(server.requests[0].status).toBe(0);
  });

  test('hang never responds', async () => {
    const server = await start({ faults: [{ fault: { type: 'hang' } }] });

    await expect(get(server, '/roles', { timeout: 300 })).rejects.toMatchObject(
      { type: 'request-timeout' },
    );
    expect((await get(server, '/roles')).status).toBe(200);
  });

  test('close ends hanging request', async () => {
    const server = await start({ faults: [{ fault: { type: 'hang' } }] });
    const pending = get(server, '/roles');
    await new Promise((resolve) => setTimeout(resolve, 100));

    await server.close();

    await expect(pending).rejects.toMatchObject({ type: 'system' });
  });

  test('stallBody sends headers then stalls', async () => {
    const server = await start({
      faults: [{ resource: 'computers', fault: { type: 'stallBody' } }],
    });

    const response = await get(server, '/computers?expand=none', {
      timeout: 500,
    });

    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toMatchObject({
      type: 'body-timeout',
    });
    expect(server.requests[0].bytesSent).toBeGreaterThan(0);
  });

  test('stallBody on streamed list stalls', async () => {
    const server = await start({
      tenant: { kind: 'generated', seed: 3, computers: 12_000 },
      faults: [{ fault: { type: 'stallBody' } }],
    });

    const response = await get(server, '/computers?expand=none', {
      timeout: 1000,
    });

    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toMatchObject({
      type: 'body-timeout',
    });
  });

  test('truncateBody ends before Content-Length', async () => {
    const server = await start({
      faults: [{ fault: { type: 'truncateBody' } }],
    });

    const reply = await rawGet(server, '/computers?expand=none');

    expect(reply.status).toBe(200);
    expect(reply.complete).toBe(false);
    expect(reply.body.length).toBeGreaterThan(0);
    expect(reply.body.length).toBeLessThan(
      Number(reply.headers['content-length']),
    );
  });

  test('truncateBody ends streamed list early', async () => {
    const server = await start({
      tenant: { kind: 'generated', seed: 3, computers: 12_000 },
      faults: [{ fault: { type: 'truncateBody' } }],
    });

    const reply = await rawGet(server, '/computers?expand=none');

    expect(reply.status).toBe(200);
    expect(reply.complete).toBe(false);
    expect(reply.body.length).toBeGreaterThan(0);
  });

  // node-fetch 2.7 does not compare the received length with Content-Length,
  // so a client notices the truncation only through its timeout.
  test('node-fetch sees truncation as timeout', async () => {
    const server = await start({
      faults: [{ fault: { type: 'truncateBody' } }],
    });

    const response = await get(server, '/computers?expand=none', {
      timeout: 500,
    });

    await expect(response.text()).rejects.toMatchObject({
      type: 'body-timeout',
    });
  });

  test('node-fetch rejects truncated stream', async () => {
    const server = await start({
      tenant: { kind: 'generated', seed: 3, computers: 12_000 },
      faults: [{ fault: { type: 'truncateBody' } }],
    });

    const response = await get(server, '/computers?expand=none');

    await expect(response.text()).rejects.toMatchObject({
      code: 'ERR_STREAM_PREMATURE_CLOSE',
    });
  });

  test('html sends a sign-in page', async () => {
    const server = await start({ faults: [{ fault: { type: 'html' } }] });

    const response = await get(server, '/computers');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toMatch(/^<!DOCTYPE html>/);
  });

  test.each([
    ['list', '/computers?expand=none'],
    ['empty list', '/computergroups'],
    ['object', '/apikeys/current'],
  ])('invalidJson breaks %s body', async (_case, apiPath) => {
    const server = await start({
      tenant: { kind: 'generated', seed: 1, computers: 30 },
      faults: [{ fault: { type: 'invalidJson' } }],
    });

    const response = await get(server, apiPath);
    const text = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    // The break is a member without a value, placed after the first half of the list or object.
    expect(text).toMatch(/^[[{].*"ID":[,\]}]/);
  });

  test('invalidJson breaks error body too', async () => {
    const server = await start({
      faults: [{ fault: { type: 'invalidJson' } }],
    });

    const response = await get(server, '/computers/999999999');
    const text = await response.text();

    expect(response.status).toBe(200);
    expect(text).toContain('The computer does not exist.');
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  test('emptyBody sends nothing', async () => {
    const server = await start({ faults: [{ fault: { type: 'emptyBody' } }] });

    const response = await get(server, '/roles');

    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  test.each([
    [
      'missing',
      (body: unknown): void => {
        expect(body).toEqual({});
      },
    ],
    [
      'null',
      (body: unknown): void => {
        expect(body).toEqual({ computers: null });
      },
    ],
    [
      'renamed',
      (body: unknown): void => {
        expect(asRecord(body).computers).toBeUndefined();
        expect(asArray(asRecord(body).computer)).toHaveLength(5);
      },
    ],
    [
      'bareArray',
      (body: unknown): void => {
        expect(asArray(body)).toHaveLength(5);
      },
    ],
  ] as const)('wrapper %s', async (variant, check) => {
    const server = await start({
      faults: [{ fault: { type: 'wrapper', variant } }],
    });

    const response = await search(server, '/computers/search?expand=none', {
      maxItems: 5,
    });

    expect(response.status).toBe(200);
    check(await response.json());
  });

  test('duplicateIds repeats previous tail', async () => {
    const server = await start();
    const first = listItems(
      await (
        await search(server, '/computers/search?expand=none', idsAfter(0, 10))
      ).json(),
      'computers',
    ).map(idOf);
    server.setFaults([
      { resource: 'computers', fault: { type: 'duplicateIds' } },
    ]);

    const second = listItems(
      await (
        await search(
          server,
          '/computers/search?expand=none',
          idsAfter(first[9], 10),
        )
      ).json(),
      'computers',
    ).map(idOf);

    expect(second).toHaveLength(13);
    expect(second.slice(0, 3)).toEqual(first.slice(7));
    expect(second[3]).toBeGreaterThan(first[9]);
  });

  test('duplicateIds without previous page repeats head', async () => {
    const server = await start({
      faults: [{ fault: { type: 'duplicateIds' } }],
    });

    const ids = listItems(
      await (
        await search(server, '/computers/search?expand=none', idsAfter(0, 10))
      ).json(),
      'computers',
    ).map(idOf);

    expect(ids).toHaveLength(13);
    expect(ids.slice(10)).toEqual(ids.slice(0, 3));
  });

  test('repeatPage returns previous page', async () => {
    const server = await start();
    const first = await (
      await search(server, '/computers/search?expand=none', idsAfter(0, 10))
    ).text();
    server.setFaults([
      { resource: 'computers', times: 2, fault: { type: 'repeatPage' } },
    ]);
    const lastId = idOf(listItems(JSON.parse(first), 'computers')[9]);

    const second = await (
      await search(
        server,
        '/computers/search?expand=none',
        idsAfter(lastId, 10),
      )
    ).text();
    const third = await (
      await search(
        server,
        '/computers/search?expand=none',
        idsAfter(lastId, 10),
      )
    ).text();

    expect(second).toBe(first);
    expect(third).toBe(first);
  });

  test('outOfOrder shuffles deterministically', async () => {
    const server = await start();
    const sorted = listItems(
      await (
        await search(server, '/computers/search?expand=none', idsAfter(0, 50))
      ).json(),
      'computers',
    ).map(idOf);
    server.setFaults([{ times: 2, fault: { type: 'outOfOrder' } }]);

    const shuffled = listItems(
      await (
        await search(server, '/computers/search?expand=none', idsAfter(0, 50))
      ).json(),
      'computers',
    ).map(idOf);
    const again = listItems(
      await (
        await search(server, '/computers/search?expand=none', idsAfter(0, 50))
      ).json(),
      'computers',
    ).map(idOf);

    expect(shuffled).not.toEqual(sorted);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(sorted);
    expect(again).toEqual(shuffled);
  });

  test('redirect sends Location', async () => {
    const server = await start({
      faults: [
        {
          fault: {
            type: 'redirect',
            location: '/api/computergroups',
            status: 307,
          },
        },
      ],
    });

    const manual = await get(server, '/roles', { redirect: 'manual' });
    const followed = await get(server, '/roles');

    expect(manual.status).toBe(307);
    expect(manual.headers.get('location')).toMatch(/\/api\/computergroups$/);
    expect(followed.status).toBe(200);
  });

  test('redirect is followed to target', async () => {
    const server = await start({
      faults: [
        { fault: { type: 'redirect', location: '/api/computergroups' } },
      ],
    });

    const response = await get(server, '/roles');

    expect(
      listItems(await response.json(), 'computerGroups').length,
    ).toBeGreaterThan(0);
    expect(server.requests.map((r) => r.path)).toEqual([
      '/api/roles',
      '/api/computergroups',
    ]);
    expect(server.requests[0].status).toBe(302);
  });

  test('latency delays every response', async () => {
    const server = await start({ latencyMs: 150 });

    const started = Date.now();
    await get(server, '/roles');

    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(server.requests[0].durationMs).toBeGreaterThanOrEqual(140);
  });

  test('stats count requests and bytes', async () => {
    const server = await start();

    const first = await (await get(server, '/roles')).text();
    const second = await (await get(server, '/apikeys')).text();

    expect(server.stats()).toEqual({
      requests: 2,
      bytesSent: Buffer.byteLength(first) + Buffer.byteLength(second),
    });
  });
});

describe('https', () => {
  test('serves over TLS', async () => {
    const pems = selfsigned.generate(
      [{ name: 'commonName', value: '127.0.0.1' }],
      {
        keySize: 2048,
        days: 1,
        algorithm: 'sha256',
        extensions: [
          { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
        ],
      },
    );
    const server = await start({ tls: { key: pems.private, cert: pems.cert } });

    const response = await get(server, '/roles', {
      agent: new https.Agent({ ca: pems.cert }),
    });

    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/api$/);
    expect(response.status).toBe(200);
    await expect(get(server, '/roles')).rejects.toThrow(
      /self.signed|certificate/i,
    );
  });
});

describe('fault rule list', () => {
  test('first applicable rule wins', async () => {
    const rules: FaultRule[] = [
      { resource: 'roles', fault: { type: 'status', status: 500 } },
      { fault: { type: 'status', status: 503 } },
    ];
    const server = await start({ faults: rules });

    expect((await get(server, '/roles')).status).toBe(500);
    // The second rule also matched the first request but was not used up.
    expect((await get(server, '/roles')).status).toBe(503);
    expect((await get(server, '/roles')).status).toBe(200);
  });
});
