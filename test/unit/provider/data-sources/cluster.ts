// spire_cluster against the SPIRE test double: N servers sharing one datastore agree; a stopped member is
// reported (and only fails the read below min_ready); servers that do not share a datastore disagree on
// the bundle, which is an error on the odd member; and the plan-time rules on the declared members.
import t from 'tap';
import type { Test } from 'tap';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { clusterDataSource } from '../../../../provider/data-sources/cluster.js';
import { startSim } from '../../../sim/index.js';
import type { Sim } from '../../../sim/index.js';
import { at, describe, read, validate } from '../render/fixtures/drive.js';

const TD = 'example.org';
const ADMIN = `spiffe://${TD}/terraform`;

interface Status {
  name: string;
  address: string;
  live: boolean | null;
  ready: boolean | null;
  api_reachable: boolean;
  trust_domain: string | null;
  bundle_sha256: string | null;
  error: string | null;
}

async function sim(t: Test, options: { servers: number; trustDomain?: string }): Promise<Sim> {
  const started = await startSim({
    trustDomain: options.trustDomain ?? TD,
    servers: options.servers,
    dir: t.testdir(),
    adminIds: [ADMIN],
  });
  t.teardown(() => started.close());
  return started;
}

const unixMembers = (s: Sim) =>
  s.servers.map((server) => ({
    name: server.name,
    address: `unix://${server.socketPath}`,
    health_url: server.healthUrl,
  }));

t.test('members sharing one datastore agree, and each is live and ready', async (t) => {
  const cluster = await sim(t, { servers: 3 });
  const { state, diagnostics } = await read(clusterDataSource, {
    trust_domain: TD,
    members: unixMembers(cluster),
  });
  t.strictSame(describe(diagnostics), []);
  const status = state?.status as Status[];
  t.strictSame(
    status.map((s) => [s.name, s.live, s.ready, s.api_reachable, s.trust_domain, s.error]),
    cluster.servers.map((server) => [server.name, true, true, true, TD, null]),
  );
  t.equal(new Set(status.map((s) => s.bundle_sha256)).size, 1, 'one fingerprint');
  t.equal(state?.bundle_sha256, status[0]?.bundle_sha256);
  t.equal(state?.ready_count, 3);
  t.equal(state?.healthy, true);
  t.equal(String(state?.trust_bundle_pem).trim(), cluster.bundlePem.trim(), 'the agreed bundle as PEM');
});

t.test('a stopped member is reported; the read fails only below min_ready', async (t) => {
  const cluster = await sim(t, { servers: 3 });
  await cluster.servers[1]?.stop();
  const members = unixMembers(cluster);
  const { state, diagnostics } = await read(clusterDataSource, { trust_domain: TD, members, min_ready: 2 });
  t.equal(
    at(diagnostics, 'warning', 'members[1]').length,
    1,
    `a warning on members[1]: ${JSON.stringify(describe(diagnostics))}`,
  );
  t.notOk(diagnostics.some((d) => d.severity === 'error'));
  const down = (state?.status as Status[])[1];
  t.match(down, { live: false, ready: false, api_reachable: false, bundle_sha256: null });
  t.match(down?.error, /UNAVAILABLE/);
  t.equal(state?.ready_count, 2);
  t.equal(state?.healthy, false);

  const strict = await read(clusterDataSource, { trust_domain: TD, members, min_ready: 3 });
  t.equal(strict.state, null);
  t.match(
    at(strict.diagnostics, 'error', 'min_ready')[0]?.detail,
    /2 of 3 members are ready; min_ready is 3/,
  );
});

t.test('wait_for_ready_seconds waits for a member that is starting', async (t) => {
  const cluster = await sim(t, { servers: 2 });
  await cluster.servers[0]?.stop();
  await cluster.servers[1]?.stop();
  setTimeout(() => void cluster.servers[0]?.start(), 300);
  const { state, diagnostics } = await read(clusterDataSource, {
    trust_domain: TD,
    members: unixMembers(cluster),
    wait_for_ready_seconds: 60,
  });
  t.notOk(
    diagnostics.some((d) => d.severity === 'error'),
    JSON.stringify(describe(diagnostics)),
  );
  t.equal(state?.ready_count, 1, 'it returned once one member (min_ready 1) was ready');
});

t.test('members that disagree on the trust bundle fail the read, naming the odd member', async (t) => {
  const a = await sim(t, { servers: 2 });
  const b = await sim(t, { servers: 1 }); // same trust domain, its own datastore and CA: a split
  const members = [...unixMembers(a), ...unixMembers(b).map((m) => ({ ...m, name: 'stray' }))];
  const { state, diagnostics } = await read(clusterDataSource, { trust_domain: TD, members });
  t.equal(state, null, 'no state: Terraform stops the plan');
  const errors = at(diagnostics, 'error', 'members[2]');
  t.equal(errors.length, 1, JSON.stringify(describe(diagnostics)));
  t.equal(errors[0]?.summary, 'SPIRE servers disagree on the trust bundle');
  t.match(
    errors[0]?.detail,
    /members\[2\] \(stray\) serves a different trust bundle than server-0, server-1/,
  );
  t.equal(diagnostics.filter((d) => d.severity === 'error').length, 1, 'the majority is not blamed');
});

