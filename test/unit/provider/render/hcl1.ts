// The rendered server.conf and agent.conf read by HashiCorp HCL v1, the parser SPIRE itself uses
// (fixtures/hcl1/main.go, built offline against Debian's golang-github-hashicorp-hcl-dev): every key is
// one SPIRE knows (it refuses to start otherwise), every value decodes to what was configured with the
// Go type SPIRE declares (bind_port an int, the health listener's bind_port a string), and every
// plugin_data key is one the plugin documents. Skipped where Go or that package is missing.
import t from 'tap';
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { agentConfigDataSource } from '../../../../provider/data-sources/agent-config.js';
import { serverConfigDataSource } from '../../../../provider/data-sources/server-config.js';
import { read } from './fixtures/drive.js';

const source = fileURLToPath(new URL('./fixtures/hcl1/', import.meta.url));
const gopath = '/usr/share/gocode';

function unavailable(): string | false {
  const onPath = (process.env.PATH ?? '').split(':').some((dir) => dir !== '' && existsSync(join(dir, 'go')));
  if (!onPath) return 'go is not on PATH';
  if (!existsSync(join(gopath, 'src/github.com/hashicorp/hcl')))
    return `github.com/hashicorp/hcl is not in ${gopath} (Debian package golang-github-hashicorp-hcl-dev)`;
  return false;
}

async function buildChecker(): Promise<string> {
  const code = readFileSync(join(source, 'main.go'));
  const dir = join(tmpdir(), 'tarmak-spire-hcl1');
  const binary = join(dir, `hcl1-${createHash('sha256').update(code).digest('hex').slice(0, 16)}`);
  if (existsSync(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  const partial = `${binary}.${process.pid}`;
  try {
    await promisify(execFile)('go', ['build', '-o', partial, '.'], {
      cwd: source,
      env: {
        ...process.env,
        GOPATH: gopath,
        GO111MODULE: 'off',
        GOFLAGS: '',
        GOCACHE: join(dir, 'cache'),
        CGO_ENABLED: '0',
      },
    });
    renameSync(partial, binary);
  } finally {
    rmSync(partial, { force: true });
  }
  return binary;
}

interface Hcl1Plugin {
  type: string;
  name: string;
  plugin_cmd?: string;
  plugin_checksum?: string;
  plugin_data_file?: string;
  plugin_data: Record<string, unknown>;
}

interface Hcl1Result {
  error?: string;
  unknown: string[];
  config?: Record<string, Record<string, unknown> | undefined>;
  plugins: Hcl1Plugin[];
}

function check(binary: string, text: string): Promise<Hcl1Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`hcl1 checker exited ${String(code)}: ${err}`));
      else resolve(JSON.parse(out) as Hcl1Result);
    });
    child.stdin.end(text);
  });
}

// plugin_data keys each plugin documents (spiffe/spire doc/plugin_server_*.md, doc/plugin_agent_*.md).
const documented: Record<string, readonly string[]> = {
  'DataStore sql': [
    'database_type',
    'connection_string',
    'ro_connection_string',
    'root_ca_path',
    'client_cert_path',
    'client_key_path',
    'max_open_conns',
    'max_idle_conns',
    'conn_max_lifetime',
    'disable_migration',
  ],
  'KeyManager aws_kms': [
    'access_key_id',
    'secret_access_key',
    'region',
    'key_identifier_file',
    'key_identifier_value',
    'key_policy_file',
    'enable_tag_based_key_discovery',
  ],
  'KeyManager disk': ['keys_path'],
  'UpstreamAuthority awssecret': [
    'region',
    'cert_file_arn',
    'key_file_arn',
    'bundle_file_arn',
    'access_key_id',
    'secret_access_key',
    'secret_token',
    'assume_role_arn',
  ],
  'NodeAttestor aws_iid': [
    'access_key_id',
    'secret_access_key',
    'skip_block_device',
    'disable_instance_profile_selectors',
    'assume_role',
    'partition',
    'verify_organization',
    'validate_eks_cluster_membership',
  ],
  'NodeAttestor join_token': [],
  'NodeAttestor x509pop': [
    'mode',
    'svid_prefix',
    'ca_bundle_path',
    'ca_bundle_paths',
    'agent_path_template',
    'max_intermediates',
    'max_rsa_key_size',
    'verify_client_ip',
  ],
  'CredentialComposer k8s': [],
};

