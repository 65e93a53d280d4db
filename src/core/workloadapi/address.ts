// Locating the Workload API endpoint (SPIFFE_Workload_Endpoint.md §4): explicit configuration first,
// else the SPIFFE_ENDPOINT_SOCKET environment variable, an RFC 3986 URI with scheme `unix` (absolute path,
// no authority) or `tcp` (IP literal and port, nothing else). A bare absolute path and `unix:/path` are
// accepted as well because operators write them (and SPIRE's own tooling prints them).
import { isIPv4, isIPv6 } from 'node:net';
import { CoreError } from '../errors/index.js';

/** The environment variable a conforming client falls back to (SPIFFE_Workload_Endpoint.md §4). */
export const ENDPOINT_SOCKET_ENV = 'SPIFFE_ENDPOINT_SOCKET';

export type EndpointKind = 'unix' | 'tcp';

export interface WorkloadEndpoint {
  /** What @grpc/grpc-js dials: `unix:///abs/path`, `ipv4:1.2.3.4:5` or `ipv6:[::1]:5`. */
  readonly grpcTarget: string;
  readonly kind: EndpointKind;
  /** The canonical URI for messages and logs: `unix:///abs/path` or `tcp://ip:port`. */
  readonly display: string;
}

const MODULE = 'workloadapi';
const EXAMPLES =
  'unix:///run/spire/sockets/agent.sock, /run/spire/sockets/agent.sock or tcp://127.0.0.1:8081';

/**
 * Returns the endpoint to dial: `input` when given (a flag or config value), else `SPIFFE_ENDPOINT_SOCKET`
 * from `env`. Throws CONFIG_INVALID naming the value, where it came from and what was expected.
 */
export function resolveEndpoint(input?: string, env: NodeJS.ProcessEnv = process.env): WorkloadEndpoint {
  if (input !== undefined) return parseEndpoint(input, 'endpoint');
  const fromEnv = env[ENDPOINT_SOCKET_ENV];
  if (fromEnv === undefined || fromEnv === '') {
    throw configError(
      `no Workload API endpoint configured: pass an endpoint or set ${ENDPOINT_SOCKET_ENV} (for example ${EXAMPLES})`,
      undefined,
      ENDPOINT_SOCKET_ENV,
    );
  }
  return parseEndpoint(fromEnv, ENDPOINT_SOCKET_ENV);
}

function parseEndpoint(value: string, source: string): WorkloadEndpoint {
  const fail = (what: string): CoreError =>
    configError(`${source} ${JSON.stringify(value)} ${what}`, value, source);

  if (value === '') throw fail(`is empty; expected ${EXAMPLES}`);
  if (value.startsWith('/')) return unixEndpoint(value, fail);

  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/s.exec(value);
  if (schemeMatch === null) {
    throw fail(`is neither an absolute socket path nor a unix: or tcp: URI; expected ${EXAMPLES}`);
  }
  const scheme = (schemeMatch[1] ?? '').toLowerCase();
  const rest = schemeMatch[2] ?? '';
  switch (scheme) {
    case 'unix':
      return parseUnix(rest, fail);
    case 'tcp':
      return parseTcp(rest, fail);
    default:
      throw fail(`has scheme "${scheme}"; the scheme must be "unix" or "tcp" (expected ${EXAMPLES})`);
  }
}

type Fail = (what: string) => CoreError;

function parseUnix(rest: string, fail: Fail): WorkloadEndpoint {
  let pathPart = rest;
  if (rest.startsWith('//')) {
    const authorityEnd = firstIndexOf(rest, ['/', '?', '#'], 2);
    const authority = rest.slice(2, authorityEnd);
    if (authority !== '') {
      throw fail(
        `has an authority ("${authority}"); a unix URI takes no host, write the absolute path after three slashes: unix:///path/to/agent.sock`,
      );
    }
    pathPart = rest.slice(authorityEnd);
  }
  rejectQueryAndFragment(pathPart, 'unix', fail);
  if (pathPart === '') throw fail('has no socket path; expected unix:///path/to/agent.sock');
  if (!pathPart.startsWith('/')) {
    throw fail('has a relative socket path; the path must be absolute, as in unix:///path/to/agent.sock');
  }
  let path: string;
  try {
    path = decodeURIComponent(pathPart);
  } catch {
    throw fail('has a malformed percent-encoding in its path');
  }
  return unixEndpoint(path, fail);
}

