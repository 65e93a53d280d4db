// spire_agent_config: agent.conf compared key by key with SPIRE's agent documentation, the cloud-init
// user-data (files and modes), and one failing case per validation rule.
import t from 'tap';
import { parse as parseYaml } from 'yaml';
import { agentConfigDataSource, agentConfigSchema } from '../../../../provider/data-sources/agent-config.js';
import { parseRenderedHcl } from '../../../../provider/render/hcl.js';
import { at, describe, read, validate } from '../render/fixtures/drive.js';

const TD = 'cluster.example';
const TOKEN = '4f0c5a3e-token-secret';
const BUNDLE = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIQ\n-----END CERTIFICATE-----\n';

const joinTokenAgent = {
  trust_domain: TD,
  server_address: 'spire.cluster.example',
  trust_bundle_pem: BUNDLE,
  node_attestor: 'join_token',
  join_token: TOKEN,
};

const awsAgent = {
  trust_domain: TD,
  server_address: 'spire.cluster.example',
  server_port: 8081,
  trust_bundle_pem: BUNDLE,
  node_attestor: 'aws_iid',
  log_level: 'WARN',
  workload_x509_svid_key_type: 'rsa-2048',
  health_checks: { bind_port: 8088 },
};

interface CloudConfig {
  write_files: { path: string; content: string; permissions: string; owner: string }[];
  runcmd: string[][];
}

t.test('agent.conf for an aws_iid node holds exactly the keys SPIRE documents', async (t) => {
  const { state, diagnostics } = await read(agentConfigDataSource, awsAgent);
  t.strictSame(describe(diagnostics), []);
  const parsed = await parseRenderedHcl(String(state?.hcl), 'agent.conf');
  t.strictSame(parsed, {
    // doc/spire_agent.md §Agent configuration file
    agent: [
      {
        trust_domain: TD,
        server_address: 'spire.cluster.example',
        server_port: 8081,
        data_dir: '/var/lib/spire/agent',
        socket_path: '/run/spire/sockets/agent.sock',
        log_level: 'WARN',
        trust_bundle_path: '/etc/spire/agent/bundle.pem',
        workload_x509_svid_key_type: 'rsa-2048',
      },
    ],
    plugins: [
      {
        // doc/plugin_agent_nodeattestor_aws_iid.md: no plugin data needed on EC2
        NodeAttestor: { aws_iid: [{ plugin_data: [{}] }] },
        // doc/plugin_agent_keymanager_disk.md: `directory`
        KeyManager: { disk: [{ plugin_data: [{ directory: '/var/lib/spire/agent' }] }] },
        // doc/plugin_agent_workloadattestor_unix.md, _systemd.md
        WorkloadAttestor: { unix: [{ plugin_data: [{}] }], systemd: [{ plugin_data: [{}] }] },
      },
    ],
    // doc/spire_agent.md §Health check configuration
    health_checks: [
      {
        listener_enabled: true,
        bind_address: '127.0.0.1',
        bind_port: '8088',
        live_path: '/live',
        ready_path: '/ready',
      },
    ],
  });
  t.notMatch(String(state?.hcl), /insecure_bootstrap/, 'never insecure_bootstrap unless asked');
});

t.test('a join_token agent names the token file; the token stays out of agent.conf', async (t) => {
  const { state } = await read(agentConfigDataSource, joinTokenAgent);
  const parsed = await parseRenderedHcl(String(state?.hcl), 'agent.conf');
  const agent = (parsed.agent as Record<string, unknown>[])[0];
  t.equal(agent?.join_token_file, '/etc/spire/agent/join-token', 'join_token_file (doc/spire_agent.md)');
  t.equal(agent?.join_token, undefined);
  t.notMatch(String(state?.hcl), TOKEN);
  t.strictSame((parsed.plugins as Record<string, unknown>[])[0]?.NodeAttestor, {
    join_token: [{ plugin_data: [{}] }],
  });
  t.equal(agentConfigSchema.attributes.join_token.sensitive, true, 'the token is sensitive');
  t.equal(agentConfigSchema.attributes.user_data.sensitive, true, 'and so is the user-data carrying it');
});

t.test('user_data writes config, bundle and token with their modes, then enables the units', async (t) => {
  const { state } = await read(agentConfigDataSource, {
    ...joinTokenAgent,
    enable_units: ['spire-agent.service', 'spire-helper.service'],
    extra_files: [
      {
        path: '/etc/spire-helper/run.yaml',
        content: 'outputs: []\n',
        permissions: '0640',
        owner: 'root:spire',
      },
    ],
  });
  const text = String(state?.user_data);
  t.equal(text.split('\n')[0], '#cloud-config', 'a cloud-config document');
  const doc = parseYaml(text, { version: '1.1' }) as CloudConfig;
  const files = Object.fromEntries(doc.write_files.map((f) => [f.path, f]));
  t.strictSame(
    Object.fromEntries(doc.write_files.map((f) => [f.path, f.permissions])),
    {
      '/etc/spire/agent/agent.conf': '0644',
      '/etc/spire/agent/bundle.pem': '0644',
      '/etc/spire/agent/join-token': '0600',
      '/etc/systemd/system/spire-agent.service': '0644',
      '/etc/spire-helper/run.yaml': '0640',
    },
    'the files and their modes',
  );
  t.equal(files['/etc/spire/agent/agent.conf']?.content, state?.hcl);
  t.equal(files['/etc/spire/agent/bundle.pem']?.content, BUNDLE);
  t.equal(files['/etc/spire/agent/join-token']?.content, TOKEN);
  t.equal(files['/etc/spire-helper/run.yaml']?.owner, 'root:spire');
  t.match(
    files['/etc/systemd/system/spire-agent.service']?.content,
    /^ExecStart=\/opt\/bin\/spire-agent run -config \/etc\/spire\/agent\/agent\.conf$/m,
  );
  t.match(
    files['/etc/systemd/system/spire-agent.service']?.content,
    /^RuntimeDirectory=spire\/sockets$/m,
    'the socket directory under /run',
  );
  t.strictSame(doc.runcmd, [
    ['mkdir', '-p', '-m', '0700', '/var/lib/spire/agent'],
    ['systemctl', 'daemon-reload'],
    ['systemctl', 'enable', '--now', 'spire-agent.service'],
    ['systemctl', 'enable', '--now', 'spire-helper.service'],
  ]);
  t.equal(state?.config_path, '/etc/spire/agent/agent.conf');
});

