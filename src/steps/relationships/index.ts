import {
  IntegrationStep,
  IntegrationStepExecutionContext,
  StepRelationshipMetadata,
} from '@jupiterone/integration-sdk-core';

import { IntegrationConfig } from '../../config/fields';
import { Entities, Relationships, Steps } from '../../constants';
import { ADMINISTRATOR_ROLE_REFERENCES } from '../administrators';
import { API_KEY_ROLE_REFERENCES } from '../api-keys';
import { COMPUTER_GROUP_REFERENCES } from '../computers';
import { readReferences } from '../references';
import { LinkDirection, linkReferences } from './linkReferences';

/** A relationship step that links the references a fetch step saved. */
interface ReferenceStep {
  id: string;
  name: string;
  dependsOn: string[];
  relationship: StepRelationshipMetadata;
  /** Job data key of the saved `[entity key, ID]` references. */
  referencesDataKey: string;
  /** Entity type and property that hold the references when the fetch step ran in an earlier, cached collection. */
  referringType: string;
  referringProperty: string;
  referencedType: string;
  direction: LinkDirection;
}

const REFERENCE_STEPS: ReferenceStep[] = [
  {
    id: Steps.ADMINISTRATOR_ROLE_RELATIONSHIPS,
    name: 'Build Administrator Role Relationships',
    dependsOn: [Steps.ADMINISTRATORS, Steps.ADMINISTRATOR_ROLES],
    relationship: Relationships.ADMINISTRATOR_ASSIGNED_ROLE,
    referencesDataKey: ADMINISTRATOR_ROLE_REFERENCES,
    referringType: Entities.ADMINISTRATOR._type,
    referringProperty: 'roleId',
    referencedType: Entities.ADMINISTRATOR_ROLE._type,
    direction: 'entity-to-reference',
  },
  {
    id: Steps.API_KEY_ROLE_RELATIONSHIPS,
    name: 'Build API Key Role Relationships',
    dependsOn: [Steps.API_KEYS, Steps.ADMINISTRATOR_ROLES],
    relationship: Relationships.API_KEY_ASSIGNED_ROLE,
    referencesDataKey: API_KEY_ROLE_REFERENCES,
    referringType: Entities.API_KEY._type,
    referringProperty: 'roleId',
    referencedType: Entities.ADMINISTRATOR_ROLE._type,
    direction: 'entity-to-reference',
  },
  {
    id: Steps.COMPUTER_GROUP_RELATIONSHIPS,
    name: 'Build Computer Group Relationships',
    dependsOn: [Steps.COMPUTER_GROUPS, Steps.COMPUTERS],
    relationship: Relationships.COMPUTER_GROUP_HAS_COMPUTER,
    referencesDataKey: COMPUTER_GROUP_REFERENCES,
    referringType: Entities.COMPUTER._type,
    referringProperty: 'groupId',
    referencedType: Entities.COMPUTER_GROUP._type,
    direction: 'reference-to-entity',
  },
];

async function buildReferenceRelationships(
  context: IntegrationStepExecutionContext<IntegrationConfig>,
  step: ReferenceStep,
): Promise<void> {
  await linkReferences({
    context,
    references: await readReferences(
      context.jobState,
      step.referencesDataKey,
      step.referringType,
      step.referringProperty,
    ),
    relationship: step.relationship,
    referencedType: step.referencedType,
    direction: step.direction,
  });
}

export const relationshipSteps: IntegrationStep<IntegrationConfig>[] =
  REFERENCE_STEPS.map((step) => ({
    id: step.id,
    name: step.name,
    entities: [],
    relationships: [step.relationship],
    dependsOn: step.dependsOn,
    executionHandler: (context) => buildReferenceRelationships(context, step),
  }));
