import {
  IntegrationError,
  IntegrationProviderAPIError,
  IntegrationProviderAuthenticationError,
  IntegrationProviderAuthorizationError,
} from '@jupiterone/integration-sdk-core';

import { errorMessage } from '../util/errorMessage';
import { adviceFor } from './failureAdvice';
import { RequestFailure } from './requestFailure';

export interface FailedRequestContext {
  endpoint: string;
  attempts: number;
  requiredRight?: string;
  resourceTypes?: string[];
}

/**
 * Maps the last failure of a request to the SDK error class of what the
 * user must fix. A 401 becomes an authentication error, and a 403 an
 * authorization error naming the right to grant. Anything else becomes a
 * provider API error that keeps its own cause and adds what to check.
 */
export function toIntegrationError(
  err: unknown,
  context: FailedRequestContext,
): IntegrationError {
  if (!(err instanceof RequestFailure)) {
    return new IntegrationProviderAPIError({
      endpoint: context.endpoint,
      status: 'UNKNOWN',
      statusText: errorMessage(err),
      message: `Deep Security request ${
        context.endpoint
      } failed: ${errorMessage(err)}`,
      cause: err instanceof Error ? err : undefined,
    });
  }

  const { status, apiMessage, statusText } = err.options;
  const reason = (apiMessage ?? statusText ?? '').replace(/\.+$/, '');

  if (err.kind === 'http' && status === 401) {
    return new IntegrationProviderAuthenticationError({
      endpoint: context.endpoint,
      status,
      statusText: `${
        reason || 'Unauthorized'
      }. The API key was rejected: check that apiKey is an active, unexpired key of this deployment, and that apiKeyType matches it (legacy keys use the api-secret-key header, Cloud One API keys the Authorization header).`,
      cause: err,
    });
  }

  if (err.kind === 'http' && status === 403) {
    const right = context.requiredRight
      ? ` Grant the key's role the right "${context.requiredRight}", and check that the role allows API access (allowWebService).`
      : ` Check that the key's role allows API access (allowWebService).`;
    return new IntegrationProviderAuthorizationError({
      endpoint: context.endpoint,
      status,
      statusText: `${reason || 'Forbidden'}.${right}`,
      resourceType: context.resourceTypes,
      cause: err,
    });
  }

  const attempts =
    context.attempts > 1 ? ` (gave up after ${context.attempts} attempts)` : '';
  const advice = adviceFor(err);
  return new IntegrationProviderAPIError({
    endpoint: context.endpoint,
    status: status ?? err.options.code ?? err.kind.toUpperCase(),
    statusText: err.message,
    message: `Deep Security request ${context.endpoint} failed: ${endSentence(
      `${err.message.replace(/\.+$/, '')}${attempts}`,
    )}${advice ? ` ${advice}` : ''}`,
    cause: err,
  });
}

function endSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
