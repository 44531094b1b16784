import * as http from 'http';
import * as https from 'https';
import { rootCertificates } from 'tls';

export interface AgentOptions {
  protocol: string;
  caCertificate?: string;
  disableTlsVerification: boolean;
  maxSockets: number;
}

/**
 * Builds the keep-alive agent for every request of one run. A configured
 * certificate authority is trusted in addition to the system ones, and only
 * by this agent, so no other code in the process trusts it.
 */
export function createAgent(options: AgentOptions): http.Agent {
  const common = {
    keepAlive: true,
    maxSockets: options.maxSockets,
  };

  if (options.protocol === 'http:') {
    return new http.Agent(common);
  }

  return new https.Agent({
    ...common,
    ca: options.caCertificate
      ? [...rootCertificates, options.caCertificate]
      : undefined,
    rejectUnauthorized: !options.disableTlsVerification,
  });
}
