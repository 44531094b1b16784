/**
 * Records returned by the Deep Security REST API v1 (Deep Security Manager,
 * Deep Security as a Service and Cloud One Workload Security).
 *
 * The API leaves out properties whose value is null instead of sending
 * `null`, so nearly every field is optional. IDs are int32 and timestamps are
 * epoch milliseconds. Unused string fields often arrive as `""` and unused
 * references as `0`.
 */

export interface DeepSecurityAdministrator {
  ID: number;
  username?: string;
  fullName?: string;
  description?: string;
  emailAddress?: string;
  phoneNumber?: string;
  mobileNumber?: string;
  pagerNumber?: string;
  roleID?: number;
  active?: boolean;
  /** `normal` or `temporary`. */
  type?: string;
  readOnly?: boolean;
  /** True for administrators that sign in through SAML. */
  external?: boolean;
  externalUserID?: string;
  directoryName?: string;
  directoryInfo?: string;
  /** `none` or `local-totp`. */
  mfaType?: string;
  passwordNeverExpires?: boolean;
  locale?: string;
  timeZone?: string;
  timeFormat?: string;
  UTCOffset?: string;
  primaryContact?: boolean;
  receiveNotifications?: boolean;
  reportPDFPasswordEnabled?: boolean;
  created?: number;
  lastPasswordChange?: number;
  lastSignIn?: number;
  unlockTime?: number;
  unsuccessfulSignInAttempts?: number;
}

export interface DeepSecurityAdministratorRole {
  ID: number;
  name?: string;
  description?: string;
  /** For example `urn:tmds:identity:us-east-ds-1:78422:role/Full Access`. */
  urn?: string;
  immutable?: boolean;
  allComputers?: boolean;
  allPolicies?: boolean;
  allowUserInterface?: boolean;
  /** Whether keys and administrators with this role may call the API. */
  allowWebService?: boolean;
  canOnlyManipulateUsersWithEqualOrLesserRights?: boolean;
  /** Absent when `allComputers` is true. Group ID 0 means "in no group". */
  computerIDs?: number[];
  computerGroupIDs?: number[];
  policyIDs?: number[];
  rights?: DeepSecurityRights;
}

/** Nested `can…` flags, grouped by product area and then by object kind. */
export interface DeepSecurityRights {
  [area: string]: DeepSecurityRightsNode | undefined;
}

export interface DeepSecurityRightsNode {
  [name: string]: boolean | DeepSecurityRightsNode | undefined;
}

export interface DeepSecurityApiKey {
  ID: number;
  keyName?: string;
  description?: string;
  roleID?: number;
  locale?: string;
  timeZone?: string;
  active?: boolean;
  /** True for keys the primary tenant created for cross-tenant calls. */
  serviceAccount?: boolean;
  created?: number;
  lastSignIn?: number;
  unlockTime?: number;
  expiryDate?: number;
  unsuccessfulSignInAttempts?: number;
  /** Sent only by create and regenerate calls, never by list or search. */
  secretKey?: string;
}

/** The response of `GET /apikeys/current`. */
export interface DeepSecurityCurrentApiKey extends DeepSecurityApiKey {
  roleURN?: string;
  tenantID?: number;
  tenantGUID?: string;
  cloudOneAccountID?: string;
}

export interface DeepSecurityComputerGroup {
  ID: number;
  name?: string;
  description?: string;
  type?: string;
  /** Absent for top-level groups. */
  parentGroupID?: number;
  cloudType?: string;
  cloudResourceType?: string;
  cloudID?: string;
  externalID?: string;
  /** Internal manager row IDs, not AWS identifiers. */
  amazonAccountID?: number;
  amazonRegionID?: number;
  amazonVPCID?: number;
  amazonSubnetID?: number;
  amazonWorkspacesID?: number;
  amazonDirectoryID?: number;
  directoryID?: number;
  virtualID?: number;
  virtualType?: string;
  virtualName?: string;
}

/** Agent or appliance status, present with `expand=computerStatus`. */
export interface DeepSecurityComputerStatus {
  /** `inactive`, `active`, `warning`, `error` or `not-supported`. */
  agentStatus?: string;
  agentStatusMessages?: string[];
  applianceStatus?: string;
  applianceStatusMessages?: string[];
}

export interface DeepSecurityInterface {
  ID?: number;
  name?: string;
  displayName?: string;
  detected?: boolean;
  /** Upper case and colon-separated, for example `22:00:0A:20:13:09`. */
  MAC?: string;
  DHCP?: boolean;
  IPs?: string[];
  interfaceTypeID?: number;
}