t.test('an aws_iid agent carries no secret and no token file', async (t) => {
  const { state } = await read(agentConfigDataSource, awsAgent);
  const doc = parseYaml(String(state?.user_data), { version: '1.1' }) as CloudConfig;
  t.strictSame(
    doc.write_files.map((f) => f.path),
    ['/etc/spire/agent/agent.conf', '/etc/spire/agent/bundle.pem', '/etc/systemd/system/spire-agent.service'],
  );
});

t.test('trust_bundle_url renders the URL and its format instead of a bundle file', async (t) => {
  const { state, diagnostics } = await read(agentConfigDataSource, {
    ...awsAgent,
    trust_bundle_pem: null,
    trust_bundle_url: 'https://bundle.cluster.example/bundle.json',
    trust_bundle_format: 'spiffe',
  });
  t.strictSame(describe(diagnostics), []);
  const agent = (
    (await parseRenderedHcl(String(state?.hcl), 'agent.conf')).agent as Record<string, unknown>[]
  )[0];
  t.equal(agent?.trust_bundle_url, 'https://bundle.cluster.example/bundle.json');
  t.equal(agent?.trust_bundle_format, 'spiffe');
  t.equal(agent?.trust_bundle_path, undefined);
});

interface RuleCase {
  readonly rule: string;
  readonly config: Record<string, unknown>;
  readonly severity: 'error' | 'warning';
  readonly path: string;
  readonly message: RegExp;
}

const rules: RuleCase[] = [
  {
    rule: 'a bootstrap bundle is required (no silent insecure bootstrap)',
    config: { ...awsAgent, trust_bundle_pem: null },
    severity: 'error',
    path: 'trust_bundle_pem',
    message: /Set trust_bundle_pem/,
  },
  {
    rule: 'only one bootstrap source',
    config: { ...awsAgent, trust_bundle_url: 'https://b.example/b.pem' },
    severity: 'error',
    path: 'trust_bundle_url',
    message: /Only one of trust_bundle_pem, trust_bundle_url and insecure_bootstrap/,
  },
  {
    rule: 'insecure_bootstrap when asked is a warning',
    config: { ...awsAgent, trust_bundle_pem: null, insecure_bootstrap: true },
    severity: 'warning',
    path: 'insecure_bootstrap',
    message: /does not authenticate the server/,
  },
  {
    rule: 'the bundle URL must be https',
    config: { ...awsAgent, trust_bundle_pem: null, trust_bundle_url: 'http://b.example/b.pem' },
    severity: 'error',
    path: 'trust_bundle_url',
    message: /must start with https:\/\//,
  },
  {
    rule: 'trust_bundle_pem holds PEM certificates',
    config: { ...awsAgent, trust_bundle_pem: '{"keys": []}' },
    severity: 'error',
    path: 'trust_bundle_pem',
    message: /PEM "CERTIFICATE" blocks/,
  },
  {
    rule: 'unknown node attestor plugin name',
    config: { ...awsAgent, node_attestor: 'gcp_iit' },
    severity: 'error',
    path: 'node_attestor',
    message: /must be one of "aws_iid", "join_token", got "gcp_iit"/,
  },
  {
    rule: 'join_token needs the token',
    config: { ...joinTokenAgent, join_token: null },
    severity: 'error',
    path: 'join_token',
    message: /needs join_token/,
  },
  {
    rule: 'a token does not go with aws_iid',
    config: { ...awsAgent, join_token: TOKEN },
    severity: 'error',
    path: 'join_token',
    message: /applies to node_attestor "join_token", not "aws_iid"/,
  },
  {
    rule: 'unknown workload attestor plugin name',
    config: { ...awsAgent, workload_attestors: ['unix', 'k8s'] },
    severity: 'error',
    path: 'workload_attestors',
    message: /element 1: must be one of "unix", "systemd", got "k8s"/,
  },
  {
    rule: 'at least one workload attestor',
    config: { ...awsAgent, workload_attestors: [] },
    severity: 'error',
    path: 'workload_attestors',
    message: /at least one/,
  },
  {
    rule: 'aws_iid with an in-memory key is a warning (TOFU)',
    config: { ...awsAgent, key_manager: 'memory' },
    severity: 'warning',
    path: 'key_manager',
    message: /attest only once/,
  },
  {
    rule: 'the server address is a host, not a URL',
    config: { ...awsAgent, server_address: 'https://spire.cluster.example:8081' },
    severity: 'error',
    path: 'server_address',
    message: /DNS name or IP address without scheme or port/,
  },
];

for (const rule of rules) {
  t.test(rule.rule, (t) => {
    const diagnostics = validate(agentConfigDataSource, rule.config);
    const found = at(diagnostics, rule.severity, rule.path);
    t.equal(
      found.length,
      1,
      `one ${rule.severity} at ${rule.path}; got ${JSON.stringify(describe(diagnostics))}`,
    );
    t.match(found[0]?.detail, rule.message);
    for (const d of diagnostics) t.notMatch(d.detail, TOKEN, 'the token appears in no message');
    t.end();
  });
}
