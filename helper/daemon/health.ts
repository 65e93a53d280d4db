// The health listener: HTTP on a loopback address or a unix socket, never on every interface (spiffe-helper
// binds 0.0.0.0). /live answers 200 while the daemon is healthy, /ready only once every output has been
// written and none is withdrawn (spiffe-helper#423: "healthy" although nothing was written), /metrics the
// Prometheus text. Bodies are JSON facts about the outputs, never key material.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { chmod, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { HealthListen } from './config.js';

/** What the health listener reports, computed at request time. */
export interface HealthSource {
  live(): boolean;
  ready(): boolean;
  /** JSON-serialisable facts for the response body. */
  report(): unknown;
  metrics(): string;
}

export interface HealthServer {
  /** "http://127.0.0.1:PORT" or "unix:///path". */
  readonly address: string;
  close(): Promise<void>;
}

const UNIX_SOCKET_MODE = 0o660;

/** Returns a running health listener on `listen`. */
export async function startHealthServer(listen: HealthListen, source: HealthSource): Promise<HealthServer> {
  const server = createServer((request, response) => {
    handle(request, response, source);
  });
  server.keepAliveTimeout = 1000;
  if (listen.kind === 'unix') {
    // A socket file left by a previous run (killed) would make listen fail with EADDRINUSE.
    await rm(listen.path, { force: true });
    await listenOn(server, listen.path);
    await chmod(listen.path, UNIX_SOCKET_MODE);
    return { address: `unix://${listen.path}`, close: () => closeServer(server, listen.path) };
  }
  await listenOn(server, { host: listen.host, port: listen.port });
  const bound = server.address() as AddressInfo;
  const host = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
  return { address: `http://${host}:${bound.port}`, close: () => closeServer(server, undefined) };
}

function listenOn(server: Server, where: string | { host: string; port: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    const done = (): void => {
      server.off('error', reject);
      resolve();
    };
    if (typeof where === 'string') server.listen(where, done);
    else server.listen(where.port, where.host, done);
  });
}

async function closeServer(server: Server, socketPath: string | undefined): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
    server.closeAllConnections();
  });
  if (socketPath !== undefined) await rm(socketPath, { force: true });
}

function handle(request: IncomingMessage, response: ServerResponse, source: HealthSource): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(response, 405, 'text/plain', 'method not allowed\n', { allow: 'GET, HEAD' });
    return;
  }
  const path = (request.url ?? '/').split('?')[0] ?? '/';
  switch (path) {
    case '/live': {
      const ok = source.live();
      send(response, ok ? 200 : 503, 'application/json', json({ live: ok, ...asObject(source.report()) }));
      return;
    }
    case '/ready': {
      const ok = source.ready();
      send(response, ok ? 200 : 503, 'application/json', json({ ready: ok, ...asObject(source.report()) }));
      return;
    }
    case '/metrics':
      send(response, 200, 'text/plain; version=0.0.4; charset=utf-8', source.metrics());
      return;
    default:
      send(response, 404, 'text/plain', 'not found: try /live, /ready or /metrics\n');
  }
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : { report: value };
}

function json(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}
