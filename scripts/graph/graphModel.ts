import {
  CollectedGraph,
  EntityRecord,
  MappedRelationshipRecord,
} from './readGraph';

/**
 * `entity` is a collected entity, `placeholder` a mapped relationship target
 * that the integration did not collect, and `missing` an entity that a
 * relationship names but no graph file contains.
 */
export type NodeKind = 'entity' | 'placeholder' | 'missing';

export interface GraphNode {
  id: number;
  type: string;
  kind: NodeKind;
  /** Legend group name: the `_type`, with a suffix for placeholders, or `missing entity`. */
  group: string;
  label: string;
  /** Plain-text tooltip. */
  title: string;
}

export interface GraphEdge {
  id: number;
  from: number;
  to: number;
  /** The relationship `_class`, such as HAS. */
  label: string;
  type: string;
  mapped: boolean;
  title: string;
}

export interface GraphModel {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Entities whose `_key` repeats an earlier entity's, drawn once. */
  duplicateEntityKeys: string[];
}

export const MISSING_GROUP = 'missing entity';

const MAX_TOOLTIP_PROPERTIES = 20;
const MAX_TOOLTIP_VALUE_LENGTH = 120;
/** Long key values, such as Azure resource ids, would make labels cover their neighbours. */
const MAX_LABEL_VALUE_LENGTH = 48;

export function placeholderGroup(type: string): string {
  return `${type} (mapped target)`;
}

function formatValue(
  value: unknown,
  maxLength = MAX_TOOLTIP_VALUE_LENGTH,
): string {
  // JSON.stringify returns undefined, not a string, for undefined.
  const text =
    typeof value === 'string' ? value : JSON.stringify(value) ?? 'undefined';
  return text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
}

function formatProperties(properties: Record<string, unknown>): string {
  const entries = Object.entries(properties);
  const lines = entries
    .slice(0, MAX_TOOLTIP_PROPERTIES)
    .map(([name, value]) => `${name}: ${formatValue(value)}`);
  if (entries.length > MAX_TOOLTIP_PROPERTIES) {
    lines.push(`… ${entries.length - MAX_TOOLTIP_PROPERTIES} more properties`);
  }
  return lines.join('\n');
}

function valuesEqual(left: unknown, right: unknown): boolean {
  return left === right || JSON.stringify(left) === JSON.stringify(right);
}

/**
 * Tells whether a collected entity satisfies one target filter key set. A
 * `_class` filter matches when the entity has every class the target names.
 */
function matchesFilter(
  entity: EntityRecord,
  target: Record<string, unknown>,
  filterKeys: string[],
): boolean {
  return filterKeys.every((name) => {
    const expected = target[name];
    if (name === '_class') {
      const classes = Array.isArray(expected) ? expected : [expected];
      return classes.every(
        (targetClass) =>
          typeof targetClass === 'string' &&
          entity.classes.includes(targetClass),
      );
    }
    return valuesEqual(entity.properties[name], expected);
  });
}

function targetType(mapping: MappedRelationshipRecord): string {
  const type = mapping.targetEntity._type;
  return typeof type === 'string' ? type : 'unknown type';
}

/** Key properties of a mapped target: every filter key except `_type`, in first-seen order. */
function targetKeyProperties(mapping: MappedRelationshipRecord): string[] {
  const names = new Set(mapping.targetFilterKeys.flat());
  names.delete('_type');
  return [...names];
}

/**
 * Builds the nodes and edges to draw from the collected graph. Mapped
 * relationship targets are linked to a collected entity when one matches a
 * target filter key set, and otherwise become placeholder nodes shared by
 * every relationship that names the same target.
 */
