/**
 * Returns the reason of a TLS error message without node-fetch's
 * `request to <url> failed, reason:` prefix. An OpenSSL error string such as
 * `write EPROTO 80FC…:error:0A00010B:SSL routines:ssl3_get_record:wrong
 * version number:…` is cut down to its reason, `wrong version number`.
 */
export function readTlsReason(message: string): string {
  const reason = message.replace(/^request to \S+ failed, reason: /, '');
  const openSsl = /:SSL routines:[^:]*:([^:]+):/.exec(reason);
  return (openSsl ? openSsl[1] : reason).trim();
}
