import { isIPv4 } from 'net';

import { DeepSecurityComputer } from '../../deep-security/types';
import { ipAddress, stringArray, uniqueDefined } from '../../util/values';
import { CloudInstance } from './cloudInstance';

export interface HostNetwork {
  ipAddress: string[];
  privateIpAddress: string[];
  publicIpAddress: string[];
  macAddress: string[];
}

/**
 * Collects the addresses of a computer from the last IP the manager saw,
 * every interface and the cloud summaries, without repeats.
 */
export function readNetwork(
  computer: DeepSecurityComputer,
  instances: CloudInstance[],
): HostNetwork {
  const nested = computer.interfaces?.interfaces;
  const interfaces = Array.isArray(nested) ? nested : [];

  const interfaceIps = interfaces.flatMap((networkInterface) =>
    stringArray(networkInterface?.IPs).map(ipAddress),
  );
  const declaredPrivate = instances.map(
    (instance) => instance.privateIpAddress,
  );
  const declaredPublic = instances.map((instance) => instance.publicIpAddress);

  const all = uniqueDefined([
    ipAddress(computer.lastIPUsed),
    ...interfaceIps,
    ...declaredPrivate,
    ...declaredPublic,
  ]);
  // Addresses that a cloud summary declares private or public stay on that
  // side, and the others are sorted by their range.
  const privateIps = new Set(uniqueDefined(declaredPrivate));
  const publicIps = new Set(uniqueDefined(declaredPublic));
  for (const address of all) {
    (isPrivateAddress(address) ? privateIps : publicIps).add(address);
  }

  return {
    ipAddress: all,
    privateIpAddress: Array.from(privateIps),
    publicIpAddress: Array.from(publicIps),
    macAddress: uniqueDefined(
      interfaces.map((networkInterface) =>
        normalizeMacAddress(networkInterface?.MAC),
      ),
    ),
  };
}

/**
 * Returns a MAC address in lower case with colons, the form other
 * integrations report, or undefined when the value is not 12 hex digits or
 * is all zeros.
 */
export function normalizeMacAddress(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const hex = value.replace(/[\s:.-]/g, '').toLowerCase();
  if (!/^[0-9a-f]{12}$/.test(hex) || /^0+$/.test(hex)) {
    return undefined;
  }
  return hex.match(/../g)?.join(':');
}

/**
 * Checks whether an address is not routable on the internet. For IPv4 that
 * is RFC 1918, shared address space (RFC 6598), loopback and link-local. For
 * IPv6 it is unique local, link-local and loopback.
 */
export function isPrivateAddress(address: string): boolean {
  if (isIPv4(address)) {
    const firstDot = address.indexOf('.');
    const a = Number(address.slice(0, firstDot));
    const b = Number(
      address.slice(firstDot + 1, address.indexOf('.', firstDot + 1)),
    );
    return (
      a === 10 ||
      a === 127 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  const lower = address.toLowerCase();
  return (
    lower === '::1' ||
    lower.startsWith('fc') ||
    lower.startsWith('fd') ||
    /^fe[89ab]/.test(lower)
  );
}
