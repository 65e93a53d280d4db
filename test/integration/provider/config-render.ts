// spire_server_config, spire_agent_config and spire_cluster through the real terraform CLI: rendering
// needs no SPIRE server, secrets stay hidden in plan output, validation errors point at the offending
// line, and a plan against a split cluster (two servers that do not share a datastore) stops before any
// entry is created.
import t from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dialSpireServer } from '../../../src/core/spireapi/index.js';
import { startSpire } from '../../sim/spire.js';
import type { SpireHandles } from '../../sim/spire.js';
import { TD, header, skipWithoutTerraform, workspace } from './harness/spire-provider.js';

t.setTimeout(90_000);

const SECRET = 'pg-password-never-shown';
const TOKEN = 'join-token-never-shown';

// No server runs for these: the provider block names a trust domain, so configuring it needs none.
const renderOnly = `${header}
provider "spire" {
  trust_domain = "${TD}"
}
`;

const server = (datastore: string, extra = ''): string => `
data "spire_server_config" "s" {
  trust_domain = "${TD}"
  ha           = true
${extra}
  datastore {
${datastore}
  }
  key_manager {
    type      = "disk"
    keys_path = "/var/lib/spire/server/keys.json"
  }
  upstream_authority {
    type           = "disk"
    cert_file_path = "/etc/spire/root.pem"
    key_file_path  = "/etc/spire/root-key.pem"
  }
  node_attestor {
    type = "aws_iid"
  }
}
`;

const agent = `
data "spire_agent_config" "a" {
  trust_domain     = "${TD}"
  server_address   = "spire.${TD}"
  trust_bundle_pem = "-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n"
  node_attestor    = "join_token"
  join_token       = "${TOKEN}"
}
`;

t.test('rendering without a SPIRE server', { skip: skipWithoutTerraform }, async (t) => {
  const ws = workspace(t);

  await t.test('server.conf and agent.conf render; secrets stay hidden', async (t) => {
    ws.write(
      renderOnly +
        server(`    type              = "postgres"\n    connection_string = "host=db password=${SECRET}"`) +
        agent +
        `
output "server_sha256" { value = data.spire_server_config.s.sha256 }
output "server_hcl" {
  value     = data.spire_server_config.s.hcl
  sensitive = true
}
output "agent_hcl" { value = data.spire_agent_config.a.hcl }
`,
    );
    const result = await ws.run(['apply', '-auto-approve']);
    t.equal(result.code, 0, result.stderr);
    t.notMatch(result.stdout + result.stderr, SECRET, 'the connection string is never printed');
    t.notMatch(result.stdout + result.stderr, TOKEN, 'nor the join token');
    t.match(
      result.stdout + result.stderr,
      /Warning: aws_iid without an account allow-list/,
      'the aws_iid warning is shown',
    );
    const resources = await ws.resources();
    const shown = resources.find((r) => r.address === 'data.spire_server_config.s');
    t.match(
      shown?.sensitive_values,
      { hcl: true, user_data: true },
      'Terraform treats hcl and user_data as sensitive',
    );
    const agentShown = resources.find((r) => r.address === 'data.spire_agent_config.a');
    t.match(agentShown?.sensitive_values, { user_data: true, join_token: true });
    t.match(String(agentShown?.values.hcl), /join_token_file = "\/etc\/spire\/agent\/join-token"/);
    t.match(
      String(shown?.values.hcl),
      /connection_string = "host=db password=pg-password-never-shown"/,
      'state holds the real text',
    );
  });

  await t.test('validation errors fail the plan on the offending lines', async (t) => {
    const sqlite = server(
      '    type              = "sqlite3"\n    connection_string = "/var/lib/spire/server/datastore.sqlite3"',
    );
    const hsm = server('    type              = "postgres"\n    connection_string = "x"')
      .replace('"s"', '"hsm"')
      .replace('type      = "disk"\n    keys_path', 'type      = "hsm"\n    keys_path');
    ws.write(renderOnly + sqlite + hsm);
    const result = await ws.run(['plan']);
    t.equal(result.code, 1);
    t.match(
      result.stderr,
      /Error: sqlite3 cannot be shared\s+with data\.spire_server_config\.s,\s+on main\.tf line \d+, in data "spire_server_config" "s":\s+\d+: +type += "sqlite3"/,
      'HA with sqlite3: on the datastore type line',
    );
    t.match(
      result.stderr,
      /with data\.spire_server_config\.hsm,\s+on main\.tf line \d+, in data "spire_server_config" "hsm":\s+\d+: +type += "hsm"\s+must be one of "disk", "memory", "aws_kms", got "hsm"/,
      'an unknown plugin name: on its line',
    );
  });
});

t.test(
  'a plan against a split cluster stops before touching it',
  { skip: skipWithoutTerraform },
  async (t) => {
    // Two servers of one trust domain that do not share a datastore: each has its own CA and bundle.
    // startSpire runs real SPIRE when SPIRE_SERVER_BIN/SPIRE_AGENT_BIN are set, else the double.
    const dirs = [mkdtempSync(join(tmpdir(), 'split-a-')), mkdtempSync(join(tmpdir(), 'split-b-'))];
    t.teardown(() => {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    });
    const a = await startSpire({ trustDomain: TD, dir: dirs[0] ?? '' });
    t.teardown(() => a.close());
    const b = await startSpire({ trustDomain: TD, dir: dirs[1] ?? '' });
    t.teardown(() => b.close());
    t.comment(
      `running against ${a.kind === 'sim' ? 'the SPIRE test double' : 'real SPIRE'} (two separate clusters)`,
    );
    const [serverA] = a.servers;
    const [serverB] = b.servers;
    const ws = workspace(t);
    ws.write(`${header}
provider "spire" {
  address = "unix://${serverA?.socketPath ?? ''}"
}

data "spire_cluster" "c" {
  trust_domain = "${TD}"
  members = [
    { name = "a", address = "unix://${serverA?.socketPath ?? ''}", health_url = "${serverA?.healthUrl ?? ''}" },
    { name = "b", address = "unix://${serverB?.socketPath ?? ''}", health_url = "${serverB?.healthUrl ?? ''}" },
  ]
}

resource "spire_entry" "w" {
  spiffe_id  = "spiffe://${TD}/w"
  parent_id  = "spiffe://${TD}/spire/server"
  selectors  = ["unix:uid:1"]
  depends_on = [data.spire_cluster.c]
}
`);
    const result = await ws.run(['apply', '-auto-approve']);
    t.equal(result.code, 1);
    t.match(result.stderr, /Error: SPIRE servers disagree on the trust bundle/);
    t.match(result.stderr, /members\[1\] \(b\) serves a different trust bundle than a/);
    const created = [...(await listAll(a)), ...(await listAll(b))].filter(
      (e) => e.spiffeId === `spiffe://${TD}/w`,
    );
    t.equal(created.length, 0, 'no entry was created on either side');
  },
);

async function listAll(spire: SpireHandles): Promise<{ spiffeId: string }[]> {
  const client = dialSpireServer({ socketPath: spire.servers[0]?.socketPath ?? '' });
  try {
    return await client.entries.listAll();
  } finally {
    client.close();
  }
}