export interface DeepSecurityModuleStatus {
  agentStatus?: string;
  agentStatusMessage?: string;
  applianceStatus?: string;
  applianceStatusMessage?: string;
}

/** The common part of each protection module object, such as `antiMalware`. */
export interface DeepSecurityProtectionModule {
  /** For example `on`, `off`, `prevent`, `detect` or `real-time`. */
  state?: string;
  moduleStatus?: DeepSecurityModuleStatus;
}

export interface DeepSecurityEc2Summary {
  cloudProvider?: string;
  /** A 12-digit AWS account ID, sent as a string. */
  accountID?: string;
  instanceID?: string;
  availabilityZone?: string;
  region?: string;
  privateIPAddress?: string;
  publicIPAddress?: string;
  DNSName?: string;
  amiID?: string;
  type?: string;
  state?: string;
  operatingSystem?: string;
  securityGroups?: { name?: string; ID?: string }[];
}

/** Instance identity reported by an agent running without a cloud connector. */
export interface DeepSecurityNoConnectorSummary {
  accountID?: string;
  instanceID?: string;
  region?: string;
  directoryID?: string;
  userName?: string;
}

export interface DeepSecurityAzureArmSummary {
  azureResourceId?: string;
  instanceID?: string;
  subscriptionID?: string;
  resourceGroup?: string;
  location?: string;
  privateIPAddress?: string;
  publicIPAddress?: string;
  type?: string;
}

export interface DeepSecurityAzureVmSummary {
  azureResourceId?: string;
  instanceID?: string;
  subscriptionID?: string;
  cloudService?: string;
  deploymentID?: string;
}

export interface DeepSecurityGcpSummary {
  /** A numeric string, too large for a JavaScript number. */
  instanceID?: string;
  zone?: string;
  privateIPAddress?: string;
  publicIPAddress?: string;
}

export interface DeepSecurityVmwareSummary {
  biosUUID?: string;
  vCenterUUID?: string;
  IPAddress?: string;
  DNSName?: string;
}

export interface DeepSecurityComputer {
  ID: number;
  hostName?: string;
  displayName?: string;
  description?: string;
  /** Free text, for example `Amazon Linux (64 bit) (4.14.62-65.117.amzn1.x86_64)`. */
  platform?: string;
  groupID?: number;
  policyID?: number;
  assetImportanceID?: number;
  relayListID?: number;
  lastIPUsed?: string;
  agentFingerPrint?: string;
  applianceFingerPrint?: string;
  /** `0.0.0.0` when no agent is installed or activated. */
  agentVersion?: string;
  lastAgentCommunication?: number;
  lastApplianceCommunication?: number;
  lastSendPolicyRequest?: number;
  lastSendPolicySuccess?: number;
  hostGUID?: string;
  biosUUID?: string;
  /** Not in the published v50 schema, but read when present. */
  agentGUID?: string;

  computerStatus?: DeepSecurityComputerStatus;
  /** The list is nested one level inside a key of the same name. */
  interfaces?: { interfaces?: DeepSecurityInterface[] };

  antiMalware?: DeepSecurityProtectionModule;
  webReputation?: DeepSecurityProtectionModule;
  firewall?: DeepSecurityProtectionModule;
  intrusionPrevention?: DeepSecurityProtectionModule;
  integrityMonitoring?: DeepSecurityProtectionModule;
  logInspection?: DeepSecurityProtectionModule;
  applicationControl?: DeepSecurityProtectionModule;

  ec2VirtualMachineSummary?: DeepSecurityEc2Summary;
  noConnectorVirtualMachineSummary?: DeepSecurityNoConnectorSummary;
  azureARMVirtualMachineSummary?: DeepSecurityAzureArmSummary;
  azureVMVirtualMachineSummary?: DeepSecurityAzureVmSummary;
  gcpVirtualMachineSummary?: DeepSecurityGcpSummary;
  vmwareVMVirtualMachineSummary?: DeepSecurityVmwareSummary;
}

/** Names of the protection module objects on a computer record. */
export const PROTECTION_MODULES = [
  'antiMalware',
  'webReputation',
  'firewall',
  'intrusionPrevention',
  'integrityMonitoring',
  'logInspection',
  'applicationControl',
] as const;

export type ProtectionModuleName = (typeof PROTECTION_MODULES)[number];
