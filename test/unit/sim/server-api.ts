// The transport side of the SPIRE Server double: who may call what over the local socket and over TCP
// with mTLS, the server's own SVID, HA endpoints sharing one datastore, health endpoints and the test
// controls. Sources: SPIRE pkg/server/authpolicy/policy_data.json, pkg/server/api/middleware/
// authorization.go + caller.go, pkg/server/endpoints/endpoints.go + auth.go, pkg/server/api/health/v1,
// pkg/common/health/health.go.
import t from 'tap';
import { SimCa } from '../../sim/ca.js';
import type { SimAdminSvid } from '../../sim/index.js';
import {
  TD,
  connect,
  connectTcp,
  createEntries,
  entryInput,
  foreignBundle,
  mtlsCredentials,
  startServerRig,
  svidWithPem,
} from './fixtures/server.js';

const INVALID_ARGUMENT = 3;
const DEADLINE_EXCEEDED = 4;
const PERMISSION_DENIED = 7;
const UNAVAILABLE = 14;

const ADMIN = `spiffe://${TD}/admin`;

function denied(method: string): { code: number; details: string } {
  return { code: PERMISSION_DENIED, details: `authorization denied for method ${method}` };
}

async function foreignSvid(ca: SimCa, spiffeId: string): Promise<SimAdminSvid> {
  const svid = await ca.mintX509Svid({ spiffeId });
  return svidWithPem(svid.certificates, svid.privateKey);
}

t.test('TCP authorization (authpolicy policy_data.json, middleware/authorization.go)', async (t) => {
  const { sim, local } = await startServerRig(t, { adminIds: [ADMIN] });

  t.test('a caller without a client certificate may call GetBundle only', async (t) => {
    const anonymous = connectTcp(t, sim);
    t.equal((await anonymous.bundle.GetBundle({})).trust_domain, TD, 'GetBundle is allow_any');
    await t.rejects(anonymous.entry.ListEntries({}), denied('/spire.api.server.entry.v1.Entry/ListEntries'));
  });

  t.test('a non-admin SVID of the trust domain is denied every admin RPC', async (t) => {
    const user = connectTcp(t, sim, await sim.mintAdminSvid(`spiffe://${TD}/user`));
    await t.rejects(
      user.entry.BatchCreateEntry({ entries: [entryInput()] }),
      denied('/spire.api.server.entry.v1.Entry/BatchCreateEntry'),
    );
    await t.rejects(
      user.agent.CreateJoinToken({ ttl: 60 }),
      denied('/spire.api.server.agent.v1.Agent/CreateJoinToken'),
    );
    await t.rejects(user.bundle.CountBundles({}), denied('/spire.api.server.bundle.v1.Bundle/CountBundles'));
    await t.rejects(
      user.trustdomain.ListFederationRelationships({}),
      denied('/spire.api.server.trustdomain.v1.TrustDomain/ListFederationRelationships'),
    );
    t.equal((await user.bundle.GetBundle({})).trust_domain, TD);
  });

  t.test('a caller listed in admin_ids is admin (isAdminViaConfig)', async (t) => {
    const admin = connectTcp(t, sim, await sim.mintAdminSvid(ADMIN));
    await createEntries(t, admin.entry, [entryInput()]);
    t.equal((await admin.agent.CreateJoinToken({ ttl: 60 })).value.length, 36);
    t.equal((await admin.bundle.CountBundles({})).count, 1);
  });

  t.test(
    'a caller with an admin entry is admin; an entry without admin is not (isAdminViaEntries)',
    async (t) => {
      const svid = await sim.mintAdminSvid(`spiffe://${TD}/ops`);
      const ops = connectTcp(t, sim, svid);
      await createEntries(t, local.entry, [
        entryInput({ id: 'ops-plain', spiffe_id: { trust_domain: TD, path: '/ops' } }),
      ]);
      await t.rejects(ops.entry.CountEntries({}), denied('/spire.api.server.entry.v1.Entry/CountEntries'));
      await createEntries(t, local.entry, [
        entryInput({
          id: 'ops-admin',
          spiffe_id: { trust_domain: TD, path: '/ops' },
          selectors: [{ type: 'unix', value: 'uid:0' }],
          admin: true,
        }),
      ]);
      t.equal((await ops.entry.CountEntries({})).count, 3);
    },
  );

  t.test('grpc.health is local only (policy_data.json allow_local)', async (t) => {
    t.equal((await local.health.Check({})).status, 'SERVING');
    await t.rejects(local.health.Check({ service: 'spire' }), {
      code: INVALID_ARGUMENT,
      details: 'per-service health is not supported',
    });
    const admin = connectTcp(t, sim, await sim.mintAdminSvid(ADMIN));
    await t.rejects(admin.health.Check({}), denied('/grpc.health.v1.Health/Check'));
  });

  t.test('GetFederatedBundle is also open to an attested agent (allow_agent)', async (t) => {
    await local.bundle.BatchCreateFederatedBundle({ bundle: [await foreignBundle('peer.org')] });
    const agent = await sim.controls.attestAgent({
      spiffeId: `spiffe://${TD}/spire/agent/test/node1`,
      attestationType: 'test',
    });
    // The attested SVID itself: the agent check compares serial numbers, so a second SVID is not enough.
    const own = svidWithPem(agent.certificates, agent.privateKey);
    const svid = await sim.mintAdminSvid(agent.spiffeId);
    const asAgent = connectTcp(t, sim, own);
    t.equal((await asAgent.bundle.GetFederatedBundle({ trust_domain: 'peer.org' })).trust_domain, 'peer.org');
    await t.rejects(
      asAgent.bundle.ListFederatedBundles({}),
      denied('/spire.api.server.bundle.v1.Bundle/ListFederatedBundles'),
    );
    const stale = connectTcp(t, sim, svid);
    await t.rejects(
      stale.bundle.GetFederatedBundle({ trust_domain: 'peer.org' }),
      denied('/spire.api.server.bundle.v1.Bundle/GetFederatedBundle'),
    );
  });
});

