// terraform/examples: both examples are `terraform fmt -check` clean, and the SPIRE part of tarmak-aws
// (modules/spire-config: server.conf per member, agent.conf and user-data per role) is rendered through
// the provider by the real terraform CLI with the values AWS would supply, then checked key by key
// against SPIRE's documentation. The AWS part cannot be applied here (no AWS, no registry).
import t from 'tap';
import type { Test } from 'tap';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { parseRenderedHcl } from '../../../provider/render/hcl.js';
import { header, skipWithoutTerraform, workspace } from './harness/spire-provider.js';

t.setTimeout(90_000);

const examples = fileURLToPath(new URL('../../../terraform/examples/', import.meta.url));
const rulesJson = readFileSync(
  fileURLToPath(new URL('../../../composer/rules/tarmak.json', import.meta.url)),
  'utf8',
);
const TD = 'cluster.tarmak.example';
const ACCOUNT = '111111111111';
const DB_PASSWORD = 'db-password-from-random-password';
const RDS_HOST = 'tarmak-spire.c9akciq32.eu-west-1.rds.amazonaws.com';
const ROOT_PEM =
  '-----BEGIN CERTIFICATE-----\nMIIBkTCCATegAwIBAgIUTarmakSpireRoot\n-----END CERTIFICATE-----\n';
const RDS_CA = '-----BEGIN CERTIFICATE-----\nMIIEBjCCAu6gAwIBAgIJAMc0ZzaSUK51\n-----END CERTIFICATE-----\n';
const CHECKSUM = 'c0'.repeat(32);
const SERVERS = [
  { name: 'spire-0', private_ip: '10.0.1.10', availability_zone: 'eu-west-1a' },
  { name: 'spire-1', private_ip: '10.0.2.10', availability_zone: 'eu-west-1b' },
  { name: 'spire-2', private_ip: '10.0.3.10', availability_zone: 'eu-west-1c' },
];
const CERT_ARN = `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:tarmak/spire/root-ca.pem`;
const KEY_ARN = `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:tarmak/spire/root-ca-key.pem`;

t.test('the examples are terraform fmt clean', { skip: skipWithoutTerraform }, async (t) => {
  for (const name of ['local-ha', 'tarmak-aws']) {
    const ws = workspace(t);
    const result = await ws.run(['fmt', '-check', '-recursive', '-diff', join(examples, name)]);
    t.equal(result.code, 0, `${name}: ${result.stdout}${result.stderr}`);
  }
});

/** The root module standing in for tarmak-aws: literal values where AWS resources would be. */
function root(): string {
  return `${header}
provider "spire" {
  trust_domain = "${TD}"
}

module "spire" {
  source = "./spire-config"

  trust_domain    = "${TD}"
  servers         = jsondecode(${JSON.stringify(JSON.stringify(SERVERS))})
  server_dns_name = "spire.${TD}"
  aws_region      = "eu-west-1"
  account_ids     = ["${ACCOUNT}"]
  admin_ids       = ["spiffe://${TD}/terraform"]
  datastore = {
    host     = "${RDS_HOST}"
    port     = 5432
    dbname   = "spire"
    username = "spire"
    password = "${DB_PASSWORD}"
    ca_pem   = ${JSON.stringify(RDS_CA)}
  }
  root_ca = {
    cert_pem        = ${JSON.stringify(ROOT_PEM)}
    cert_secret_arn = "${CERT_ARN}"
    key_secret_arn  = "${KEY_ARN}"
  }
  composer = {
    plugin_cmd      = "/opt/bin/spire-credentialcomposer-k8s"
    plugin_checksum = "${CHECKSUM}"
    rules_json      = file("rules.json")
  }
}

output "all" {
  value     = module.spire
  sensitive = true
}
`;
}

interface WriteFile {
  path: string;
  content: string;
  permissions: string;
}

/** Returns the files of a cloud-config document, after checking its header. */
function cloudConfig(t: Test, text: string): Map<string, WriteFile> {
  t.equal(text.split('\n')[0], '#cloud-config', 'a #cloud-config document');
  const doc = parseYaml(text, { version: '1.1' }) as { write_files: WriteFile[] };
  return new Map(doc.write_files.map((f) => [f.path, f]));
}

type Json = Record<string, unknown>;
const first = (value: unknown): Json => (value as Json[])[0] ?? {};

