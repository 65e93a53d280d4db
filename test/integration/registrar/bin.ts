// registrar/bin/spire-node-registrar as systemd runs it, through startSpire (real SPIRE when
// SPIRE_SERVER_BIN/SPIRE_AGENT_BIN are set): help and version, one exit code per cause, JSON logs, a dry
// run that writes nothing, and TCP + mTLS with an admin SVID (the double only: real SPIRE here gives no
// way to mint one).
import t from 'tap';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSpire } from '../../sim/spire.js';
import { TD, clientOn, nodeEntries, workerRole, writeRole } from '../../unit/registrar/fixtures/world.js';
import { runRegistrar } from './fixtures/process.js';

t.setTimeout(60_000);

const dir = mkdtempSync(join(tmpdir(), 'registrar-bin-'));
t.teardown(() => {
  rmSync(dir, { recursive: true, force: true });
});
const ADMIN = `spiffe://${TD}/registrar-admin`;
const spire = await startSpire({ trustDomain: TD, dir, adminIds: [ADMIN] });
t.teardown(() => spire.close());
t.comment(`running against ${spire.kind === 'sim' ? 'the SPIRE test double' : 'real SPIRE'}`);
const socket = spire.servers[0]!.socketPath;

t.test('--help and --version exit 0 on stdout', async (t) => {
  const help = await runRegistrar(['--help']);
  t.equal(help.code, 0);
  t.match(help.stdout, /^Usage: spire-node-registrar/);
  t.match(help.stdout, /Exit codes: 0 stopped by a signal/);
  const version = await runRegistrar(['--version']);
  t.equal(version.code, 0);
  t.match(version.stdout, /^spire-node-registrar \d+\.\d+\.\d+\n$/);
});

t.test('a bad flag exits 2 with one line naming it', async (t) => {
  const result = await runRegistrar(['--interval', 'often']);
  t.equal(result.code, 2);
  t.match(result.stderr, /^spire-node-registrar: error: --interval must be a number of seconds/);
  t.equal(result.stderr.trim().split('\n').length, 1);
});

t.test('--once without a server exits 3', async (t) => {
  const result = await runRegistrar(['--once', '--socket', join(dir, 'no-such.sock'), '--timeout', '2']);
  t.equal(result.code, 3, result.stderr);
  t.match(result.stderr, /error: cycle failed/);
});

t.test('--once: 0 when everything is in place, 5 when a role is invalid; JSON logs', async (t) => {
  const client = clientOn(t, socket);
  const record = await writeRole(client, workerRole());
  const ok = await runRegistrar([
    '--once',
    '--socket',
    socket,
    '--log-format',
    'json',
    '--log-level',
    'debug',
  ]);
  t.equal(ok.code, 0, ok.stderr);
  const lines = ok.stderr
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  t.match(lines.at(-1), {
    level: 'debug',
    logger: 'spire-node-registrar',
    msg: 'cycle done, nothing to change',
    roles: 1,
  });

  await client.entries.batchUpdate(
    [{ id: record.id, selectors: [...record.selectors, { type: 'node-registrar', value: 'format:9' }] }],
    { inputMask: ['selectors'] },
  );
  const invalid = await runRegistrar(['--once', '--socket', socket]);
  t.equal(invalid.code, 5, invalid.stderr);
  t.match(invalid.stderr, /error: role record is invalid;.* role=worker/);
  await client.entries.batchDelete([record.id]);
});

t.test(
  '--dry-run says what it would do and writes nothing',
  { skip: spire.sim === undefined && 'needs aws_iid-attested nodes (test double only)' },
  async (t) => {
    const client = clientOn(t, socket);
    await writeRole(client, workerRole());
    const { awsIidAttestation } = await import('../../sim/server-agent.js');
    await spire.sim!.controls.attestAgent(
      awsIidAttestation(TD, {
        accountId: '111111111111',
        region: 'eu-west-1',
        instanceId: 'i-0abc',
        tags: { tarmak_role: 'worker' },
      }),
    );
    const result = await runRegistrar(['--once', '--dry-run', '--socket', socket]);
    t.equal(result.code, 0, result.stderr);
    t.match(
      result.stderr,
      /info: would create entry .*spiffeId=spiffe:\/\/example\.org\/k8s\/prod\/node\/i-0abc\.eu-west-1\.compute\.internal\/kubelet/,
    );
    t.same(await nodeEntries(client), []);
  },
);

t.test(
  'TCP + mTLS: an admin SVID works (0), any other SVID is refused (4)',
  { skip: spire.sim === undefined && 'needs an SVID minted by the test double' },
  async (t) => {
    const sim = spire.sim!;
    const address = spire.servers[0]!.tcpAddress;
    const write = async (name: string, spiffeId: string) => {
      const svid = await sim.mintAdminSvid(spiffeId);
      writeFileSync(join(dir, `${name}.pem`), svid.certChainPem);
      writeFileSync(join(dir, `${name}-key.pem`), svid.keyPem, { mode: 0o600 });
      return [
        '--admin-svid-cert',
        join(dir, `${name}.pem`),
        '--admin-svid-key',
        join(dir, `${name}-key.pem`),
      ];
    };
    const common = ['--once', '--address', address, '--trust-domain', TD, '--server-bundle', sim.bundlePath];
    const admin = await runRegistrar([...common, ...(await write('admin', ADMIN))]);
    t.equal(admin.code, 0, admin.stderr);
    const other = await runRegistrar([...common, ...(await write('other', `spiffe://${TD}/someone`))]);
    t.equal(other.code, 4, other.stderr);
    t.match(other.stderr, /PERMISSION_DENIED|authorization denied/);
    t.notMatch(other.stderr + admin.stderr, /PRIVATE KEY/, 'no key material in logs');
    const missing = await runRegistrar([
      ...common,
      '--admin-svid-cert',
      join(dir, 'nope.pem'),
      '--admin-svid-key',
      join(dir, 'nope-key.pem'),
    ]);
    t.equal(missing.code, 2, 'unreadable SVID files are a configuration error');
  },
);