t.test('TLS handshake rules (endpoints/auth.go serverSpiffeVerificationFunc)', async (t) => {
  const { sim, local } = await startServerRig(t, { adminIds: ['spiffe://partner.org/admin'] });

  t.test('the server presents spiffe://<td>/spire/server chained to the bundle', async (t) => {
    const anonymous = connectTcp(t, sim);
    t.equal((await anonymous.bundle.GetBundle({})).trust_domain, TD, 'mtlsCredentials checked the URI SAN');
  });

  t.test('a client certificate from an unknown CA is refused, even for GetBundle', async (t) => {
    const rogue = await SimCa.create({ trustDomain: TD });
    const clients = connectTcp(t, sim, await foreignSvid(rogue, ADMIN));
    await t.rejects(clients.bundle.GetBundle({}), { code: UNAVAILABLE });
  });

  t.test('a federated SVID is accepted only when its ID is in admin_ids (matchMemberOrOneOf)', async (t) => {
    const partner = await SimCa.create({ trustDomain: 'partner.org' });
    await local.bundle.BatchCreateFederatedBundle({
      bundle: [
        {
          trust_domain: 'partner.org',
          x509_authorities: partner.bundleCertificates().map((c) => ({ asn1: Buffer.from(c.rawData) })),
        },
      ],
    });
    const admin = connectTcp(t, sim, await foreignSvid(partner, 'spiffe://partner.org/admin'));
    t.equal((await admin.entry.CountEntries({})).count, 0, 'federated admin_ids caller is admin');
    const stranger = connectTcp(t, sim, await foreignSvid(partner, 'spiffe://partner.org/other'));
    await t.rejects(stranger.bundle.GetBundle({}), { code: UNAVAILABLE });
  });
});

t.test('an intermediate CA: chains carry the intermediate and mTLS still works', async (t) => {
  const { sim } = await startServerRig(t, { adminIds: [ADMIN], intermediateCa: true });
  const svid = await sim.mintAdminSvid(ADMIN);
  t.equal(svid.certificates.length, 2);
  const admin = connectTcp(t, sim, svid);
  t.equal((await admin.entry.CountEntries({})).count, 0);
});

