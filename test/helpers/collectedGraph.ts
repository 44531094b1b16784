import path from 'path';

import { Entity, Relationship } from '@jupiterone/integration-sdk-core';
import { iterateParsedGraphFiles } from '@jupiterone/integration-sdk-runtime';

export interface CollectedGraph {
  entities: Entity[];
  relationships: Relationship[];
}

/** Reads every entity and relationship file a collection wrote. */
export async function readCollectedGraph(
  storageDirectory: string,
): Promise<CollectedGraph> {
  const graph: CollectedGraph = { entities: [], relationships: [] };
  await iterateParsedGraphFiles(async (data) => {
    graph.entities.push(...(data.entities ?? []));
    graph.relationships.push(...(data.relationships ?? []));
    await Promise.resolve();
  }, path.join(storageDirectory, 'graph'));
  return graph;
}

/** Counts graph objects by `_type`, sorted by type. */
export function countByType(
  objects: Array<{ _type: string }>,
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const object of objects) {
    counts[object._type] = (counts[object._type] ?? 0) + 1;
  }
  return Object.fromEntries(
    Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)),
  );
}
