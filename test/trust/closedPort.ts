import net from 'net';

/**
 * Returns a port on 127.0.0.1 that nothing listens on: one the system just
 * handed out and that was closed again. Another process could take it in
 * between, which is unlikely within one test.
 */
export async function findClosedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') {
    throw new Error(`Unexpected listen address ${String(address)}`);
  }
  return address.port;
}