t.test('a member serving another trust domain is an error', async (t) => {
  const a = await sim(t, { servers: 1 });
  const other = await sim(t, { servers: 1, trustDomain: 'other.example' });
  const { diagnostics } = await read(clusterDataSource, {
    trust_domain: TD,
    members: [...unixMembers(a), ...unixMembers(other)],
  });
  t.match(
    at(diagnostics, 'error', 'members[1]')
      .map((d) => d.detail)
      .join('\n'),
    /trust domain "other\.example", not "example\.org"/,
  );
});

t.test('TCP members are read over mTLS with an admin SVID, as the provider block does', async (t) => {
  const cluster = await sim(t, { servers: 2 });
  const dir = dirname(cluster.bundlePath); // the test's directory (a second t.testdir() would empty it)
  const svid = await cluster.mintAdminSvid(ADMIN);
  writeFileSync(join(dir, 'admin.pem'), svid.certChainPem);
  writeFileSync(join(dir, 'admin-key.pem'), svid.keyPem, { mode: 0o600 });
  const members = cluster.servers.map((s) => ({ address: s.tcpAddress, health_url: s.healthUrl }));
  const { state, diagnostics } = await read(clusterDataSource, {
    trust_domain: TD,
    members,
    admin_svid_cert_file: join(dir, 'admin.pem'),
    admin_svid_key_file: join(dir, 'admin-key.pem'),
    server_bundle_file: cluster.bundlePath,
  });
  t.strictSame(describe(diagnostics), []);
  t.equal(state?.healthy, true);
  t.strictSame(
    (state?.status as Status[]).map((s) => [s.name, s.api_reachable]),
    cluster.servers.map((s) => [s.tcpAddress, true]),
    'the name defaults to the address',
  );

  const noCredentials = await read(clusterDataSource, { trust_domain: TD, members });
  t.equal(noCredentials.state, null);
  t.match(
    at(noCredentials.diagnostics, 'error', 'admin_svid_cert_file')[0]?.detail,
    /need an admin X509-SVID/,
  );
});

interface RuleCase {
  readonly rule: string;
  readonly members: Record<string, unknown>[];
  readonly extra?: Record<string, unknown>;
  readonly path: string;
  readonly message: RegExp;
}

const m = (n: number, extra: Record<string, unknown> = {}) => ({ address: `10.0.${n}.10:8081`, ...extra });

const rules: RuleCase[] = [
  {
    rule: 'members configured for different trust domains',
    members: [m(1, { trust_domain: TD }), m(2, { trust_domain: 'other.example' })],
    path: 'members[1].trust_domain',
    message: /configured for trust domain "other\.example", but the cluster is "example\.org"/,
  },
  {
    rule: 'members chaining to different upstream authorities',
    members: [
      m(1, { upstream_authority_id: 'awssecret:arn:a' }),
      m(2, { upstream_authority_id: 'awssecret:arn:a' }),
      m(3, { upstream_authority_id: 'disk:/etc/spire/root.pem' }),
    ],
    path: 'members[2].upstream_authority_id',
    message: /"disk:\/etc\/spire\/root\.pem" but members\[0\] has "awssecret:arn:a"/,
  },
  {
    rule: 'more than one member on sqlite3',
    members: [m(1, { datastore_type: 'postgres' }), m(2, { datastore_type: 'sqlite3' })],
    path: 'members[1].datastore_type',
    message: /"sqlite3", a file local to one server; the 2 members/,
  },
  {
    rule: 'a member listed twice',
    members: [m(1), m(1)],
    path: 'members[1].address',
    message: /repeats members\[0\]/,
  },
  {
    rule: 'a malformed member address',
    members: [{ address: 'spire.example.org' }],
    path: 'members[0].address',
    message: /neither unix:\/\/\/path nor host:port/,
  },
  {
    rule: 'min_ready above the number of members',
    members: [m(1), m(2)],
    extra: { min_ready: 3 },
    path: 'min_ready',
    message: /min_ready is 3 but there are 2 members/,
  },
  {
    rule: 'at least one member',
    members: [],
    path: 'members',
    message: /at least one server/,
  },
];

for (const rule of rules) {
  t.test(`plan-time rule: ${rule.rule}`, (t) => {
    const diagnostics = validate(clusterDataSource, {
      trust_domain: TD,
      members: rule.members,
      ...rule.extra,
    });
    const found = at(diagnostics, 'error', rule.path);
    t.equal(found.length, 1, `one error at ${rule.path}; got ${JSON.stringify(describe(diagnostics))}`);
    t.match(found[0]?.detail, rule.message);
    t.end();
  });
}

t.test('a single sqlite3 member is fine', (t) => {
  t.strictSame(
    describe(
      validate(clusterDataSource, { trust_domain: TD, members: [m(1, { datastore_type: 'sqlite3' })] }),
    ),
    [],
  );
  t.end();
});
