import { GraphEdge, GraphModel, GraphNode } from './graphModel';

export interface GroupCount {
  group: string;
  type: string;
  kind: GraphNode['kind'];
  total: number;
  shown: number;
}

export interface EdgeTypeCount {
  type: string;
  total: number;
  shown: number;
}

export interface GraphSample {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** True when nodes were left out because the graph exceeds the node cap. */
  sampled: boolean;
  totalNodes: number;
  totalEdges: number;
  /** Node counts per legend group, sorted by group name. */
  groups: GroupCount[];
  /** Edge counts per relationship `_type`, sorted by type. */
  edgeTypes: EdgeTypeCount[];
}

function countEdgeTypes(
  allEdges: GraphEdge[],
  shownEdges: GraphEdge[],
): EdgeTypeCount[] {
  const counts = new Map<string, EdgeTypeCount>();
  const countFor = (type: string): EdgeTypeCount => {
    const existing = counts.get(type);
    if (existing) {
      return existing;
    }
    const created = { type, total: 0, shown: 0 };
    counts.set(type, created);
    return created;
  };

  for (const edge of allEdges) {
    countFor(edge.type).total += 1;
  }
  for (const edge of shownEdges) {
    countFor(edge.type).shown += 1;
  }
  return [...counts.values()].sort((left, right) =>
    left.type.localeCompare(right.type),
  );
}

/**
 * Splits `maxNodes` across the groups by max-min fairness: groups smaller
 * than an equal share are kept whole, and the remaining budget is split
 * equally among the larger groups. Small types thus keep their full
 * structure, and no single large type crowds out the others.
 */
function allocateQuotas(sizes: number[], maxNodes: number): number[] {
  const quotas = sizes.map(() => 0);
  const open = sizes
    .map((size, index) => ({ size, index }))
    .sort((left, right) => left.size - right.size);
  let budget = maxNodes;

  while (open.length > 0) {
    const share = Math.floor(budget / open.length);
    const smallest = open[0];
    if (smallest.size <= share) {
      quotas[smallest.index] = smallest.size;
      budget -= smallest.size;
      open.shift();
      continue;
    }

    // Every open group is larger than the share: each gets the share, and the
    // rounding remainder goes to the largest groups.
    let leftover = budget - share * open.length;
    for (const group of [...open].reverse()) {
      quotas[group.index] = share + (leftover > 0 ? 1 : 0);
      leftover -= 1;
    }
    break;
  }
  return quotas;
}

/**
 * Keeps the whole graph when it has at most `maxNodes` nodes. Otherwise
 * keeps a sample of `maxNodes` nodes, taking the most connected nodes of
 * each group, and the edges between them.
 */
export function sampleGraph(model: GraphModel, maxNodes: number): GraphSample {
  const degree = new Map<number, number>();
  for (const edge of model.edges) {
    degree.set(edge.from, (degree.get(edge.from) ?? 0) + 1);
    degree.set(edge.to, (degree.get(edge.to) ?? 0) + 1);
  }

  const nodesByGroup = new Map<string, GraphNode[]>();
  for (const node of model.nodes) {
    const members = nodesByGroup.get(node.group);
    if (members) {
      members.push(node);
    } else {
      nodesByGroup.set(node.group, [node]);
    }
  }
  const groupNames = [...nodesByGroup.keys()].sort();
  const sampled = model.nodes.length > maxNodes;

  const keptIds = new Set<number>();
  const quotas = sampled
    ? allocateQuotas(
        groupNames.map((name) => nodesByGroup.get(name)?.length ?? 0),
        maxNodes,
      )
    : groupNames.map((name) => nodesByGroup.get(name)?.length ?? 0);

  const groups: GroupCount[] = groupNames.map((name, index) => {
    const members = nodesByGroup.get(name) ?? [];
    // Array.prototype.sort is stable, so ties keep file order.
    const byDegree = [...members].sort(
      (left, right) => (degree.get(right.id) ?? 0) - (degree.get(left.id) ?? 0),
    );
    for (const node of byDegree.slice(0, quotas[index])) {
      keptIds.add(node.id);
    }
    return {
      group: name,
      type: members[0].type,
      kind: members[0].kind,
      total: members.length,
      shown: quotas[index],
    };
  });

  const edges = model.edges.filter(
    (edge) => keptIds.has(edge.from) && keptIds.has(edge.to),
  );
  return {
    nodes: model.nodes.filter((node) => keptIds.has(node.id)),
    edges,
    sampled,
    totalNodes: model.nodes.length,
    totalEdges: model.edges.length,
    groups,
    edgeTypes: countEdgeTypes(model.edges, edges),
  };
}
