/**
 * Starts the Deep Security API v1 stand-in on 127.0.0.1 and stops it,
 * including sockets left open by hanging or stalled responses.
 */

import * as http from 'http';
import * as https from 'https';
import { Socket } from 'net';

import { Delays } from './delays';
import { loadDirectoryTenant } from './directory-tenant';
import { FaultRules } from './fault-rules';
import { createGeneratedTenant } from './tenant-generator/tenant';
import { handleRequest, ServerState } from './request-handler';
import { Tenant } from './tenant';
import {
  RunningDeepSecurityServer,
  StartDeepSecurityServerOptions,
  TenantSource,
} from './types';

const HOST = '127.0.0.1';

function loadTenant(source: TenantSource): Promise<Tenant> {
  if (source.kind === 'directory') {
    return loadDirectoryTenant(source.path);
  }
  return Promise.resolve(createGeneratedTenant(source));
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      const address = server.address();
      if (address === null || typeof address === 'string') {
        reject(
          new Error(
            `Deep Security stand-in: unexpected listen address ${String(
              address,
            )}`,
          ),
        );
        return;
      }
      resolve(address.port);
    });
  });
}

function validateOptions(options: StartDeepSecurityServerOptions): void {
  if (options.apiKey === '') {
    throw new Error('Invalid apiKey: it must not be empty.');
  }
  const latencyMs = options.latencyMs ?? 0;
  if (!Number.isFinite(latencyMs) || latencyMs < 0) {
    throw new Error(
      `Invalid latencyMs ${latencyMs}: expected a non-negative number of milliseconds.`,
    );
  }
}

/** Loads the tenant, then listens on 127.0.0.1 (HTTPS when `tls` is given). */
export async function startDeepSecurityServer(
  options: StartDeepSecurityServerOptions,
): Promise<RunningDeepSecurityServer> {
  validateOptions(options);
  const faults = new FaultRules();
  faults.replace(options.faults ?? []);

  const state: ServerState = {
    apiKey: options.apiKey,
    tenant: await loadTenant(options.tenant),
    forbidden: new Set(options.forbidden ?? []),
    latencyMs: options.latencyMs ?? 0,
    faults,
    delays: new Delays(),
    requests: [],
    totals: { bytesSent: 0 },
    previousSearchPages: new Map(),
  };

  const onRequest = (
    request: http.IncomingMessage,
    response: http.ServerResponse,
  ) => {
    handleRequest(state, request, response).catch((error: unknown) => {
      // A bug in the stand-in, not a simulated failure: log it and respond with 500.
      console.error(
        `Deep Security stand-in failed on ${request.method} ${request.url}:`,
        error,
      );
      if (!response.headersSent) {
        response.writeHead(500, { 'Content-Type': 'application/json' });
        response.end(
          JSON.stringify({
            message: 'Internal error in the Deep Security stand-in.',
          }),
        );
      } else {
        response.destroy();
      }
    });
  };

  const server = options.tls
    ? https.createServer(
        { key: options.tls.key, cert: options.tls.cert },
        onRequest,
      )
    : http.createServer(onRequest);

  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  const port = await listen(server, options.port ?? 0);
  const scheme = options.tls ? 'https' : 'http';

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      state.delays.cancelAll();
      server.close(() => resolve());
      for (const socket of sockets) {
        socket.destroy();
      }
    });
    return closing;
  };

  return {
    url: `${scheme}://${HOST}:${port}/api`,
    port,
    requests: state.requests,
    stats: () => ({
      requests: state.requests.length,
      bytesSent: state.totals.bytesSent,
    }),
    setFaults: (rules) => faults.replace(rules),
    close,
  };
}
