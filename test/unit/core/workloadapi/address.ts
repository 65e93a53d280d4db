import t from 'tap';
import { resolveEndpoint } from '../../../../src/core/workloadapi/index.js';
import { isCoreError } from '../../../../src/core/errors/index.js';

const accepted: { name: string; input: string; grpcTarget: string; kind: 'unix' | 'tcp'; display: string }[] =
  [
    {
      name: 'unix URI with empty authority (Endpoint §4)',
      input: 'unix:///run/spire/agent.sock',
      grpcTarget: 'unix:///run/spire/agent.sock',
      kind: 'unix',
      display: 'unix:///run/spire/agent.sock',
    },
    {
      name: 'unix URI without authority',
      input: 'unix:/run/spire/agent.sock',
      grpcTarget: 'unix:///run/spire/agent.sock',
      kind: 'unix',
      display: 'unix:///run/spire/agent.sock',
    },
    {
      name: 'bare absolute path',
      input: '/run/spire/agent.sock',
      grpcTarget: 'unix:///run/spire/agent.sock',
      kind: 'unix',
      display: 'unix:///run/spire/agent.sock',
    },
    {
      name: 'scheme is case-insensitive (RFC 3986 §3.1)',
      input: 'UNIX:///run/a.sock',
      grpcTarget: 'unix:///run/a.sock',
      kind: 'unix',
      display: 'unix:///run/a.sock',
    },
    {
      name: 'percent-encoded unix path is decoded',
      input: 'unix:///run/my%20dir/a.sock',
      grpcTarget: 'unix:///run/my dir/a.sock',
      kind: 'unix',
      display: 'unix:///run/my dir/a.sock',
    },
    {
      name: 'tcp with IPv4 literal and port',
      input: 'tcp://127.0.0.1:8081',
      grpcTarget: 'ipv4:127.0.0.1:8081',
      kind: 'tcp',
      display: 'tcp://127.0.0.1:8081',
    },
    {
      name: 'tcp with bracketed IPv6 literal and port',
      input: 'tcp://[::1]:8081',
      grpcTarget: 'ipv6:[::1]:8081',
      kind: 'tcp',
      display: 'tcp://[::1]:8081',
    },
  ];

for (const row of accepted) {
  t.test(`accepts ${row.name}`, (t) => {
    t.same(resolveEndpoint(row.input, {}), {
      grpcTarget: row.grpcTarget,
      kind: row.kind,
      display: row.display,
    });
    t.end();
  });
}

