/**
 * Makes host-name lookups fail locally, so that no test sends a DNS query
 * off this machine. Names other than `localhost` get ENOTFOUND, as an
 * unknown host would, and IP addresses resolve to themselves. Loaded by jest
 * (`setupFiles`) and, through NODE_OPTIONS, by every CLI run in tests.
 */
const dns = require('dns');
const net = require('net');

function lookupOffline(hostname, options, callback) {
  const done = typeof options === 'function' ? options : callback;
  const all = typeof options === 'object' && options !== null && options.all;
  const family = net.isIP(hostname);
  if (hostname === 'localhost' || family !== 0) {
    const address =
      family === 0
        ? { address: '127.0.0.1', family: 4 }
        : { address: hostname, family };
    process.nextTick(() =>
      all ? done(null, [address]) : done(null, address.address, address.family),
    );
    return;
  }
  const error = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
  error.code = 'ENOTFOUND';
  error.errno = -3008;
  error.syscall = 'getaddrinfo';
  error.hostname = hostname;
  process.nextTick(() => done(error));
}

dns.lookup = lookupOffline;
dns.promises.lookup = (hostname, options) =>
  new Promise((resolve, reject) =>
    lookupOffline(hostname, options || {}, (error, address, family) =>
      error
        ? reject(error)
        : resolve(Array.isArray(address) ? address : { address, family }),
    ),
  );