t.test(
  'tarmak-aws: the SPIRE parts render through the provider',
  { skip: skipWithoutTerraform },
  async (t) => {
    const ws = workspace(t);
    cpSync(join(examples, 'tarmak-aws/modules/spire-config'), join(ws.dir, 'spire-config'), {
      recursive: true,
    });
    cpSync(
      fileURLToPath(new URL('../../../composer/rules/tarmak.json', import.meta.url)),
      join(ws.dir, 'rules.json'),
    );
    ws.write(root());
    // `terraform get` installs the local module only; `init` would look the provider up in the registry.
    const get = await ws.run(['get']);
    t.equal(get.code, 0, get.stderr);
    const apply = await ws.run(['apply', '-auto-approve']);
    t.equal(apply.code, 0, apply.stderr);
    t.notMatch(apply.stdout, DB_PASSWORD, 'the database password is never printed');
    const out = await ws.run(['output', '-json', 'all']);
    t.equal(out.code, 0, out.stderr);
    const all = JSON.parse(out.stdout) as {
      server_hcl: Record<string, string>;
      server_user_data: Record<string, string>;
      server_config_sha256: Record<string, string>;
      cluster_members: Record<
        string,
        { trust_domain: string; upstream_authority_id: string; datastore_type: string }
      >;
      node_alias_selector_sets: string[][];
      agent_hcl: Record<string, string>;
      agent_user_data: Record<string, string>;
    };

    await t.test(
      'server.conf of each member, key by key (doc/spire_server.md, doc/plugin_server_*.md)',
      async (t) => {
        t.strictSame(
          Object.keys(all.server_hcl).sort(),
          SERVERS.map((s) => s.name),
        );
        for (const member of SERVERS) {
          const conf = await parseRenderedHcl(all.server_hcl[member.name] ?? '', 'server.conf');
          t.match(
            first(conf.server),
            {
              trust_domain: TD,
              bind_address: member.private_ip,
              bind_port: 8081,
              data_dir: '/var/lib/spire/server',
            },
            member.name,
          );
          const plugins = first(conf.plugins);
          const sql = first(first((plugins.DataStore as Json).sql).plugin_data);
          t.equal(sql.database_type, 'postgres');
          t.match(
            sql.connection_string,
            new RegExp(
              `^host=${RDS_HOST} port=5432 dbname=spire user=spire password=${DB_PASSWORD} sslmode=verify-full sslrootcert=/etc/spire/server/rds-ca.pem$`,
            ),
          );
          t.strictSame(first((plugins.KeyManager as Json).aws_kms).plugin_data, [
            {
              region: 'eu-west-1',
              key_identifier_file: '/var/lib/spire/server/kms-key-id',
              enable_tag_based_key_discovery: true,
            },
          ]);
          t.strictSame(first((plugins.UpstreamAuthority as Json).awssecret).plugin_data, [
            { region: 'eu-west-1', cert_file_arn: CERT_ARN, key_file_arn: KEY_ARN },
          ]);
          t.strictSame(first((plugins.NodeAttestor as Json).aws_iid).plugin_data, [
            { verify_organization: { account_list_file: '/etc/spire/server/aws-account-ids.json' } },
          ]);
          t.strictSame((plugins.CredentialComposer as Json).k8s, [
            {
              plugin_cmd: '/opt/bin/spire-credentialcomposer-k8s',
              plugin_checksum: CHECKSUM,
              plugin_data_file: '/etc/spire/server/k8s-rules.json',
            },
          ]);
          t.match(first(conf.health_checks), {
            listener_enabled: true,
            bind_address: '0.0.0.0',
            bind_port: '8080',
            ready_path: '/ready',
          });
          t.strictSame(conf.telemetry, [{ Prometheus: [{ port: 9988 }] }]);
        }
        t.equal(
          new Set(Object.values(all.server_config_sha256)).size,
          SERVERS.length,
          'each member has its own hash',
        );
      },
    );

    await t.test('server user-data installs config, rules, RDS CA and account list', (t) => {
      for (const member of SERVERS) {
        const files = cloudConfig(t, all.server_user_data[member.name] ?? '');
        t.equal(files.get('/etc/spire/server/server.conf')?.permissions, '0600');
        t.equal(files.get('/etc/spire/server/server.conf')?.content, all.server_hcl[member.name]);
        t.equal(files.get('/etc/spire/server/k8s-rules.json')?.content, rulesJson, 'the composer rules');
        t.equal(files.get('/etc/spire/server/rds-ca.pem')?.content, RDS_CA);
        t.equal(files.get('/etc/spire/server/aws-account-ids.json')?.content, `["${ACCOUNT}"]\n`);
      }
      t.end();
    });

    await t.test('the members agree on what spire_cluster checks', (t) => {
      const members = Object.values(all.cluster_members);
      t.equal(members.length, SERVERS.length);
      t.ok(members.every((m) => m.trust_domain === TD && m.datastore_type === 'postgres'));
      t.strictSame(new Set(members.map((m) => m.upstream_authority_id)), new Set([`awssecret:${CERT_ARN}`]));
      t.strictSame(all.node_alias_selector_sets, [
        [`aws_iid:account_id:${ACCOUNT}`, 'aws_iid:region:eu-west-1'],
      ]);
      t.end();
    });

    await t.test('agent.conf and user-data per role (doc/spire_agent.md)', async (t) => {
      t.strictSame(Object.keys(all.agent_hcl).sort(), ['etcd', 'master', 'worker']);
      for (const role of ['etcd', 'master', 'worker']) {
        const conf = await parseRenderedHcl(all.agent_hcl[role] ?? '', 'agent.conf');
        t.match(
          first(conf.agent),
          {
            trust_domain: TD,
            server_address: `spire.${TD}`,
            server_port: 8081,
            trust_bundle_path: '/etc/spire/agent/bundle.pem',
            socket_path: '/run/spire/sockets/agent.sock',
          },
          role,
        );
        t.equal(first(conf.agent).insecure_bootstrap, undefined);
        t.strictSame(Object.keys(first(conf.plugins).NodeAttestor as Json), ['aws_iid']);
        const files = cloudConfig(t, all.agent_user_data[role] ?? '');
        t.equal(
          files.get('/etc/spire/agent/bundle.pem')?.content,
          ROOT_PEM,
          'bootstraps from the upstream root',
        );
        t.equal(files.get('/etc/spire/agent/join-token'), undefined, 'aws_iid: no token in user-data');
      }
    });
  },
);
