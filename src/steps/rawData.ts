import { withoutSecrets } from '../util/rawData';

/**
 * Wraps an API record as the entity's raw data, without secret-bearing
 * values. Entities are built with an empty `source`, so the SDK copies no
 * property from the record by itself: every property is set on purpose.
 */
export function rawDataOf(
  record: object,
): Array<{ name: string; rawData: object }> {
  return [{ name: 'default', rawData: withoutSecrets(record) }];
}
