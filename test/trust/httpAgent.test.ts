import http from 'http';
import https from 'https';
import { rootCertificates } from 'tls';

import { createAgent } from '../../src/deep-security/httpAgent';
import { createSelfSignedCertificate } from './certificates';

function asHttpsAgent(agent: http.Agent): https.Agent {
  if (!(agent instanceof https.Agent)) {
    throw new Error('createAgent returned a plain http.Agent for https.');
  }
  return agent;
}

describe('createAgent', () => {
  const { cert } = createSelfSignedCertificate();

  test('adds caCertificate to the system authorities', () => {
    const agent = asHttpsAgent(
      createAgent({
        protocol: 'https:',
        caCertificate: cert,
        disableTlsVerification: false,
        maxSockets: 1,
      }),
    );
    expect(agent.options.ca).toEqual([...rootCertificates, cert]);
    expect(agent.options.rejectUnauthorized).toBe(true);
    agent.destroy();
  });

  test('uses the system authorities by default', () => {
    const agent = asHttpsAgent(
      createAgent({
        protocol: 'https:',
        disableTlsVerification: false,
        maxSockets: 1,
      }),
    );

    expect(agent.options.ca).toBeUndefined();
    expect(agent.options.rejectUnauthorized).toBe(true);
    agent.destroy();
  });

  test('verifies unless disabled', () => {
    const agent = asHttpsAgent(
      createAgent({
        protocol: 'https:',
        disableTlsVerification: true,
        maxSockets: 1,
      }),
    );

    expect(agent.options.rejectUnauthorized).toBe(false);
    agent.destroy();
  });

  test('plain http for loopback URLs', () => {
    const agent = createAgent({
      protocol: 'http:',
      caCertificate: cert,
      disableTlsVerification: false,
      maxSockets: 1,
    });

    expect(agent).toBeInstanceOf(http.Agent);
    expect(agent).not.toBeInstanceOf(https.Agent);
    agent.destroy();
  });
});
