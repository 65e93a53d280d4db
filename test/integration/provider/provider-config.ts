// The provider block with the real terraform CLI against SPIRE (the test double unless SPIRE_SERVER_BIN
// and SPIRE_AGENT_BIN are set): environment-variable fallbacks, the trust domain read from the server,
// configuration errors shown on the right line, and an empty provider block (rendering works, an entry
// fails saying what to set). TCP + mTLS is in provider-config-tcp.ts.
import t from 'tap';
import { existsSync } from 'node:fs';
import { DEFAULT_SOCKET_PATH } from '../../../provider/provider-config.js';
import { TD, header, skipWithoutTerraform, startBackend, workspace } from './harness/spire-provider.js';

t.setTimeout(300_000);

t.test('provider configuration against terraform', { skip: skipWithoutTerraform }, async (t) => {
  const backend = await startBackend(t);
  const { client, parent, spire } = backend;
  const [server] = spire.servers;
  const ws = workspace(t);
  const entry = (name: string): string => `
resource "spire_entry" "${name}" {
  spiffe_id = "spiffe://${TD}/${name}"
  parent_id = "${parent}"
  selectors = ["unix:uid:100"]
}
`;
  await t.test('environment variables stand in for an empty provider block', async (t) => {
    ws.write(header + 'provider "spire" {}\n' + entry('from-env'));
    const env = {
      SPIRE_ADDRESS: `unix://${server?.socketPath ?? ''}`,
      SPIRE_TRUST_DOMAIN: TD,
      SPIRE_ENTRY_ID_PREFIX: 'env.',
    };
    const result = await ws.run(['apply', '-auto-approve'], env);
    t.equal(result.code, 0, result.stderr);
    const created = (await client.entries.listAll()).find((e) => e.spiffeId === `spiffe://${TD}/from-env`);
    t.match(created?.id, /^env\./, 'the prefix came from SPIRE_ENTRY_ID_PREFIX');
    const destroy = await ws.run(['destroy', '-auto-approve'], env);
    t.equal(destroy.code, 0, destroy.stderr);
  });

  await t.test('the trust domain is read from the server when not configured (unix socket)', async (t) => {
    ws.write(
      header +
        `provider "spire" {\n  address = "unix://${server?.socketPath ?? ''}"\n}\n` +
        entry('td-from-server'),
    );
    const result = await ws.run(['apply', '-auto-approve']);
    t.equal(result.code, 0, result.stderr);
    const destroy = await ws.run(['destroy', '-auto-approve']);
    t.equal(destroy.code, 0, destroy.stderr);
  });

  await t.test('a malformed address is an error on the address line', async (t) => {
    ws.write(header + 'provider "spire" {\n  address = "spire.example.org"\n}\n' + entry('x'));
    const result = await ws.run(['plan']);
    t.equal(result.code, 1);
    t.match(result.stderr, /\d+:\s+address = "spire\.example\.org"/);
    t.match(result.stderr, /"spire\.example\.org" is neither unix:\/\/\/path nor host:port/);
  });

  await t.test('TCP without an admin SVID says what is missing', async (t) => {
    ws.write(
      header +
        `provider "spire" {\n  address      = "${server?.tcpAddress ?? ''}"\n  trust_domain = "${TD}"\n}\n` +
        entry('x'),
    );
    const result = await ws.run(['plan']);
    t.equal(result.code, 1);
    t.match(result.stderr, /Missing admin SVID/);
    t.match(
      result.stderr.replace(/\s+/g, ' '),
      /admin_svid_cert_file and admin_svid_key_file, or workload_api_socket/,
    );
  });

  await t.test('an unreachable socket is a configuration error naming it', async (t) => {
    ws.write(header + `provider "spire" {\n  address = "unix:///nonexistent/api.sock"\n}\n` + entry('x'));
    const result = await ws.run(['plan']);
    t.equal(result.code, 1);
    t.match(result.stderr, /Cannot reach the SPIRE server/);
    t.match(result.stderr, /\/nonexistent\/api\.sock/);
  });
});

// Without address and trust_domain (nor their variables) the provider has no server to talk to; it fails
// only when something needs one. Both cases assume nothing listens on SPIRE's default socket here.
t.test(
  'an empty provider block',
  {
    skip:
      skipWithoutTerraform ||
      (existsSync(DEFAULT_SOCKET_PATH) && `a SPIRE server socket exists at ${DEFAULT_SOCKET_PATH}`),
  },
  async (t) => {
    const ws = workspace(t);
    const unset = { SPIRE_ADDRESS: '', SPIRE_TRUST_DOMAIN: '' };
    await t.test('is enough for configuration rendering, which needs no server', async (t) => {
      ws.write(
        header +
          `provider "spire" {}
data "spire_agent_config" "a" {
  trust_domain     = "${TD}"
  server_address   = "spire.${TD}"
  trust_bundle_pem = "-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n"
  node_attestor    = "join_token"
  join_token       = "a-token"
}
output "rendered" { value = length(data.spire_agent_config.a.hcl) > 0 }
`,
      );
      const result = await ws.run(['apply', '-auto-approve'], unset);
      t.equal(result.code, 0, result.stderr);
      t.match(result.stdout, /rendered = true/);
    });

    await t.test('fails an entry, naming the attributes and their environment variables', async (t) => {
      ws.write(
        header +
          `provider "spire" {}
resource "spire_entry" "e" {
  spiffe_id = "spiffe://${TD}/w"
  parent_id = "spiffe://${TD}/spire/agent/join_token/x"
  selectors = ["unix:uid:100"]
}
`,
      );
      const result = await ws.run(['apply', '-auto-approve'], unset);
      t.equal(result.code, 1);
      const stderr = result.stderr.replace(/[│\s]+/g, ' ');
      t.match(stderr, /Failed to create spire_entry/);
      t.match(stderr, /no SPIRE server to talk to/);
      t.match(stderr, /Set address \(or SPIRE_ADDRESS\)/);
      t.match(stderr, /trust_domain \(or SPIRE_TRUST_DOMAIN\)/);
      t.match(stderr, new RegExp(`default socket ${DEFAULT_SOCKET_PATH}`));
    });
  },
);
