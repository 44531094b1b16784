import { createMockExecutionContext } from '@jupiterone/integration-sdk-testing';

import { IntegrationConfig } from '../../src/config/fields';
import { RetryPolicy } from '../../src/deep-security/retryPolicy';
import { invocationConfig } from '../../src/index';

/**
 * Retry delays of a few milliseconds, for `setDeepSecurityClientOptions`,
 * so that failures that are retried still fail within a test.
 */
export const FAST_RETRY_POLICY: Partial<RetryPolicy> = {
  maxAttempts: 2,
  initialDelayMs: 1,
  maxDelayMs: 5,
  attemptTimeoutMs: 5_000,
  totalTimeoutMs: 10_000,
};

export interface ValidationOutcome {
  /** What validateInvocation threw, if anything. */
  error?: Error;
  /** Messages of every logger.warn call during validation. */
  warnings: string[];
}

/** Runs the integration's validateInvocation as the SDK would. */
export async function runValidation(
  instanceConfig: IntegrationConfig,
): Promise<ValidationOutcome> {
  const validate = invocationConfig.validateInvocation;
  if (!validate) {
    throw new Error('src/index.ts declares no validateInvocation.');
  }

  const context = createMockExecutionContext<IntegrationConfig>({
    instanceConfig,
  });
  const warnings: string[] = [];
  jest.spyOn(context.logger, 'warn').mockImplementation((...args) => {
    warnings.push(
      args.filter((arg): arg is string => typeof arg === 'string').join(' '),
    );
    return true;
  });

  try {
    await validate(context);
    return { warnings };
  } catch (err) {
    return {
      error: err instanceof Error ? err : new Error(String(err)),
      warnings,
    };
  }
}

/** Runs validateInvocation and returns the error it must throw. */
export async function validationError(
  instanceConfig: IntegrationConfig,
): Promise<Error> {
  const { error } = await runValidation(instanceConfig);
  if (!error) {
    throw new Error(
      `validateInvocation accepted ${
        instanceConfig.apiUrl ?? 'the configuration'
      }, but it should have thrown.`,
    );
  }
  return error;
}
