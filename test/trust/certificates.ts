import { execFileSync } from 'child_process';
import { randomBytes } from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';

import { generate } from 'selfsigned';

/** PEM key and certificate for `startDeepSecurityServer({ tls })`. */
export interface ServerCertificate {
  key: string;
  cert: string;
}

/** subjectAltName entries in node-forge form: type 2 is DNS, type 7 is IP. */
export type AltName = { type: 2; value: string } | { type: 7; ip: string };

export const LOOPBACK_ALT_NAMES: AltName[] = [
  { type: 7, ip: '127.0.0.1' },
  { type: 2, value: 'localhost' },
];

/**
 * Makes a self-signed certificate, like the one a Deep Security Manager
 * installer creates. It is its own authority, so trusting it means putting
 * the certificate itself in caCertificate.
 */
export function createSelfSignedCertificate(
  altNames: AltName[] = LOOPBACK_ALT_NAMES,
): ServerCertificate {
  const pems = generate([{ name: 'commonName', value: 'Deep Security test' }], {
    keySize: 2048,
    algorithm: 'sha256',
    days: 2,
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', keyCertSign: true, digitalSignature: true },
      { name: 'subjectAltName', altNames },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

/** A private certificate authority that signs server certificates with openssl. */
export interface CertificateAuthority {
  /** The authority's PEM certificate, the value for caCertificate. */
  cert: string;
  /**
   * Signs a certificate for 127.0.0.1 and localhost. `validity` is a number
   * of days from now, or a start and end in openssl's `YYYYMMDDHHMMSSZ`
   * form, which can lie in the past.
   */
  issue(validity: number | { start: string; end: string }): ServerCertificate;
}

/**
 * Creates a certificate authority in a temporary folder that is removed
 * after each call. It needs the `openssl` command.
 */
export function createCertificateAuthority(): CertificateAuthority {
  return withTemporaryFolder((folder) => {
    openssl(folder, [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '2',
      '-subj',
      '/CN=Deep Security test authority',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ]);
    const caKey = fs.readFileSync(path.join(folder, 'ca.key'), 'utf8');
    const caCert = fs.readFileSync(path.join(folder, 'ca.pem'), 'utf8');
    return {
      cert: caCert,
      issue: (validity) => issueCertificate(caKey, caCert, validity),
    };
  });
}

function issueCertificate(
  caKey: string,
  caCert: string,
  validity: number | { start: string; end: string },
): ServerCertificate {
  return withTemporaryFolder((folder) => {
    const file = (name: string) => path.join(folder, name);
    fs.writeFileSync(file('ca.key'), caKey);
    fs.writeFileSync(file('ca.pem'), caCert);
    fs.writeFileSync(file('index.txt'), '');
    fs.writeFileSync(file('serial'), `${randomBytes(8).toString('hex')}\n`);
    fs.writeFileSync(
      file('server.ext'),
      [
        'basicConstraints=CA:FALSE',
        'keyUsage=critical,digitalSignature,keyEncipherment',
        'extendedKeyUsage=serverAuth',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
      ].join('\n'),
    );
    // `openssl ca` is used instead of `openssl x509 -req` because only it
    // accepts start and end dates, which an expired certificate needs.
    fs.writeFileSync(
      file('ca.cnf'),
      [
        '[ ca ]',
        'default_ca = test_ca',
        '[ test_ca ]',
        `database = ${file('index.txt')}`,
        `new_certs_dir = ${folder}`,
        `serial = ${file('serial')}`,
        'default_md = sha256',
        'policy = any_name',
        'unique_subject = no',
        '[ any_name ]',
        'commonName = supplied',
      ].join('\n'),
    );

    openssl(folder, [
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'server.key',
      '-out',
      'server.csr',
      '-subj',
      '/CN=127.0.0.1',
    ]);
    const dates =
      typeof validity === 'number'
        ? ['-days', String(validity)]
        : ['-startdate', validity.start, '-enddate', validity.end];
    openssl(folder, [
      'ca',
      '-batch',
      '-notext',
      '-config',
      'ca.cnf',
      '-cert',
      'ca.pem',
      '-keyfile',
      'ca.key',
      '-in',
      'server.csr',
      '-out',
      'server.pem',
      '-extfile',
      'server.ext',
      ...dates,
    ]);
    return {
      key: fs.readFileSync(file('server.key'), 'utf8'),
      cert: fs.readFileSync(file('server.pem'), 'utf8'),
    };
  });
}

function openssl(folder: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: folder, stdio: 'pipe' });
}

function withTemporaryFolder<T>(use: (folder: string) => T): T {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'trend-micro-tls-'));
  try {
    return use(folder);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
