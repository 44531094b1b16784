/** The data model's `Host.platform` values. */
export type HostPlatform =
  | 'darwin'
  | 'linux'
  | 'unix'
  | 'windows'
  | 'android'
  | 'ios'
  | 'embedded'
  | 'other';

const PLATFORM_PATTERNS: Array<[HostPlatform, RegExp]> = [
  ['windows', /windows/i],
  ['darwin', /mac ?os|os x|darwin/i],
  ['android', /android/i],
  ['ios', /\bios\b/i],
  [
    'linux',
    /linux|ubuntu|debian|red ?hat|rhel|centos|suse|sles|fedora|rocky|alma|oracle|amazon|bottlerocket|cloudlinux/i,
  ],
  ['unix', /unix|solaris|sunos|aix|hp-?ux|bsd/i],
];

export interface OperatingSystem {
  platform?: HostPlatform;
  /** The name without architecture and kernel, such as `Amazon Linux`. */
  osName?: string;
  /** `32-bit` or `64-bit`, when the platform text states it. */
  osArchitecture?: string;
  /** The kernel version an agent reports, such as `4.14.62-65.117.amzn1.x86_64`. */
  kernelVersion?: string;
}

/**
 * Reads the free-text `platform` of a computer, for example
 * `Amazon Linux (64 bit) (4.14.62-65.117.amzn1.x86_64)` from an agent, or
 * `Microsoft Windows Server 2019 (64 bit)` from a cloud connector. Unknown
 * text maps to platform `other` with the text as the OS name.
 */
export function parsePlatform(text: string | undefined): OperatingSystem {
  if (text === undefined) {
    return {};
  }

  const platform =
    PLATFORM_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0] ?? 'other';

  const match = /^(.*?)\s*\((\d{2}) ?bit\)\s*(?:\((.+)\))?\s*$/i.exec(text);
  if (!match) {
    return { platform, osName: text };
  }
  return {
    platform,
    osName: match[1] || text,
    osArchitecture: `${match[2]}-bit`,
    kernelVersion: match[3],
  };
}