const documentedAgent: Record<string, readonly string[]> = {
  'NodeAttestor aws_iid': ['ec2_metadata_endpoint'],
  'NodeAttestor join_token': [],
  'KeyManager disk': ['directory'],
  'WorkloadAttestor unix': ['discover_workload_path', 'workload_size_limit'],
  'WorkloadAttestor systemd': [],
};

// Characters a password may hold, and a -expandEnv reference.
const CONNECTION = 'host=db.internal password=p"a\\ss\'w{r}d$x ${DB_EXTRA} sslmode=verify-full';

const server = {
  trust_domain: 'cluster.example',
  ha: true,
  bind_address: '10.0.1.10',
  log_level: 'INFO',
  ca_ttl: '168h',
  default_x509_svid_ttl: '24h',
  admin_ids: ['spiffe://cluster.example/terraform'],
  ca_subject: { country: ['GB'], organization: ['Tarmak'], common_name: 'SPIRE' },
  datastore: {
    type: 'postgres',
    connection_string: CONNECTION,
    ro_connection_string: `${CONNECTION} replica`,
    max_open_conns: 20,
  },
  key_manager: {
    type: 'aws_kms',
    region: 'eu-west-1',
    key_identifier_file: '/var/lib/spire/server/kms-key-id',
  },
  upstream_authority: {
    type: 'awssecret',
    region: 'eu-west-1',
    cert_file_arn: 'arn:c',
    key_file_arn: 'arn:k',
  },
  node_attestor: [
    { type: 'aws_iid', account_ids: ['111111111111'], regions: ['eu-west-1'], skip_block_device: false },
    { type: 'join_token' },
    { type: 'x509pop', ca_bundle_paths: ['/etc/spire/x509pop-ca.pem'] },
  ],
  federation: {
    bundle_endpoint: { port: 8443 },
    federates_with: [
      {
        trust_domain: 'partner.example',
        bundle_endpoint_url: 'https://spire.partner.example:8443',
        endpoint_spiffe_id: 'spiffe://partner.example/spire/server',
      },
    ],
  },
  health_checks: {},
  telemetry: { prometheus_port: 9988 },
  credential_composer: {
    name: 'k8s',
    plugin_cmd: '/opt/bin/spire-credentialcomposer-k8s',
    plugin_checksum: 'ab'.repeat(32),
    plugin_data_file: '/etc/spire/server/k8s-rules.json',
  },
};

const skip = unavailable();

