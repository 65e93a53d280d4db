// Command-line flags: defaults, the two connection modes, and one configuration error per rule (exit 2
// before anything is contacted).
import t from 'tap';
import { DEFAULT_SOCKET_PATH, parseCommandLine, type RegistrarConfig } from '../../../registrar/config.js';
import { ExitCode, exitCodeFor } from '../../../registrar/errors.js';

function config(args: string[]): RegistrarConfig {
  const parsed = parseCommandLine(args);
  if (!('config' in parsed)) throw new Error('no config');
  return parsed.config;
}

t.test('defaults: the local admin socket, prefix node-registrar., 10 s interval, no EC2', (t) => {
  t.match(config([]), {
    server: { kind: 'unix', socketPath: DEFAULT_SOCKET_PATH },
    prefix: 'node-registrar.',
    intervalMs: 10_000,
    timeoutMs: 30_000,
    ec2: false,
    once: false,
    dryRun: false,
    logLevel: 'info',
    logFormat: 'text',
  });
  t.equal(config([]).trustDomain, undefined, 'read from the server over the socket');
  t.end();
});

t.test('a unix: URL works as --socket', (t) => {
  t.same(config(['--socket', 'unix:///run/spire/api.sock']).server, {
    kind: 'unix',
    socketPath: '/run/spire/api.sock',
  });
  t.end();
});

t.test('TCP: addresses in fail-over order with the trust domain, bundle and admin SVID', (t) => {
  const parsed = config([
    '--address',
    'spire-0:8081',
    '--address',
    '10.0.0.2:8081',
    '--trust-domain',
    'example.org',
    '--server-bundle',
    'b.pem',
    '--admin-svid-cert',
    'c.pem',
    '--admin-svid-key',
    'k.pem',
    '--ec2',
    '--ec2-endpoint',
    'https://ec2.{region}.amazonaws.com.cn',
    '--interval',
    '2.5',
  ]);
  t.same(parsed.server, {
    kind: 'tcp',
    addresses: ['spire-0:8081', '10.0.0.2:8081'],
    bundleFile: 'b.pem',
    svidCertFile: 'c.pem',
    svidKeyFile: 'k.pem',
  });
  t.equal(parsed.trustDomain?.name, 'example.org');
  t.same(parsed.ec2, { endpoint: 'https://ec2.{region}.amazonaws.com.cn' });
  t.equal(parsed.intervalMs, 2500);
  t.end();
});

t.test('configuration errors (exit code 2)', (t) => {
  const tcp = ['--address', 'h:1', '--trust-domain', 'example.org'];
  const rows: [string, string[], RegExp][] = [
    ['an unknown flag', ['--bogus'], /bogus/],
    ['a positional argument', ['run'], /run/],
    [
      '--socket and --address together',
      ['--socket', '/s', ...tcp, '--server-bundle', 'b', '--admin-svid-cert', 'c', '--admin-svid-key', 'k'],
      /not both/,
    ],
    ['--address without the trust domain', ['--address', 'h:1'], /--trust-domain/],
    ['--address without credentials', tcp, /--server-bundle, --admin-svid-cert and --admin-svid-key/],
    ['an address that is not host:port', ['--address', 'h', '--trust-domain', 'example.org'], /host:port/],
    ['a TCP-only flag with the socket', ['--server-bundle', 'b.pem'], /only applies with --address/],
    ['a bad trust domain', ['--trust-domain', 'Not A Domain'], /--trust-domain/],
    ['a bad prefix', ['--entry-id-prefix', 'a/b'], /--entry-id-prefix "a\/b" must hold only/],
    ['a zero interval', ['--interval', '0'], /--interval must be a number of seconds/],
    ['a word as interval', ['--interval', 'often'], /--interval/],
    ['an unknown log level', ['--log-level', 'loud'], /--log-level must be one of/],
    ['an unknown log format', ['--log-format', 'xml'], /--log-format must be text or json/],
    ['--ec2-endpoint without --ec2', ['--ec2-endpoint', 'https://x'], /only applies with --ec2/],
    ['--ec2-endpoint that is not a URL', ['--ec2', '--ec2-endpoint', 'nope'], /is not a URL/],
  ];
  for (const [name, args, message] of rows) {
    let error: unknown;
    try {
      parseCommandLine(args);
    } catch (err) {
      error = err;
    }
    t.match(String(error), message, name);
    t.equal(exitCodeFor(error), ExitCode.CONFIG, `${name}: exit 2`);
  }
  t.end();
});

t.test('--help and --version', (t) => {
  t.same(parseCommandLine(['--help']), { help: true });
  t.same(parseCommandLine(['--version']), { version: true });
  t.end();
});