export function buildGraphModel(graph: CollectedGraph): GraphModel {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const duplicateEntityKeys: string[] = [];
  const nodeIdByEntityKey = new Map<string, number>();
  const entityByKey = new Map<string, EntityRecord>();

  const addNode = (node: Omit<GraphNode, 'id'>): number => {
    const id = nodes.length + 1;
    nodes.push({ id, ...node });
    return id;
  };

  for (const entity of graph.entities) {
    if (nodeIdByEntityKey.has(entity.key)) {
      duplicateEntityKeys.push(entity.key);
      continue;
    }
    entityByKey.set(entity.key, entity);
    nodeIdByEntityKey.set(
      entity.key,
      addNode({
        type: entity.type,
        kind: 'entity',
        group: entity.type,
        label: entity.displayName ?? entity.key,
        title: formatProperties(entity.properties),
      }),
    );
  }

  // A relationship endpoint outside the collected entities still gets a node,
  // so that the broken reference is visible.
  const nodeIdForKey = (key: string): number => {
    const existing = nodeIdByEntityKey.get(key);
    if (existing !== undefined) {
      return existing;
    }
    const id = addNode({
      type: MISSING_GROUP,
      kind: 'missing',
      group: MISSING_GROUP,
      label: key,
      title: `No collected entity has _key ${key}`,
    });
    nodeIdByEntityKey.set(key, id);
    return id;
  };

  for (const relationship of graph.relationships) {
    edges.push({
      id: edges.length + 1,
      from: nodeIdForKey(relationship.fromKey),
      to: nodeIdForKey(relationship.toKey),
      label: relationship.class,
      type: relationship.type,
      mapped: false,
      title: `${relationship.type}\n_key: ${relationship.key}`,
    });
  }

  const placeholderIds = new Map<string, number>();
  const collectedEntities = [...entityByKey.values()];

  // Entities indexed by the values of one filter key set (without _class) and
  // built on first use, so that matching does not compare every mapped
  // relationship with every entity.
  const filterIndexes = new Map<string, Map<string, EntityRecord[]>>();
  const candidatesFor = (
    filterKeys: string[],
    target: Record<string, unknown>,
  ): EntityRecord[] => {
    const valueKeys = filterKeys.filter((name) => name !== '_class');
    const signature = JSON.stringify(valueKeys);

    let index = filterIndexes.get(signature);
    if (!index) {
      index = new Map();
      for (const entity of collectedEntities) {
        const values = JSON.stringify(
          valueKeys.map((name) => entity.properties[name]),
        );
        const bucket = index.get(values);
        if (bucket) {
          bucket.push(entity);
        } else {
          index.set(values, [entity]);
        }
      }
      filterIndexes.set(signature, index);
    }

    const values = JSON.stringify(valueKeys.map((name) => target[name]));
    return index.get(values) ?? [];
  };

  const findCollectedTarget = (
    mapping: MappedRelationshipRecord,
  ): number | undefined => {
    for (const filterKeys of mapping.targetFilterKeys) {
      if (filterKeys.some((name) => mapping.targetEntity[name] === undefined)) {
        continue;
      }
      const match = candidatesFor(filterKeys, mapping.targetEntity).find(
        (entity) => matchesFilter(entity, mapping.targetEntity, filterKeys),
      );
      if (match) {
        return nodeIdByEntityKey.get(match.key);
      }
    }
    return undefined;
  };

  const placeholderFor = (mapping: MappedRelationshipRecord): number => {
    const type = targetType(mapping);
    const keyProperties = targetKeyProperties(mapping);
    const identity = JSON.stringify([
      type,
      keyProperties.map((name) => [name, mapping.targetEntity[name]]),
    ]);

    const existing = placeholderIds.get(identity);
    if (existing !== undefined) {
      return existing;
    }
    const keyLines = keyProperties.map(
      (name) =>
        `${name}: ${formatValue(
          mapping.targetEntity[name],
          MAX_LABEL_VALUE_LENGTH,
        )}`,
    );
    const id = addNode({
      type,
      kind: 'placeholder',
      group: placeholderGroup(type),
      label: [type, ...keyLines].join('\n'),
      title: `Mapped target (not collected by this integration)\n${formatProperties(
        mapping.targetEntity,
      )}`,
    });
    placeholderIds.set(identity, id);
    return id;
  };

  for (const mapped of graph.mappedRelationships) {
    const sourceId = nodeIdForKey(mapped.sourceKey);
    const targetId = findCollectedTarget(mapped) ?? placeholderFor(mapped);
    const forward = mapped.direction === 'FORWARD';

    edges.push({
      id: edges.length + 1,
      from: forward ? sourceId : targetId,
      to: forward ? targetId : sourceId,
      label: mapped.class,
      type: mapped.type,
      mapped: true,
      title: `${mapped.type} (mapped, ${mapped.direction})\n_key: ${mapped.key}`,
    });
  }

  return { nodes, edges, duplicateEntityKeys };
}