function unixEndpoint(path: string, fail: Fail): WorkloadEndpoint {
  if (path.includes('\0')) throw fail('contains a NUL character');
  return { grpcTarget: `unix://${path}`, kind: 'unix', display: `unix://${path}` };
}

function parseTcp(rest: string, fail: Fail): WorkloadEndpoint {
  if (!rest.startsWith('//')) throw fail('must be written tcp://IP:port, as in tcp://127.0.0.1:8081');
  const authorityEnd = firstIndexOf(rest, ['/', '?', '#'], 2);
  const authority = rest.slice(2, authorityEnd);
  const after = rest.slice(authorityEnd);
  if (authority.includes('@')) throw fail('must not include user info; expected tcp://IP:port');
  if (after.startsWith('/')) throw fail('must not include a path; expected tcp://IP:port');
  rejectQueryAndFragment(after, 'tcp', fail);
  if (authority === '') throw fail('has no host; expected tcp://IP:port');

  let host: string;
  let port: string | undefined;
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close === -1) throw fail('has an unterminated IPv6 literal; expected tcp://[::1]:port');
    host = authority.slice(1, close);
    const tail = authority.slice(close + 1);
    if (tail !== '' && !tail.startsWith(':'))
      throw fail('has text after the IPv6 literal; expected tcp://[::1]:port');
    port = tail === '' ? undefined : tail.slice(1);
    if (!isIPv6(host)) throw fail(`has "${host}" in brackets, which is not an IPv6 address`);
  } else {
    const colon = authority.lastIndexOf(':');
    host = colon === -1 ? authority : authority.slice(0, colon);
    port = colon === -1 ? undefined : authority.slice(colon + 1);
    if (host.includes(':')) throw fail('has an IPv6 address without brackets; write tcp://[addr]:port');
    if (!isIPv4(host)) {
      throw fail(
        `has host "${host}"; the host must be an IP address, not a name (SPIFFE Workload Endpoint §4), as in tcp://127.0.0.1:8081`,
      );
    }
  }
  if (port === undefined || port === '') throw fail('has no port; expected tcp://IP:port');
  if (!/^[0-9]{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
    throw fail(`has port "${port}"; the port must be a number from 1 to 65535`);
  }
  const portNumber = Number(port);
  const v6 = isIPv6(host);
  const hostPort = v6 ? `[${host}]:${portNumber}` : `${host}:${portNumber}`;
  return { grpcTarget: `${v6 ? 'ipv6' : 'ipv4'}:${hostPort}`, kind: 'tcp', display: `tcp://${hostPort}` };
}

function rejectQueryAndFragment(rest: string, scheme: string, fail: Fail): void {
  const expected = scheme === 'unix' ? 'unix:///path/to/agent.sock' : 'tcp://IP:port';
  if (rest.includes('?')) throw fail(`must not include a query; expected ${expected}`);
  if (rest.includes('#')) throw fail(`must not include a fragment; expected ${expected}`);
}

function firstIndexOf(s: string, chars: readonly string[], from: number): number {
  let end = s.length;
  for (const c of chars) {
    const i = s.indexOf(c, from);
    if (i !== -1 && i < end) end = i;
  }
  return end;
}

function configError(message: string, value: string | undefined, source: string): CoreError {
  return new CoreError('CONFIG_INVALID', MODULE, message, {
    details: value === undefined ? { source } : { source, value },
    suggestions: [`Use ${EXAMPLES}.`],
  });
}
