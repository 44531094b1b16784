import { RequestFailure } from './requestFailure';

/** OpenSSL and Node codes for a certificate that no trusted authority signed. */
const UNTRUSTED_CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
]);

const UNTRUSTED_ADVICE =
  "The manager's certificate is not signed by a trusted certificate authority. If the manager uses a self-signed certificate or a private certificate authority, set caCertificate to the PEM text of that certificate or authority. If caCertificate is already set, it holds a different authority than the one that signed the manager's certificate.";

const TLS_ADVICE: Record<string, string> = {
  ERR_TLS_CERT_ALTNAME_INVALID:
    "The manager's certificate does not list the host name in apiUrl. Set apiUrl to a host name that the certificate lists, or have the certificate reissued for this name. caCertificate does not change this check.",
  CERT_HAS_EXPIRED:
    "The manager's certificate has expired. Renew it on the manager.",
  CERT_NOT_YET_VALID:
    "The manager's certificate is not valid yet. Check the clocks of this machine and of the manager.",
  CERT_REVOKED:
    "The manager's certificate was revoked. Install a new certificate on the manager.",
};

const HANDSHAKE_ADVICE =
  'The TLS handshake failed, which usually means that the port does not serve HTTPS. Check the scheme and port in apiUrl: a Deep Security Manager serves HTTPS on port 4119 by default.';

const NETWORK_ADVICE: Record<string, string> = {
  ECONNREFUSED:
    'Nothing accepted the connection. Check the host and port in apiUrl (a Deep Security Manager listens on port 4119 by default) and that the manager is running.',
  ECONNRESET:
    'The connection was closed before a response arrived. Check for a proxy or firewall between this machine and the manager.',
  EHOSTUNREACH:
    'There is no network route to the host. Check the host in apiUrl and the network between this machine and the manager.',
  ENETUNREACH:
    'There is no network route to the host. Check the host in apiUrl and the network between this machine and the manager.',
  EAI_AGAIN:
    "The host name lookup failed for now. Check this machine's DNS settings.",
};

const TIMEOUT_ADVICE =
  'Check that a firewall or proxy lets this machine reach the manager, and that the manager is responding.';

const SERVER_ERROR_ADVICE =
  'The manager reported a server error, which is not a problem with the integration configuration. Try again later, and check the health of the manager if the error persists.';

/**
 * Returns what the user should change or check after a failed request, or
 * undefined when the failure's own message already states it. 401 and 403
 * are not covered here, because their errors name the key and the right.
 */
export function adviceFor(failure: RequestFailure): string | undefined {
  const { code, status } = failure.options;
  switch (failure.kind) {
    case 'tls':
      return tlsAdvice(code);
    case 'timeout':
      return TIMEOUT_ADVICE;
    case 'network':
      return code === 'ETIMEDOUT'
        ? TIMEOUT_ADVICE
        : code === undefined
        ? undefined
        : NETWORK_ADVICE[code];
    case 'http':
      return status !== undefined && status >= 500
        ? SERVER_ERROR_ADVICE
        : undefined;
    default:
      return undefined;
  }
}

function tlsAdvice(code: string | undefined): string {
  if (code !== undefined && UNTRUSTED_CERTIFICATE_CODES.has(code)) {
    return UNTRUSTED_ADVICE;
  }
  return (code !== undefined && TLS_ADVICE[code]) || HANDSHAKE_ADVICE;
}
