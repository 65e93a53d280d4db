// The provider over TCP + mTLS with the real terraform CLI against SPIRE (the test double unless
// SPIRE_SERVER_BIN and SPIRE_AGENT_BIN are set): an admin X509-SVID from files or from a Workload API
// socket, and the server's identity pinned to the configured trust domain and bundle. Minting the admin
// SVID needs the double, so these skip against real SPIRE.
import t from 'tap';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TD, header, skipWithoutTerraform, startBackend, workspace } from './harness/spire-provider.js';

t.setTimeout(300_000);

const ADMIN = `spiffe://${TD}/admin`;

t.test('provider over TCP + mTLS against terraform', { skip: skipWithoutTerraform }, async (t) => {
  const backend = await startBackend(t, { adminIds: [ADMIN] });
  const { client, parent, sim, spire } = backend;
  const [server] = spire.servers;
  const ws = workspace(t);
  const entry = (name: string): string => `
resource "spire_entry" "${name}" {
  spiffe_id = "spiffe://${TD}/${name}"
  parent_id = "${parent}"
  selectors = ["unix:uid:100"]
}
`;
  const needsSim = sim === undefined ? 'needs the double to mint an admin SVID' : false;

  let certFile = '';
  let keyFile = '';
  if (sim !== undefined) {
    const svid = await sim.mintAdminSvid(ADMIN);
    certFile = join(ws.dir, 'admin.pem');
    keyFile = join(ws.dir, 'admin-key.pem');
    writeFileSync(certFile, svid.certChainPem);
    writeFileSync(keyFile, svid.keyPem, { mode: 0o600 });
  }
  const tcpProvider = (trustDomain: string, extra = ''): string => `
provider "spire" {
  address              = "${server?.tcpAddress ?? ''}"
  trust_domain         = "${trustDomain}"
  admin_svid_cert_file = "${certFile}"
  admin_svid_key_file  = "${keyFile}"
  server_bundle_file   = "${spire.bundlePath}"
${extra}}
`;

  await t.test('TCP + mTLS with an admin SVID from files manages entries', { skip: needsSim }, async (t) => {
    ws.write(header + tcpProvider(TD) + entry('over-tcp'));
    const result = await ws.run(['apply', '-auto-approve']);
    t.equal(result.code, 0, result.stderr);
    const created = (await client.entries.listAll()).find((e) => e.spiffeId === `spiffe://${TD}/over-tcp`);
    t.match(created?.id, /^tf-/);
    const destroy = await ws.run(['destroy', '-auto-approve']);
    t.equal(destroy.code, 0, destroy.stderr);
  });

  await t.test(
    'a server outside the configured trust domain is refused with a clear error',
    { skip: needsSim },
    async (t) => {
      // The entry is in the configured (wrong) trust domain, so only the server's identity can stop it.
      ws.write(
        header +
          tcpProvider('wrong.example') +
          `
resource "spire_entry" "never" {
  spiffe_id = "spiffe://wrong.example/never"
  parent_id = "spiffe://wrong.example/agent"
  selectors = ["unix:uid:100"]
}
`,
      );
      const result = await ws.run(['apply', '-auto-approve']);
      t.not(result.code, 0);
      const text = result.stderr.replace(/\s+/g, ' ');
      t.match(text, /spiffe:\/\/wrong\.example\/spire\/server/, 'names the identity it expected');
      t.match(text, /spiffe:\/\/example\.org\/spire\/server/, 'and the one the server presented');
      t.notOk(
        (await client.entries.listAll()).some((e) => e.spiffeId.endsWith('/never')),
        'nothing was created',
      );
    },
  );

  await t.test(
    'the admin SVID and the bundle can come from a Workload API socket',
    { skip: needsSim },
    async (t) => {
      // The admin identity is issued to the workload through an entry, as SPIRE would.
      const [adminEntry] = await client.entries.batchCreate([
        {
          id: 'admin-workload',
          spiffeId: ADMIN,
          parentId: parent,
          selectors: [{ type: 'unix', value: 'uid:4242' }],
        },
      ]);
      t.ok(adminEntry?.ok);
      const workload = await sim?.workload({
        agentId: parent,
        selectors: [{ type: 'unix', value: 'uid:4242' }],
      });
      t.teardown(() => workload?.close());
      ws.write(
        header +
          `
provider "spire" {
  address             = "${server?.tcpAddress ?? ''}"
  trust_domain        = "${TD}"
  workload_api_socket = "unix://${workload?.socketPath ?? ''}"
}
` +
          entry('via-workload-api'),
      );
      const result = await ws.run(['apply', '-auto-approve']);
      t.equal(result.code, 0, result.stderr);
      t.ok((await client.entries.listAll()).some((e) => e.spiffeId === `spiffe://${TD}/via-workload-api`));
      const destroy = await ws.run(['destroy', '-auto-approve']);
      t.equal(destroy.code, 0, destroy.stderr);
    },
  );
});