t.test('server.conf as SPIRE reads it (HCL v1)', { skip }, async (t) => {
  const binary = await buildChecker();
  const { state } = await read(serverConfigDataSource, server);
  const result = await check(binary, String(state?.hcl));
  t.equal(result.error, undefined, 'HCL v1 decodes it');
  t.strictSame(result.unknown, [], 'no key SPIRE does not know');
  t.match(result.config?.server, {
    trust_domain: 'cluster.example',
    bind_address: '10.0.1.10',
    bind_port: 8081,
    data_dir: '/var/lib/spire/server',
    ca_ttl: '168h',
    admin_ids: ['spiffe://cluster.example/terraform'],
    ca_subject: { country: ['GB'], organization: ['Tarmak'], common_name: 'SPIRE' },
    federation: {
      bundle_endpoint: { address: '0.0.0.0', port: 8443 },
      federates_with: { 'partner.example': { bundle_endpoint_url: 'https://spire.partner.example:8443' } },
    },
  });
  t.strictSame(result.config?.health_checks, {
    listener_enabled: true,
    bind_address: '0.0.0.0',
    bind_port: '8080',
    live_path: '/live',
    ready_path: '/ready',
  });
  t.match(result.config?.telemetry, { Prometheus: { port: 9988 } });
  t.strictSame(
    result.plugins.map((p) => `${p.type} ${p.name}`),
    [
      'DataStore sql',
      'KeyManager aws_kms',
      'UpstreamAuthority awssecret',
      'NodeAttestor aws_iid',
      'NodeAttestor join_token',
      'NodeAttestor x509pop',
      'CredentialComposer k8s',
    ],
  );
  for (const plugin of result.plugins) {
    const allowed = documented[`${plugin.type} ${plugin.name}`] ?? [];
    const extra = Object.keys(plugin.plugin_data).filter((k) => !allowed.includes(k));
    t.strictSame(extra, [], `${plugin.type} "${plugin.name}": only documented plugin_data keys`);
  }
  const sql = result.plugins.find((p) => p.type === 'DataStore')?.plugin_data;
  t.equal(sql?.connection_string, CONNECTION, 'quotes, backslashes, braces and ${NAME} come through exactly');
  t.equal(sql?.max_open_conns, 20);
  t.match(result.plugins.find((p) => p.name === 'aws_iid')?.plugin_data, {
    verify_organization: [{ account_list_file: '/etc/spire/server/aws-account-ids.json' }],
  });
  t.match(
    result.plugins.find((p) => p.type === 'CredentialComposer'),
    {
      plugin_cmd: '/opt/bin/spire-credentialcomposer-k8s',
      plugin_checksum: 'ab'.repeat(32),
      plugin_data_file: '/etc/spire/server/k8s-rules.json',
    },
  );
});

t.test('agent.conf as SPIRE reads it (HCL v1)', { skip }, async (t) => {
  const binary = await buildChecker();
  for (const attestor of ['aws_iid', 'join_token']) {
    const { state } = await read(agentConfigDataSource, {
      trust_domain: 'cluster.example',
      server_address: 'spire.cluster.example',
      trust_bundle_pem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
      node_attestor: attestor,
      join_token: attestor === 'join_token' ? 'secret-token' : null,
      ec2_metadata_endpoint: attestor === 'aws_iid' ? 'http://169.254.169.254/latest' : null,
      health_checks: {},
    });
    const result = await check(binary, String(state?.hcl));
    t.equal(result.error, undefined, `${attestor}: HCL v1 decodes it`);
    t.strictSame(result.unknown, [], `${attestor}: no key SPIRE does not know`);
    t.match(result.config?.agent, {
      trust_domain: 'cluster.example',
      server_address: 'spire.cluster.example',
      server_port: 8081,
      trust_bundle_path: '/etc/spire/agent/bundle.pem',
      join_token_file: attestor === 'join_token' ? '/etc/spire/agent/join-token' : '',
      insecure_bootstrap: false,
      join_token: '',
    });
    for (const plugin of result.plugins) {
      const allowed = documentedAgent[`${plugin.type} ${plugin.name}`];
      t.ok(allowed !== undefined, `${plugin.type} "${plugin.name}" is a documented agent plugin`);
      t.strictSame(
        Object.keys(plugin.plugin_data).filter((k) => !(allowed ?? []).includes(k)),
        [],
        `${plugin.type} "${plugin.name}": only documented plugin_data keys`,
      );
    }
  }
});

t.test('the checker catches an unknown key (so a pass means something)', { skip }, async (t) => {
  const binary = await buildChecker();
  const result = await check(
    binary,
    'server {\n  trust_domain = "x"\n  trust_domian = "typo"\n}\nhealth_checks {\n  port = 1\n}\n',
  );
  t.strictSame(result.unknown, ['server: trust_domian', 'health_checks: port']);
});
