import { JobState } from '@jupiterone/integration-sdk-core';

/** A link from one entity to another object by Deep Security ID: [entity key, ID]. */
export type Reference = [string, number];

/**
 * Returns the references a fetch step saved under `dataKey`. When that step
 * ran in an earlier, cached collection, they are read back from the
 * entities' `property` instead.
 */
export async function readReferences(
  jobState: JobState,
  dataKey: string,
  entityType: string,
  property: string,
): Promise<Reference[]> {
  const saved = await jobState.getData<Reference[]>(dataKey);
  if (saved) {
    return saved;
  }

  const references: Reference[] = [];
  await jobState.iterateEntities({ _type: entityType }, (entity) => {
    const id = entity[property];
    if (typeof id === 'number') {
      references.push([entity._key, id]);
    }
  });
  return references;
}
