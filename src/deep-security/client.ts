import { IntegrationLogger } from '@jupiterone/integration-sdk-core';

import { DeepSecurityConnectionConfig } from '../config/resolveConfig';
import { Resources } from './resources';
import { RetryPolicy } from './retryPolicy';
import { searchPages, SearchSummary } from './searchPages';
import { DeepSecurityTransport, TransportStats } from './transport';
import {
  DeepSecurityAdministrator,
  DeepSecurityAdministratorRole,
  DeepSecurityApiKey,
  DeepSecurityComputer,
  DeepSecurityComputerGroup,
  DeepSecurityCurrentApiKey,
} from './types';
import { findWrapperProblem, hasIntegerId } from './wrapper';

export type Iteratee<T> = (record: T) => Promise<void>;

export interface RequestOptions {
  /** Fewer attempts than the retry policy allows, for calls that must fail fast. */
  maxAttempts?: number;
}

export interface DeepSecurityClientOptions {
  retryPolicy?: Partial<RetryPolicy>;
  maxConcurrentRequests?: number;
}

/**
 * Reads Deep Security resources. Each `iterate…` method pages through every
 * record in ascending ID order and awaits the iteratee for each one, so no
 * method keeps a whole resource in memory.
 */
export class DeepSecurityClient {
  private readonly transport: DeepSecurityTransport;

  constructor(
    connection: DeepSecurityConnectionConfig,
    private readonly logger: IntegrationLogger,
    options: DeepSecurityClientOptions = {},
  ) {
    this.transport = new DeepSecurityTransport({
      connection,
      logger,
      retryPolicy: options.retryPolicy,
      maxConcurrentRequests: options.maxConcurrentRequests,
    });
  }

  get baseUrl(): string {
    return this.transport.baseUrl;
  }

  getStats(): TransportStats {
    return this.transport.getStats();
  }

  /**
   * Describes the key making the call (`GET /apikeys/current`). This is the
   * cheapest authenticated call; it reads no list.
   */
  async getCurrentApiKey(
    options: RequestOptions = {},
  ): Promise<DeepSecurityCurrentApiKey | undefined> {
    const body = await this.transport.request({
      method: 'GET',
      path: '/apikeys/current',
      maxAttempts: options.maxAttempts,
    });
    return hasIntegerId(body) ? (body as DeepSecurityCurrentApiKey) : undefined;
  }

  /**
   * Asks for at most one computer with no expanded objects. Used only to
   * tell whether a key that may not describe itself can read computers.
   */
  async probeComputers(options: RequestOptions = {}): Promise<void> {
    await this.transport.request({
      maxAttempts: options.maxAttempts,
      method: 'POST',
      path: `${Resources.computers.path}/search`,
      query: [['expand', 'none']],
      body: { maxItems: 1 },
      requiredRight: Resources.computers.requiredRight,
      resourceTypes: Resources.computers.resourceTypes,
      findBodyProblem: (body) =>
        findWrapperProblem(body, Resources.computers.wrapper),
    });
  }

  /** Needs the role right to view administrators. */
  iterateAdministrators(
    iteratee: Iteratee<DeepSecurityAdministrator>,
  ): Promise<SearchSummary> {
    return searchPages(
      this.transport,
      Resources.administrators,
      this.logger,
      iteratee,
    );
  }

  /** Needs the role right to view administrator roles. */
  iterateAdministratorRoles(
    iteratee: Iteratee<DeepSecurityAdministratorRole>,
  ): Promise<SearchSummary> {
    return searchPages(this.transport, Resources.roles, this.logger, iteratee);
  }

  /** Needs the role right to view API keys. */
  iterateApiKeys(
    iteratee: Iteratee<DeepSecurityApiKey>,
  ): Promise<SearchSummary> {
    return searchPages(
      this.transport,
      Resources.apiKeys,
      this.logger,
      iteratee,
    );
  }

  /** Follows the key's computer scope; there is no separate right. */
  iterateComputerGroups(
    iteratee: Iteratee<DeepSecurityComputerGroup>,
  ): Promise<SearchSummary> {
    return searchPages(
      this.transport,
      Resources.computerGroups,
      this.logger,
      iteratee,
    );
  }

  /** Returns only the computers in the key's computer scope. */
  iterateComputers(
    iteratee: Iteratee<DeepSecurityComputer>,
  ): Promise<SearchSummary> {
    return searchPages(
      this.transport,
      Resources.computers,
      this.logger,
      iteratee,
    );
  }

  /** Closes idle connections. */
  close(): void {
    this.transport.destroy();
  }
}
