// terraform/examples/local-ha with the real terraform CLI against three servers of the SPIRE test double
// sharing one datastore: spire_cluster is green, the entries are applied with every address configured,
// and one member is stopped while the apply is writing entries; the provider fails over, nothing is lost,
// and spire_cluster then reports the stopped member. Real SPIRE (SPIRE_SERVER_BIN) runs one server here,
// so this test needs the double.
import t from 'tap';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dialSpireServer } from '../../../src/core/spireapi/index.js';
import { TD, skipWithoutTerraform, startBackend, workspace } from './harness/spire-provider.js';

t.setTimeout(90_000);

const example = fileURLToPath(new URL('../../../terraform/examples/local-ha/', import.meta.url));
const ADMIN = `spiffe://${TD}/terraform`;
const WORKLOADS = 12;
const realSpire = process.env.SPIRE_SERVER_BIN !== undefined && process.env.SPIRE_SERVER_BIN !== '';
const skip =
  skipWithoutTerraform ||
  (realSpire ? 'HA needs three servers; real SPIRE runs one here (test/sim/spire.ts)' : false);

interface ClusterOutput {
  healthy: boolean;
  ready_count: number;
  status: { name: string; live: boolean | null; ready: boolean | null; api_reachable: boolean }[];
}

t.test('local-ha: failover while applying entries', { skip }, async (t) => {
  const backend = await startBackend(t, { servers: 3, adminIds: [ADMIN] });
  const { sim, spire } = backend;
  if (sim === undefined) throw new Error('the HA example needs the test double');
  const ws = workspace(t);
  for (const file of readdirSync(example).filter((f) => f.endsWith('.tf')))
    copyFileSync(join(example, file), join(ws.dir, file));
  const svid = await sim.mintAdminSvid(ADMIN);
  writeFileSync(join(ws.dir, 'admin.pem'), svid.certChainPem);
  writeFileSync(join(ws.dir, 'admin-key.pem'), svid.keyPem, { mode: 0o600 });
  writeFileSync(
    join(ws.dir, 'terraform.tfvars.json'),
    JSON.stringify({
      trust_domain: TD,
      servers: spire.servers.map((s) => ({ name: s.name, address: s.tcpAddress, health_url: s.healthUrl })),
      admin_svid_cert_file: join(ws.dir, 'admin.pem'),
      admin_svid_key_file: join(ws.dir, 'admin-key.pem'),
      server_bundle_file: spire.bundlePath,
      terraform_spiffe_id: ADMIN,
      agent_id: backend.parent,
      workloads: WORKLOADS,
    }),
  );
  const cluster = async (): Promise<ClusterOutput> => {
    const out = await ws.run(['output', '-json', 'cluster']);
    return JSON.parse(out.stdout) as ClusterOutput;
  };
  // Entries as a running server reports them (the harness client sits on server 0, which may be stopped).
  const ours = async () => {
    const running = spire.servers.find((s) => s.running);
    if (running === undefined) throw new Error('no server running');
    const client = dialSpireServer({ socketPath: running.socketPath });
    try {
      return (await client.entries.listAll()).filter((e) =>
        e.spiffeId.startsWith(`spiffe://${TD}/workload/`),
      );
    } finally {
      client.close();
    }
  };

  let stopped = '';
  await t.test('apply succeeds although the server taking the writes is stopped mid-apply', async (t) => {
    // Slow every RPC so the first BatchCreateEntry is still in flight when its server goes away.
    sim.controls.addLatency(200);
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const target = spire.servers.find((s) => (s.rpcCounts().BatchCreateEntry ?? 0) > 0);
        if (target !== undefined) {
          stopped = target.name;
          await target.stop();
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const result = await ws.run(['apply', '-auto-approve']);
    watching = false;
    await watcher;
    sim.controls.addLatency(0);
    t.equal(result.code, 0, result.stderr);
    t.not(stopped, '', `a member was stopped while writing entries (${stopped})`);
    t.comment(`stopped ${stopped} mid-apply`);
    const entries = await ours();
    t.equal(entries.length, WORKLOADS, 'every entry exists once');
    t.ok(
      entries.every((e) => e.id.startsWith('tf-')),
      'with the provider prefix',
    );
    const seen = await cluster();
    t.equal(seen.healthy, true, 'spire_cluster was green when the plan read it');
    t.equal(seen.ready_count, 3);
  });

  await t.test('with the member down spire_cluster reports it, and there is nothing to change', async (t) => {
    // A plain apply re-reads spire_cluster and refreshes every entry against a surviving server.
    const again = await ws.run(['apply', '-auto-approve']);
    t.equal(again.code, 0, again.stderr);
    t.match(
      again.stdout,
      /Resources: 0 added, 0 changed, 0 destroyed/,
      'every entry matched what the servers hold',
    );
    t.match(
      again.stdout + again.stderr,
      new RegExp(`SPIRE server not reachable[\\s\\S]*${stopped}`),
      'a warning names the stopped member',
    );
    const seen = await cluster();
    t.equal(seen.healthy, false);
    t.equal(seen.ready_count, 2, 'two of three ready: still a majority (min_ready)');
    t.match(
      seen.status.find((s) => s.name === stopped),
      { live: false, ready: false, api_reachable: false },
    );
  });

  await t.test('destroy removes every entry, with the member still down', async (t) => {
    const destroy = await ws.run(['destroy', '-auto-approve']);
    t.equal(destroy.code, 0, destroy.stderr);
    t.equal((await ours()).length, 0);
  });
});
