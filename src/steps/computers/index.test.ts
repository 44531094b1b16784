import { MappedRelationship } from '@jupiterone/integration-sdk-core';

import {
  Entities,
  MappedRelationships,
  Relationships,
  Steps,
} from '../../constants';
import { generatedTenantCounts } from '../../../test/deep-security-server';
import { RECORDING_TENANT } from '../../../test/helpers/recording';
import {
  entitiesOfType,
  executeRecordedStep,
  findMisdirected,
  relationshipsOfType,
  testInvocationConfig,
  stepMetadataConfig,
} from '../../../test/helpers/stepTest';

const counts = generatedTenantCounts(
  RECORDING_TENANT.seed,
  RECORDING_TENANT.computers,
);

test('fetch-computers', async () => {
  const result = await executeRecordedStep(Steps.COMPUTERS, __dirname);
  const direct = result.collectedRelationships.filter(
    (relationship) => !relationship._mapping,
  );
  const mapped = result.collectedRelationships.filter(
    (relationship): relationship is MappedRelationship =>
      relationship._mapping !== undefined,
  );

  // The SDK's matcher rejects steps that declare mapped relationships, so
  // it checks the direct part against a copy without them, and the mapped
  // part is checked against its metadata below.
  expect({ ...result, collectedRelationships: direct }).toMatchStepMetadata(
    stepMetadataConfig(Steps.COMPUTERS, withoutMappedRelationships()),
  );

  const computers = entitiesOfType(
    result.collectedEntities,
    Entities.COMPUTER._type,
  );
  const agents = entitiesOfType(result.collectedEntities, Entities.AGENT._type);
  expect(computers).toHaveLength(counts.computers);
  expect(computers).toMatchGraphObjectSchema({
    _class: Entities.COMPUTER._class,
  });
  expect(agents).toHaveLength(counts.computersWithAgent);
  expect(agents).toMatchGraphObjectSchema({ _class: Entities.AGENT._class });

  const protects = relationshipsOfType(
    direct,
    Relationships.AGENT_PROTECTS_COMPUTER,
  );
  expect(protects).toHaveLength(counts.computersWithAgent);
  expect(
    findMisdirected(direct, Relationships.AGENT_PROTECTS_COMPUTER),
  ).toEqual([]);

  for (const relationship of mapped) {
    const metadata = Object.values(MappedRelationships).find(
      (candidate) => candidate._type === relationship._type,
    );
    expect(metadata).toBeDefined();
    expect(relationship._mapping).toMatchObject({
      relationshipDirection: metadata?.direction,
      targetEntity: { _type: metadata?.targetType },
    });
    expect(relationship._mapping.sourceEntityKey).toMatch(
      /^trend_micro_computer:/,
    );
  }

  const summaries = counts.virtualMachineSummaries;
  const mappedTypes = mapped.map((relationship) => relationship._type);
  expect(
    mappedTypes.filter(
      (type) => type === 'trend_micro_computer_is_aws_instance',
    ),
  ).toHaveLength(
    summaries.ec2VirtualMachineSummary +
      summaries.noConnectorVirtualMachineSummary,
  );
  expect(
    mappedTypes.filter((type) => type === 'trend_micro_computer_is_azure_vm'),
  ).toHaveLength(summaries.azureARMVirtualMachineSummary);
  expect(
    mappedTypes.filter(
      (type) => type === 'trend_micro_computer_is_google_compute_instance',
    ),
  ).toHaveLength(summaries.gcpVirtualMachineSummary);
});

function withoutMappedRelationships() {
  return {
    ...testInvocationConfig,
    integrationSteps: testInvocationConfig.integrationSteps.map((step) => ({
      ...step,
      mappedRelationships: undefined,
    })),
  };
}
