/**
 * Builds an entity key from the `_type` and the Deep Security ID. IDs are
 * small integers that repeat across resources (computer 1, group 1 and role
 * 1 exist in one tenant), so the type prefix keeps keys unique and longer
 * than the data model's minimum of 10 characters.
 */
export function entityKey(type: string, id: number | string): string {
  return `${type}:${id}`;
}
