import {
  createIntegrationEntity,
  Entity,
} from '@jupiterone/integration-sdk-core';

type PropertyValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | string[]
  | number[]
  | Array<{ name: string; rawData: object }>;

export type EntityProperties = {
  _key: string;
  _type: string;
  _class: string | string[];
  name: string;
} & Record<string, PropertyValue>;

/**
 * Builds an entity from curated properties only: `source` stays empty, so
 * the SDK copies nothing from the API record by itself. Undefined values
 * and empty arrays are left out, so that an unknown fact is an absent
 * property, except for the names in `keepEmpty` that the data model
 * requires.
 */
export function createEntity(
  properties: EntityProperties,
  keepEmpty: string[] = [],
): Entity {
  const assign: Record<string, PropertyValue> = {};
  for (const name in properties) {
    const value = properties[name];
    if (
      value === undefined ||
      (Array.isArray(value) && value.length === 0 && !keepEmpty.includes(name))
    ) {
      continue;
    }
    assign[name] = value;
  }

  return createIntegrationEntity({
    entityData: {
      source: {},
      assign: assign as EntityProperties,
    },
  });
}