t.test('HA: endpoints share one datastore and one bundle; each stops and starts alone', async (t) => {
  const { sim } = await startServerRig(t, { servers: 2, adminIds: [ADMIN] });
  const svid = await sim.mintAdminSvid(ADMIN);
  const [first, second] = [connectTcp(t, sim, svid, 0), connectTcp(t, sim, svid, 1)];
  await createEntries(t, first.entry, [entryInput({ id: 'shared' })]);
  t.equal((await second.entry.GetEntry({ id: 'shared' })).id, 'shared', 'written on one, read on the other');
  t.same(
    await first.bundle.GetBundle({}),
    await second.bundle.GetBundle({}),
    'same bundle from every endpoint',
  );

  const server0 = sim.servers[0];
  if (server0 === undefined) throw new Error('no server 0');
  const address = server0.tcpAddress;
  await server0.stop();
  t.equal(server0.running, false);
  await t.rejects(
    first.entry.GetEntry({ id: 'shared' }),
    { code: UNAVAILABLE },
    'the stopped endpoint is down',
  );
  await createEntries(t, second.entry, [
    entryInput({ id: 'while-down', spiffe_id: { trust_domain: TD, path: '/down' } }),
  ]);
  const local1 = connect(`unix://${sim.servers[1]?.socketPath ?? ''}`);
  t.teardown(() => {
    local1.close();
  });
  t.equal((await local1.entry.CountEntries({})).count, 2, 'the other endpoint serves');

  await server0.start();
  t.equal(server0.tcpAddress, address, 'same address after restart');
  const again = connectTcp(t, sim, svid, 0);
  t.equal((await again.entry.GetEntry({ id: 'while-down' })).id, 'while-down');
});

t.test('HTTP health listener (pkg/common/health)', async (t) => {
  const { sim } = await startServerRig(t);
  const server = sim.servers[0];
  if (server === undefined) throw new Error('no server');
  for (const path of ['/live', '/ready']) {
    const response = await fetch(`${server.healthUrl}${path}`);
    t.equal(response.status, 200, `${path} is 200`);
    t.equal(response.headers.get('content-type'), 'application/json');
    t.type(await response.json(), 'object');
  }
  t.equal((await fetch(`${server.healthUrl}/other`)).status, 404);
  await server.stop();
  await t.rejects(fetch(`${server.healthUrl}/live`), 'nothing listens while stopped');
  await server.start();
  t.equal((await fetch(`${server.healthUrl}/ready`)).status, 200, 'back on the same port');
});

t.test('controls', async (t) => {
  const { sim, local } = await startServerRig(t, { servers: 2 });

  t.test('injectRpcFailure fails the next call(s) of one RPC as a whole', async (t) => {
    sim.controls.injectRpcFailure({
      method: 'ListEntries',
      code: UNAVAILABLE,
      message: 'try later',
      times: 2,
    });
    await t.rejects(local.entry.ListEntries({}), { code: UNAVAILABLE, details: 'try later' });
    await t.rejects(local.entry.ListEntries({}), { code: UNAVAILABLE, details: 'try later' });
    t.same((await local.entry.ListEntries({})).entries, []);
    t.equal((await local.entry.CountEntries({})).count, 0, 'other RPCs unaffected');
  });

  t.test('addLatency delays calls past a short deadline', async (t) => {
    sim.controls.addLatency(400);
    const quick = connect(`unix://${sim.servers[0]?.socketPath ?? ''}`, undefined, { deadlineMs: 50 });
    t.teardown(() => {
      quick.close();
    });
    await t.rejects(quick.entry.CountEntries({}), { code: DEADLINE_EXCEEDED });
    sim.controls.addLatency(0);
    t.equal((await local.entry.CountEntries({})).count, 0, 'fine again without latency');
  });

  t.test('rpcCounts counts every call per RPC, overall and per endpoint', async (t) => {
    sim.controls.resetCounts();
    await local.entry.ListEntries({});
    await local.entry.ListEntries({});
    await local.bundle.GetBundle({});
    const other = connect(`unix://${sim.servers[1]?.socketPath ?? ''}`);
    t.teardown(() => {
      other.close();
    });
    await other.entry.ListEntries({});
    t.same(sim.controls.rpcCounts(), { ListEntries: 3, GetBundle: 1 });
    t.equal(sim.servers[1]?.rpcCounts().ListEntries, 1);
    sim.controls.resetCounts();
    t.same(sim.controls.rpcCounts(), {});
  });

  t.test('bundlePem and bundlePath follow CA rotation', async (t) => {
    const { readFileSync } = await import('node:fs');
    const before = sim.bundlePem;
    t.equal(readFileSync(sim.bundlePath, 'utf8'), before);
    await sim.ca.rotate();
    t.not(sim.bundlePem, before);
    t.equal(readFileSync(sim.bundlePath, 'utf8'), sim.bundlePem);
    t.equal(sim.bundle().x509_authorities.length, 2);
  });

  t.test('mtls credentials check the server ID', async (t) => {
    const wrong = { ...sim, trustDomain: 'not-the-td.org' } as typeof sim;
    const clients = connect(sim.servers[0]?.tcpAddress ?? '', mtlsCredentials(wrong));
    t.teardown(() => {
      clients.close();
    });
    await t.rejects(clients.bundle.GetBundle({}), { code: UNAVAILABLE });
  });
});
