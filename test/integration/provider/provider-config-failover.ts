// HA: the provider with two server addresses (TCP + mTLS) keeps working when the server it is talking to
// stops in the middle of an apply, with the real terraform CLI against the SPIRE test double (two server
// endpoints over one datastore; real SPIRE here runs one server, so this skips there).
import t from 'tap';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dialSpireServer } from '../../../src/core/spireapi/index.js';
import { TD, header, skipWithoutTerraform, startBackend, workspace } from './harness/spire-provider.js';

t.setTimeout(300_000);

const ADMIN = `spiffe://${TD}/admin`;
const COUNT = 30;

t.test('fail-over between two servers against terraform', { skip: skipWithoutTerraform }, async (t) => {
  const backend = await startBackend(t, { servers: 2, adminIds: [ADMIN] });
  const { sim, spire, parent } = backend;
  const [first, second] = spire.servers;
  if (sim === undefined || first === undefined || second === undefined) {
    t.plan(0, 'needs the double with two server endpoints');
    return;
  }
  const ws = workspace(t);
  const svid = await sim.mintAdminSvid(ADMIN);
  const certFile = join(ws.dir, 'admin.pem');
  const keyFile = join(ws.dir, 'admin-key.pem');
  writeFileSync(certFile, svid.certChainPem);
  writeFileSync(keyFile, svid.keyPem, { mode: 0o600 });
  ws.write(
    header +
      `
provider "spire" {
  address              = ["${first.tcpAddress}", "${second.tcpAddress}"]
  trust_domain         = "${TD}"
  admin_svid_cert_file = "${certFile}"
  admin_svid_key_file  = "${keyFile}"
  server_bundle_file   = "${spire.bundlePath}"
}

resource "spire_entry" "e" {
  count     = ${COUNT}
  id_suffix = "ha-\${count.index}"
  spiffe_id = "spiffe://${TD}/ha/\${count.index}"
  parent_id = "${parent}"
  selectors = ["unix:uid:\${count.index}"]
}
`,
  );

  await t.test('the first server stops mid-apply; the apply completes on the second', async (t) => {
    // Slow calls and low parallelism stretch the apply over many batches.
    sim.controls.addLatency(100);
    t.teardown(() => {
      sim.controls.clearFaults();
    });
    const apply = ws.run(['apply', '-auto-approve', '-parallelism=3']);
    let stopped = false;
    while (!stopped) {
      if ((first.rpcCounts().BatchCreateEntry ?? 0) >= 1) {
        await first.stop();
        stopped = true;
      } else {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    const result = await apply;
    t.equal(result.code, 0, result.stderr);
    t.ok((second.rpcCounts().BatchCreateEntry ?? 0) >= 1, 'the second server took over the creates');
    const ids = (await secondClientEntries()).filter((id) => id.startsWith('tf-ha-'));
    t.equal(ids.length, COUNT, `all ${COUNT} entries exist`);
    const list = await ws.run(['state', 'list']);
    t.equal(list.stdout.trim().split('\n').length, COUNT, `all ${COUNT} are in state`);
  });

  await t.test('with the first server still down, plans work on the second', async (t) => {
    const plan = await ws.run(['plan', '-detailed-exitcode']);
    t.equal(plan.code, 0, plan.stdout + plan.stderr);
  });

  async function secondClientEntries(): Promise<string[]> {
    // Server 0's local socket is down with it; the datastore is shared, so read through server 1.
    const c = dialSpireServer({ socketPath: second?.socketPath ?? '' });
    try {
      return (await c.entries.listAll()).map((e) => e.id);
    } finally {
      c.close();
    }
  }
});
