/**
 * A tenant read from a folder of captured responses, one file per resource
 * in the API's wrapper format, for example apikeys.json with `{"apiKeys":[…]}`.
 */

import { promises as fs } from 'fs';
import * as path from 'path';

import { EXPAND_ALL, projectComputer } from './expand';
import { isJsonObject, JsonObject, withoutNulls } from './json';
import { ArrayRecordSource, RecordSource } from './record-source';
import { RESOURCES, Tenant, tenantIdFromRoleUrn } from './tenant';
import { ResourceName } from './types';

async function readRecords(
  folder: string,
  resource: ResourceName,
): Promise<JsonObject[]> {
  const { segment, wrapper } = RESOURCES[resource];
  const file = path.join(folder, `${segment}.json`);
  const parsed: unknown = JSON.parse(await fs.readFile(file, 'utf8'));

  // The API leaves out null properties, so the files are served without them.
  const document = withoutNulls(parsed, file);
  const records = isJsonObject(document) ? document[wrapper] : undefined;
  if (!Array.isArray(records) || !records.every(isJsonObject)) {
    throw new Error(
      `Invalid tenant file ${file}: expected a JSON object whose "${wrapper}" property is an array of records.`,
    );
  }
  return records.filter(isJsonObject);
}

/**
 * Picks the key that `GET /apikeys/current` describes: the active key with
 * the lowest ID whose role allows API access, else the first key, or a
 * placeholder when the folder has no keys.
 */
function chooseCurrentApiKey(
  apiKeys: RecordSource,
  roles: RecordSource,
): JsonObject {
  const keys: JsonObject[] = [];
  for (let i = 0; i < apiKeys.size; i++) {
    keys.push(apiKeys.recordAt(i, EXPAND_ALL));
  }
  const roleRecords: JsonObject[] = [];
  for (let i = 0; i < roles.size; i++) {
    roleRecords.push(roles.recordAt(i, EXPAND_ALL));
  }

  const usable = keys.find((key) => {
    const role = roleRecords.find((candidate) => candidate.ID === key.roleID);
    return (
      key.active !== false &&
      role !== undefined &&
      role.allowWebService !== false
    );
  });
  const chosen = usable ?? keys[0];
  if (chosen === undefined) {
    return { ID: 1, keyName: 'stand-in key', roleID: 1, active: true };
  }

  const role = roleRecords.find((candidate) => candidate.ID === chosen.roleID);
  return {
    ...chosen,
    tenantID: tenantIdFromRoleUrn(role?.urn ?? roleRecords[0]?.urn),
  };
}

/** Reads the five resource files of `folder`. Raises an error naming the first invalid file. */
export async function loadDirectoryTenant(folder: string): Promise<Tenant> {
  const load = async (resource: ResourceName) =>
    new ArrayRecordSource(resource, await readRecords(folder, resource));

  const sources: Record<ResourceName, RecordSource> = {
    administrators: await load('administrators'),
    roles: await load('roles'),
    apiKeys: await load('apiKeys'),
    computers: new ArrayRecordSource(
      'computers',
      await readRecords(folder, 'computers'),
      projectComputer,
    ),
    computerGroups: await load('computerGroups'),
  };

  const currentApiKey = chooseCurrentApiKey(sources.apiKeys, sources.roles);
  return {
    source: (resource) => sources[resource],
    currentApiKey: () => currentApiKey,
  };
}