const rejected: { name: string; input: string; says: RegExp }[] = [
  { name: 'an empty value', input: '', says: /is empty/ },
  { name: 'a relative bare path', input: 'run/agent.sock', says: /neither an absolute socket path/ },
  { name: 'another scheme', input: 'http://127.0.0.1:80', says: /scheme must be "unix" or "tcp"/ },
  {
    name: 'a unix URI with a host (authority MUST NOT be set)',
    input: 'unix://run/agent.sock',
    says: /authority \("run"\)/,
  },
  { name: 'a unix URI without a path', input: 'unix://', says: /no socket path/ },
  { name: 'a unix URI with a relative path', input: 'unix:agent.sock', says: /relative socket path/ },
  { name: 'a unix URI with a query', input: 'unix:///run/a.sock?x=1', says: /must not include a query/ },
  { name: 'a unix URI with a fragment', input: 'unix:///run/a.sock#x', says: /must not include a fragment/ },
  {
    name: 'a unix URI with bad percent-encoding',
    input: 'unix:///run/%zz',
    says: /malformed percent-encoding/,
  },
  { name: 'an opaque tcp URI', input: 'tcp:127.0.0.1:8081', says: /must be written tcp:\/\/IP:port/ },
  { name: 'a tcp URI without a host', input: 'tcp://', says: /has no host/ },
  {
    name: 'a tcp URI with a hostname (host MUST be an IP)',
    input: 'tcp://localhost:8081',
    says: /must be an IP address, not a name/,
  },
  { name: 'a tcp URI without a port', input: 'tcp://127.0.0.1', says: /has no port/ },
  { name: 'a tcp URI with an empty port', input: 'tcp://127.0.0.1:', says: /has no port/ },
  { name: 'a tcp URI with a non-numeric port', input: 'tcp://127.0.0.1:http', says: /port "http"/ },
  { name: 'a tcp URI with port 0', input: 'tcp://127.0.0.1:0', says: /from 1 to 65535/ },
  { name: 'a tcp URI with a port above 65535', input: 'tcp://127.0.0.1:65536', says: /from 1 to 65535/ },
  { name: 'a tcp URI with a path', input: 'tcp://127.0.0.1:8081/foo', says: /must not include a path/ },
  { name: 'a tcp URI with a query', input: 'tcp://127.0.0.1:8081?x', says: /must not include a query/ },
  { name: 'a tcp URI with a fragment', input: 'tcp://127.0.0.1:8081#x', says: /must not include a fragment/ },
  {
    name: 'a tcp URI with user info',
    input: 'tcp://john:doe@127.0.0.1:8081',
    says: /must not include user info/,
  },
  { name: 'a tcp URI with an unbracketed IPv6 address', input: 'tcp://::1:8081', says: /without brackets/ },
  {
    name: 'a tcp URI with a non-IPv6 value in brackets',
    input: 'tcp://[foo]:8081',
    says: /not an IPv6 address/,
  },
  {
    name: 'a tcp URI with an unterminated IPv6 literal',
    input: 'tcp://[::1:8081',
    says: /unterminated IPv6/,
  },
];

for (const row of rejected) {
  t.test(`rejects ${row.name} with CONFIG_INVALID naming the value`, (t) => {
    try {
      resolveEndpoint(row.input, {});
      t.fail('expected an error');
    } catch (err) {
      t.ok(isCoreError(err, 'CONFIG_INVALID'), 'code is CONFIG_INVALID');
      const message = (err as Error).message;
      t.match(message, row.says);
      t.ok(message.includes(JSON.stringify(row.input)), 'message quotes the value');
      t.match(message, /^workloadapi: endpoint /, 'message names where the value came from');
    }
    t.end();
  });
}

t.test('falls back to SPIFFE_ENDPOINT_SOCKET when no endpoint is given (Endpoint §4)', (t) => {
  const endpoint = resolveEndpoint(undefined, { SPIFFE_ENDPOINT_SOCKET: 'unix:///tmp/agent.sock' });
  t.equal(endpoint.grpcTarget, 'unix:///tmp/agent.sock');
  t.end();
});

t.test('an explicit endpoint wins over SPIFFE_ENDPOINT_SOCKET', (t) => {
  const endpoint = resolveEndpoint('/explicit.sock', { SPIFFE_ENDPOINT_SOCKET: 'unix:///tmp/agent.sock' });
  t.equal(endpoint.display, 'unix:///explicit.sock');
  t.end();
});

t.test('an invalid SPIFFE_ENDPOINT_SOCKET is reported under the variable name', (t) => {
  t.throws(() => resolveEndpoint(undefined, { SPIFFE_ENDPOINT_SOCKET: 'tcp://example.org:1' }), {
    code: 'CONFIG_INVALID',
    message: /^workloadapi: SPIFFE_ENDPOINT_SOCKET "tcp:\/\/example.org:1" has host "example.org"/,
  });
  t.end();
});

t.test('no endpoint and no SPIFFE_ENDPOINT_SOCKET says how to configure one', (t) => {
  for (const env of [{}, { SPIFFE_ENDPOINT_SOCKET: '' }]) {
    t.throws(() => resolveEndpoint(undefined, env), {
      code: 'CONFIG_INVALID',
      message: /no Workload API endpoint configured.*SPIFFE_ENDPOINT_SOCKET/,
    });
  }
  t.end();
});
