/**
 * The `computerSettings` object of generated computers: 219 entries of the
 * form `"<name>": {"value": "<text>"}`, as many as in captured expand=all
 * responses. Its JSON is about 14.5 KB, a little less than their 16 KB.
 *
 * Names follow the API's pattern `<module>Setting<Topic><Leaf>` but are
 * combined from the word lists below, so they are plausible, not real.
 */

import { JsonObject } from '../json';
import { hashIntegers } from '../random';

export const COMPUTER_SETTING_COUNT = 219;

/** Distinct settings objects per tenant. Each computer uses one of them, which keeps memory constant. */
const VARIANT_COUNT = 8;

const MODULE_PREFIXES = [
  'antiMalwareSetting',
  'firewallSetting',
  'intrusionPreventionSetting',
  'integrityMonitoringSetting',
  'logInspectionSetting',
  'webReputationSetting',
  'applicationControlSetting',
  'activityMonitoringSetting',
  'platformSetting',
];

const TOPICS = [
  'EngineOption',
  'Reconnaissance',
  'AntiEvasion',
  'SmartProtection',
  'ScanCache',
  'EventLogFile',
  'NsxSecurityTagging',
  'CombinedMode',
  'VirtualAppliance',
  'Heartbeat',
  'Syslog',
  'Notification',
  'FailureResponse',
  'ConnectionCleanup',
  'AgentSelfProtection',
];

/** Name endings with the values a setting of that kind takes. */
const LEAVES: readonly { suffix: string; values: readonly string[] }[] = [
  { suffix: 'Enabled', values: ['true', 'false'] },
  { suffix: 'AlertEnabled', values: ['true', 'false'] },
  { suffix: 'Timeout', values: ['20 Seconds', '60 Seconds', '2 Minutes'] },
  { suffix: 'Interval', values: ['10 Minutes', '60 Seconds', '7 Days'] },
  { suffix: 'EntriesMax', values: ['1000', '10000', '500000'] },
  { suffix: 'ConfigId', values: ['0', '1', '2'] },
  { suffix: 'IpListId', values: ['', '1'] },
  { suffix: 'SecurityLevel', values: ['Low', 'Medium', 'High'] },
  { suffix: 'Mode', values: ['Inline', 'Tap'] },
  { suffix: 'SizeMaxMbytes', values: ['4', '128', '1024'] },
  { suffix: 'Action', values: ['Allow', 'Deny', 'Ignore'] },
  {
    suffix: 'ProtectionSource',
    values: ['Agent preferred', 'Appliance preferred'],
  },
  { suffix: 'Exclusions', values: [''] },
  { suffix: 'ServerUrls', values: ['', 'https://spn.example.com:5275'] },
  { suffix: 'AlertThreshold', values: ['5', 'Unlimited'] },
];

interface SettingDefinition {
  name: string;
  values: readonly string[];
}

/** Walks the prefix, topic and leaf lists with coprime strides until COMPUTER_SETTING_COUNT names are distinct. */
function defineSettings(): SettingDefinition[] {
  const names = new Set<string>();
  const definitions: SettingDefinition[] = [];
  for (let step = 0; definitions.length < COMPUTER_SETTING_COUNT; step++) {
    const prefix = MODULE_PREFIXES[step % MODULE_PREFIXES.length];
    const topic = TOPICS[(step * 7) % TOPICS.length];
    const leaf =
      LEAVES[(step * 4 + Math.floor(step / TOPICS.length)) % LEAVES.length];
    const name = `${prefix}${topic}${leaf.suffix}`;
    if (!names.has(name)) {
      names.add(name);
      definitions.push({ name, values: leaf.values });
    }
  }
  return definitions;
}

const SETTING_DEFINITIONS = defineSettings();

/** Builds and caches the settings objects of one tenant. */
export class ComputerSettingsCatalog {
  private readonly variants = new Map<number, JsonObject>();

  constructor(private readonly seed: number) {}

  /** Returns the shared settings object for `variantKey` (any integer). Callers must not modify it. */
  settingsFor(variantKey: number): JsonObject {
    const variant = variantKey % VARIANT_COUNT;
    const cached = this.variants.get(variant);
    if (cached !== undefined) {
      return cached;
    }

    const settings: JsonObject = {};
    SETTING_DEFINITIONS.forEach((definition, position) => {
      const choice =
        hashIntegers([this.seed, variant, position]) % definition.values.length;
      settings[definition.name] = { value: definition.values[choice] };
    });
    this.variants.set(variant, settings);
    return settings;
  }
}
