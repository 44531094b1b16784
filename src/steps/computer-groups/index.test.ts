import { Entities, Relationships, Steps } from '../../constants';
import { generatedTenantCounts } from '../../../test/deep-security-server';
import { RECORDING_TENANT } from '../../../test/helpers/recording';
import {
  executeRecordedStep,
  findMisdirected,
  relationshipsOfType,
  stepMetadataConfig,
} from '../../../test/helpers/stepTest';

const counts = generatedTenantCounts(
  RECORDING_TENANT.seed,
  RECORDING_TENANT.computers,
);

test('fetch-computer-groups', async () => {
  const result = await executeRecordedStep(Steps.COMPUTER_GROUPS, __dirname);

  expect(result).toMatchStepMetadata(stepMetadataConfig(Steps.COMPUTER_GROUPS));
  expect(result.collectedEntities).toHaveLength(counts.computerGroups);
  expect(result.collectedEntities).toMatchGraphObjectSchema({
    _class: Entities.COMPUTER_GROUP._class,
  });

  const childGroups = result.collectedEntities.filter(
    (entity) => typeof entity.parentGroupId === 'number',
  );
  const hierarchy = relationshipsOfType(
    result.collectedRelationships,
    Relationships.COMPUTER_GROUP_HAS_COMPUTER_GROUP,
  );
  expect(hierarchy.length).toBeGreaterThan(0);
  expect(hierarchy).toHaveLength(childGroups.length);
  expect(
    findMisdirected(
      result.collectedRelationships,
      Relationships.COMPUTER_GROUP_HAS_COMPUTER_GROUP,
    ),
  ).toEqual([]);

  for (const child of childGroups) {
    expect(hierarchy).toContainEqual(
      expect.objectContaining({
        _fromEntityKey: `trend_micro_computer_group:${child.parentGroupId}`,
        _toEntityKey: child._key,
      }),
    );
  }
});
