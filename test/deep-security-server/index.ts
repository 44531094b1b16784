/**
 * Local stand-in of the Trend Micro Deep Security API v1 for tests: serves
 * a folder of captured responses or a generated tenant of any size, and
 * injects faults on request.
 */

export { startDeepSecurityServer } from './server';
export { generatedTenantCounts } from './tenant-generator/tenant';
export type { GeneratedTenantCounts } from './tenant-generator/tenant';
export type { VirtualMachineSummaryKind } from './tenant-generator/computer-profile';
export { ODD_COMPUTER_KINDS } from './tenant-generator/computer-profile';
export { EXPAND_VALUES } from './expand';
export { MAX_ITEMS_LIMIT } from './search-filter';
export { RESOURCE_NAMES } from './types';
export type {
  Fault,
  FaultRule,
  RecordedRequest,
  ResourceName,
  RunningDeepSecurityServer,
  StartDeepSecurityServerOptions,
  TenantSource,
} from './types';
