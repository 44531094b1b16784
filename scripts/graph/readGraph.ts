import { promises as fs } from 'fs';
import path from 'path';

export interface EntityRecord {
  key: string;
  type: string;
  classes: string[];
  displayName?: string;
  /** Every property of the entity except `_rawData`. */
  properties: Record<string, unknown>;
}

export interface DirectRelationshipRecord {
  key: string;
  type: string;
  class: string;
  fromKey: string;
  toKey: string;
}

export interface MappedRelationshipRecord {
  key: string;
  type: string;
  class: string;
  sourceKey: string;
  /** FORWARD draws source to target and REVERSE draws target to source. */
  direction: 'FORWARD' | 'REVERSE';
  targetEntity: Record<string, unknown>;
  /** Property sets that identify the target, tried in order. */
  targetFilterKeys: string[][];
}

export interface CollectedGraph {
  entities: EntityRecord[];
  relationships: DirectRelationshipRecord[];
  mappedRelationships: MappedRelationshipRecord[];
  fileCount: number;
  /** Objects that were skipped because they lack required properties. */
  warnings: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/**
 * Lists the JSON files in `entities` and `relationships` folders at any depth
 * under the graph folder, sorted so that the output is stable.
 */
async function findGraphFiles(graphDirectory: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(graphDirectory, { recursive: true });
  } catch (err) {
    throw new Error(
      `Cannot read graph folder ${graphDirectory}: ${
        err instanceof Error ? err.message : String(err)
      }. Run "npm run collect" first or pass --data-dir.`,
    );
  }

  return names
    .filter((name) => {
      const parent = path.basename(path.dirname(name));
      return (
        name.endsWith('.json') &&
        (parent === 'entities' || parent === 'relationships')
      );
    })
    .sort()
    .map((name) => path.join(graphDirectory, name));
}

function toEntity(value: unknown): EntityRecord | string {
  if (!isRecord(value)) {
    return 'entity is not a JSON object';
  }
  const { _key, _type, _class, displayName, name } = value;
  if (!isString(_key) || !isString(_type)) {
    return 'entity lacks a string _key or _type';
  }

  const classes = Array.isArray(_class)
    ? _class.filter(isString)
    : isString(_class)
    ? [_class]
    : [];
  const properties = { ...value };
  delete properties._rawData;

  return {
    key: _key,
    type: _type,
    classes,
    displayName: isString(displayName)
      ? displayName
      : isString(name)
      ? name
      : undefined,
    properties,
  };
}

function toTargetFilterKeys(value: unknown): string[][] {
  if (!Array.isArray(value)) {
    return [];
  }
  return value
    .map((filterKey: unknown) =>
      Array.isArray(filterKey)
        ? filterKey.filter(isString)
        : isString(filterKey)
        ? [filterKey]
        : [],
    )
    .filter((keys) => keys.length > 0);
}

function toRelationship(
  value: unknown,
): DirectRelationshipRecord | MappedRelationshipRecord | string {
  if (!isRecord(value)) {
    return 'relationship is not a JSON object';
  }
  const { _key, _type, _class, _fromEntityKey, _toEntityKey, _mapping } = value;
  if (!isString(_key) || !isString(_type)) {
    return 'relationship lacks a string _key or _type';
  }
  const relationshipClass = isString(_class) ? _class : _type;

  if (_mapping === undefined) {
    if (!isString(_fromEntityKey) || !isString(_toEntityKey)) {
      return `relationship ${_key} lacks _fromEntityKey/_toEntityKey and _mapping`;
    }
    return {
      key: _key,
      type: _type,
      class: relationshipClass,
      fromKey: _fromEntityKey,
      toKey: _toEntityKey,
    };
  }

  if (
    !isRecord(_mapping) ||
    !isString(_mapping.sourceEntityKey) ||
    !isRecord(_mapping.targetEntity)
  ) {
    return `mapped relationship ${_key} lacks _mapping.sourceEntityKey or _mapping.targetEntity`;
  }
  return {
    key: _key,
    type: _type,
    class: relationshipClass,
    sourceKey: _mapping.sourceEntityKey,
    direction:
      _mapping.relationshipDirection === 'REVERSE' ? 'REVERSE' : 'FORWARD',
    targetEntity: _mapping.targetEntity,
    targetFilterKeys: toTargetFilterKeys(_mapping.targetFilterKeys),
  };
}

/**
 * Reads the graph files that `j1-integration collect` wrote under
 * `<dataDirectory>/graph`. Files are `{"entities":[…]}` or
 * `{"relationships":[…]}`. Throws when the folder is missing or a file is
 * not valid JSON, and skips single malformed objects with a warning.
 */
export async function readGraph(
  dataDirectory: string,
): Promise<CollectedGraph> {
  const graph: CollectedGraph = {
    entities: [],
    relationships: [],
    mappedRelationships: [],
    fileCount: 0,
    warnings: [],
  };
  const files = await findGraphFiles(path.join(dataDirectory, 'graph'));

  for (const file of files) {
    let content: unknown;
    try {
      content = JSON.parse(await fs.readFile(file, 'utf8'));
    } catch (err) {
      throw new Error(
        `Cannot parse graph file ${file}: ${
          err instanceof Error ? err.message : String(err)
        }`,
      );
    }
    graph.fileCount += 1;
    if (!isRecord(content)) {
      graph.warnings.push(`${file}: not a JSON object, skipped`);
      continue;
    }

    const entities = Array.isArray(content.entities) ? content.entities : [];
    entities.forEach((value: unknown, index: number) => {
      const entity = toEntity(value);
      if (isString(entity)) {
        graph.warnings.push(`${file} entities[${index}]: ${entity}, skipped`);
      } else {
        graph.entities.push(entity);
      }
    });

    const relationships = Array.isArray(content.relationships)
      ? content.relationships
      : [];
    relationships.forEach((value: unknown, index: number) => {
      const relationship = toRelationship(value);
      if (isString(relationship)) {
        graph.warnings.push(
          `${file} relationships[${index}]: ${relationship}, skipped`,
        );
      } else if ('fromKey' in relationship) {
        graph.relationships.push(relationship);
      } else {
        graph.mappedRelationships.push(relationship);
      }
    });
  }

  return graph;
}
