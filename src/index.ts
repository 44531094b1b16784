import { IntegrationInvocationConfig } from '@jupiterone/integration-sdk-core';

import { instanceConfigFields, IntegrationConfig } from './config/fields';
import { accountSteps } from './steps/account';
import { administratorRoleSteps } from './steps/administrator-roles';
import { administratorSteps } from './steps/administrators';
import { apiKeySteps } from './steps/api-keys';
import { computerGroupSteps } from './steps/computer-groups';
import { computerSteps } from './steps/computers';
import { relationshipSteps } from './steps/relationships';
import { validateInvocation } from './validateInvocation';

export const invocationConfig: IntegrationInvocationConfig<IntegrationConfig> =
  {
    instanceConfigFields,
    validateInvocation,
    integrationSteps: [
      ...accountSteps,
      ...administratorSteps,
      ...administratorRoleSteps,
      ...apiKeySteps,
      ...computerGroupSteps,
      ...computerSteps,
      ...relationshipSteps,
    ],
  };
