import {
  RelationshipClass,
  RelationshipDirection,
  StepEntityMetadata,
  StepMappedRelationshipMetadata,
  StepRelationshipMetadata,
} from '@jupiterone/integration-sdk-core';

export const Steps = {
  ACCOUNT: 'fetch-account',
  ADMINISTRATORS: 'fetch-administrators',
  ADMINISTRATOR_ROLES: 'fetch-administrator-roles',
  API_KEYS: 'fetch-api-keys',
  COMPUTER_GROUPS: 'fetch-computer-groups',
  COMPUTERS: 'fetch-computers',
  ADMINISTRATOR_ROLE_RELATIONSHIPS: 'build-administrator-role-relationships',
  API_KEY_ROLE_RELATIONSHIPS: 'build-api-key-role-relationships',
  COMPUTER_GROUP_RELATIONSHIPS: 'build-computer-group-relationships',
} as const;

export const Entities: Record<
  | 'ACCOUNT'
  | 'ADMINISTRATOR'
  | 'ADMINISTRATOR_ROLE'
  | 'API_KEY'
  | 'COMPUTER'
  | 'COMPUTER_GROUP'
  | 'AGENT',
  StepEntityMetadata
> = {
  ACCOUNT: {
    resourceName: 'Account',
    _type: 'trend_micro_account',
    _class: ['Account'],
  },
  ADMINISTRATOR: {
    resourceName: 'Administrator',
    _type: 'trend_micro_administrator',
    _class: ['User'],
  },
  ADMINISTRATOR_ROLE: {
    resourceName: 'Administrator Role',
    _type: 'trend_micro_administrator_role',
    _class: ['AccessRole'],
  },
  API_KEY: {
    resourceName: 'API Key',
    _type: 'trend_micro_api_key',
    _class: ['Key'],
  },
  COMPUTER: {
    resourceName: 'Computer',
    _type: 'trend_micro_computer',
    _class: ['Host'],
  },
  COMPUTER_GROUP: {
    resourceName: 'Computer Group',
    _type: 'trend_micro_computer_group',
    _class: ['Group'],
  },
  AGENT: {
    resourceName: 'Agent',
    _type: 'trend_micro_agent',
    _class: ['HostAgent'],
  },
};

function relationship(
  source: StepEntityMetadata,
  _class: RelationshipClass,
  target: StepEntityMetadata,
  _type: string,
): StepRelationshipMetadata {
  return {
    _type,
    sourceType: source._type,
    _class,
    targetType: target._type,
  };
}

export const Relationships = {
  ACCOUNT_HAS_ADMINISTRATOR: relationship(
    Entities.ACCOUNT,
    RelationshipClass.HAS,
    Entities.ADMINISTRATOR,
    'trend_micro_account_has_administrator',
  ),
  ACCOUNT_HAS_ADMINISTRATOR_ROLE: relationship(
    Entities.ACCOUNT,
    RelationshipClass.HAS,
    Entities.ADMINISTRATOR_ROLE,
    'trend_micro_account_has_administrator_role',
  ),
  ACCOUNT_HAS_API_KEY: relationship(
    Entities.ACCOUNT,
    RelationshipClass.HAS,
    Entities.API_KEY,
    'trend_micro_account_has_api_key',
  ),
  ACCOUNT_HAS_COMPUTER_GROUP: relationship(
    Entities.ACCOUNT,
    RelationshipClass.HAS,
    Entities.COMPUTER_GROUP,
    'trend_micro_account_has_computer_group',
  ),
  ACCOUNT_HAS_COMPUTER: relationship(
    Entities.ACCOUNT,
    RelationshipClass.HAS,
    Entities.COMPUTER,
    'trend_micro_account_has_computer',
  ),
  ADMINISTRATOR_ASSIGNED_ROLE: relationship(
    Entities.ADMINISTRATOR,
    RelationshipClass.ASSIGNED,
    Entities.ADMINISTRATOR_ROLE,
    'trend_micro_administrator_assigned_role',
  ),
  API_KEY_ASSIGNED_ROLE: relationship(
    Entities.API_KEY,
    RelationshipClass.ASSIGNED,
    Entities.ADMINISTRATOR_ROLE,
    'trend_micro_api_key_assigned_role',
  ),
  COMPUTER_GROUP_HAS_COMPUTER: relationship(
    Entities.COMPUTER_GROUP,
    RelationshipClass.HAS,
    Entities.COMPUTER,
    'trend_micro_computer_group_has_computer',
  ),
  COMPUTER_GROUP_HAS_COMPUTER_GROUP: relationship(
    Entities.COMPUTER_GROUP,
    RelationshipClass.HAS,
    Entities.COMPUTER_GROUP,
    'trend_micro_computer_group_has_group',
  ),
  AGENT_PROTECTS_COMPUTER: relationship(
    Entities.AGENT,
    RelationshipClass.PROTECTS,
    Entities.COMPUTER,
    'trend_micro_agent_protects_computer',
  ),
};

/**
 * Cloud instances that a computer runs on, owned by the AWS, Azure and Google
 * Cloud integrations. A computer IS the instance: both describe one machine.
 */
export const MappedRelationships: Record<
  | 'COMPUTER_IS_AWS_INSTANCE'
  | 'COMPUTER_IS_AZURE_VM'
  | 'COMPUTER_IS_GCP_INSTANCE',
  StepMappedRelationshipMetadata
> = {
  COMPUTER_IS_AWS_INSTANCE: {
    _type: 'trend_micro_computer_is_aws_instance',
    sourceType: Entities.COMPUTER._type,
    _class: RelationshipClass.IS,
    targetType: 'aws_instance',
    direction: RelationshipDirection.FORWARD,
  },
  COMPUTER_IS_AZURE_VM: {
    _type: 'trend_micro_computer_is_azure_vm',
    sourceType: Entities.COMPUTER._type,
    _class: RelationshipClass.IS,
    targetType: 'azure_vm',
    direction: RelationshipDirection.FORWARD,
  },
  COMPUTER_IS_GCP_INSTANCE: {
    _type: 'trend_micro_computer_is_google_compute_instance',
    sourceType: Entities.COMPUTER._type,
    _class: RelationshipClass.IS,
    targetType: 'google_compute_instance',
    direction: RelationshipDirection.FORWARD,
  },
};
