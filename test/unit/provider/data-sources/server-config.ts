// spire_server_config: the rendered server.conf compared key by key with what SPIRE documents, the
// cloud-init user-data, and one failing case per validation rule with the attribute it names.
import t from 'tap';
import { createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { Dynamic, Unknown } from '../../../../provider/framework/index.js';
import {
  serverConfigDataSource,
  serverConfigSchema,
} from '../../../../provider/data-sources/server-config.js';
import { parseRenderedHcl } from '../../../../provider/render/hcl.js';
import { at, describe, read, validate } from '../render/fixtures/drive.js';

const TD = 'cluster.example';
const SECRET = 'hunter2-not-in-any-message';
const CONNECTION = `dbname=spire user=spire password=${SECRET} host=db.internal sslmode=verify-full`;
const RO_CONNECTION = `dbname=spire user=spire_ro password=${SECRET} host=replica.internal sslmode=verify-full`;
const COMPOSER_SHA = 'ab'.repeat(32);

/** One member of an HA cluster with every setting this data source renders. */
const full = {
  trust_domain: TD,
  ha: true,
  bind_address: '10.0.1.10',
  bind_port: 8081,
  data_dir: '/var/lib/spire/server',
  log_level: 'INFO',
  log_format: 'json',
  ca_ttl: '48h',
  ca_key_type: 'ec-p384',
  default_x509_svid_ttl: '1h',
  default_jwt_svid_ttl: '5m',
  agent_ttl: '72h',
  jwt_issuer: 'https://oidc.cluster.example',
  admin_ids: [`spiffe://${TD}/terraform`],
  ca_subject: { country: ['GB'], organization: ['Tarmak'], common_name: 'SPIRE' },
  datastore: {
    type: 'postgres',
    connection_string: CONNECTION,
    ro_connection_string: RO_CONNECTION,
    max_open_conns: 50,
    max_idle_conns: 10,
    conn_max_lifetime: '1h',
    disable_migration: true,
  },
  key_manager: {
    type: 'aws_kms',
    region: 'eu-west-1',
    key_identifier_file: '/var/lib/spire/server/kms-key-id',
  },
  upstream_authority: {
    type: 'awssecret',
    region: 'eu-west-1',
    cert_file_arn: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:spire-root-cert',
    key_file_arn: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:spire-root-key',
  },
  node_attestor: [
    {
      type: 'aws_iid',
      account_ids: ['111111111111', '222222222222'],
      regions: ['eu-west-1', 'eu-central-1'],
      disable_instance_profile_selectors: false,
    },
    { type: 'join_token' },
    { type: 'x509pop', ca_bundle_paths: ['/etc/spire/server/x509pop-ca.pem'] },
  ],
  federation: {
    bundle_endpoint: {
      port: 8443,
      profile: 'https_web',
      acme_domain_name: 'spire.cluster.example',
      acme_email: 'pki@cluster.example',
      acme_tos_accepted: true,
    },
    federates_with: [
      {
        trust_domain: 'partner.example',
        bundle_endpoint_url: 'https://spire.partner.example:8443',
        endpoint_spiffe_id: 'spiffe://partner.example/spire/server',
      },
    ],
  },
  health_checks: {},
  telemetry: { prometheus_port: 9988, prometheus_host: '0.0.0.0' },
  credential_composer: {
    name: 'k8s',
    plugin_cmd: '/opt/bin/spire-credentialcomposer-k8s',
    plugin_checksum: COMPOSER_SHA,
    plugin_data_file: '/etc/spire/server/k8s-rules.json',
  },
};

/** The smallest valid configuration; rule cases change one thing in it. */
const minimal = {
  trust_domain: TD,
  datastore: { type: 'sqlite3', connection_string: '/var/lib/spire/server/datastore.sqlite3' },
  key_manager: { type: 'disk', keys_path: '/var/lib/spire/server/keys.json' },
  node_attestor: [{ type: 'join_token' }],
};

t.test('server.conf for an HA member holds exactly the keys SPIRE documents', async (t) => {
  const { state, diagnostics } = await read(serverConfigDataSource, full);
  t.strictSame(describe(diagnostics), [], 'no diagnostics');
  const hcl = String(state?.hcl);
  const parsed = await parseRenderedHcl(hcl, 'server.conf');
  // Expected keys, section by section, from spiffe/spire docs (not from this renderer's output).
  t.strictSame(parsed, {
    // doc/spire_server.md §Server configuration file
    server: [
      {
        trust_domain: TD,
        bind_address: '10.0.1.10',
        bind_port: 8081,
        socket_path: '/tmp/spire-server/private/api.sock',
        data_dir: '/var/lib/spire/server',
        log_level: 'INFO',
        log_format: 'json',
        ca_ttl: '48h',
        ca_key_type: 'ec-p384',
        default_x509_svid_ttl: '1h',
        default_jwt_svid_ttl: '5m',
        agent_ttl: '72h',
        jwt_issuer: 'https://oidc.cluster.example',
        admin_ids: [`spiffe://${TD}/terraform`],
        ca_subject: [{ country: ['GB'], organization: ['Tarmak'], common_name: 'SPIRE' }],
        // doc/spire_server.md §Federation configuration
        federation: [
          {
            bundle_endpoint: [
              {
                address: '0.0.0.0',
                port: 8443,
                profile: {
                  https_web: [
                    {
                      acme: [
                        {
                          domain_name: 'spire.cluster.example',
                          email: 'pki@cluster.example',
                          tos_accepted: true,
                        },
                      ],
                    },
                  ],
                },
              },
            ],
            federates_with: {
              'partner.example': [
                {
                  bundle_endpoint_url: 'https://spire.partner.example:8443',
                  bundle_endpoint_profile: {
                    https_spiffe: [{ endpoint_spiffe_id: 'spiffe://partner.example/spire/server' }],
                  },
                },
              ],
            },
          },
        ],
      },
    ],
    plugins: [
      {
        // doc/plugin_server_datastore_sql.md
        DataStore: {
          sql: [
            {
              plugin_data: [
                {
                  database_type: 'postgres',
                  connection_string: CONNECTION,
                  ro_connection_string: RO_CONNECTION,
                  max_open_conns: 50,
                  max_idle_conns: 10,
                  conn_max_lifetime: '1h',
                  disable_migration: true,
                },
              ],
            },
          ],
        },
        // doc/plugin_server_keymanager_aws_kms.md
        KeyManager: {
          aws_kms: [
            {
              plugin_data: [{ region: 'eu-west-1', key_identifier_file: '/var/lib/spire/server/kms-key-id' }],
            },
          ],
        },
        // doc/plugin_server_upstreamauthority_awssecret.md
        UpstreamAuthority: {
          awssecret: [
            {
              plugin_data: [
                {
                  region: 'eu-west-1',
                  cert_file_arn: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:spire-root-cert',
                  key_file_arn: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:spire-root-key',
                },
              ],
            },
          ],
        },
        NodeAttestor: {
          // doc/plugin_server_nodeattestor_aws_iid.md (verify_organization.account_list_file)
          aws_iid: [
            {
              plugin_data: [
                {
                  disable_instance_profile_selectors: false,
                  verify_organization: { account_list_file: '/etc/spire/server/aws-account-ids.json' },
                },
              ],
            },
          ],
          // doc/plugin_server_nodeattestor_jointoken.md: no options
          join_token: [{ plugin_data: [{}] }],
          // doc/plugin_server_nodeattestor_x509pop.md
          x509pop: [{ plugin_data: [{ ca_bundle_paths: ['/etc/spire/server/x509pop-ca.pem'] }] }],
        },
        // doc/spire_server.md §Plugin configuration: plugin_cmd, plugin_checksum, plugin_data_file
        CredentialComposer: {
          k8s: [
            {
              plugin_cmd: '/opt/bin/spire-credentialcomposer-k8s',
              plugin_checksum: COMPOSER_SHA,
              plugin_data_file: '/etc/spire/server/k8s-rules.json',
            },
          ],
        },
      },
    ],
    // doc/spire_server.md §Health check configuration (bind_port is a string there)
    health_checks: [
      {
        listener_enabled: true,
        bind_address: '0.0.0.0',
        bind_port: '8080',
        live_path: '/live',
        ready_path: '/ready',
      },
    ],
    // doc/telemetry/telemetry_config.md
    telemetry: [{ Prometheus: [{ host: '0.0.0.0', port: 9988 }] }],
  });
});

t.test('outputs: hash, redacted text, upstream identity, selector sets, account list', async (t) => {
  const { state } = await read(serverConfigDataSource, full);
  const hcl = String(state?.hcl);
  t.equal(state?.sha256, createHash('sha256').update(hcl).digest('hex'), 'sha256 is the hash of hcl');
  t.match(hcl, SECRET, 'hcl carries the connection string');
  t.notMatch(String(state?.hcl_redacted), SECRET, 'hcl_redacted does not');
  t.match(String(state?.hcl_redacted), /connection_string = "\(sensitive\)"/);
  t.equal(
    state?.upstream_authority_id,
    'awssecret:arn:aws:secretsmanager:eu-west-1:111111111111:secret:spire-root-cert',
  );
  t.strictSame(state?.aws_iid_selector_sets, [
    ['aws_iid:account_id:111111111111', 'aws_iid:region:eu-west-1'],
    ['aws_iid:account_id:111111111111', 'aws_iid:region:eu-central-1'],
    ['aws_iid:account_id:222222222222', 'aws_iid:region:eu-west-1'],
    ['aws_iid:account_id:222222222222', 'aws_iid:region:eu-central-1'],
  ]);
  t.equal(state?.aws_account_list_json, '["111111111111","222222222222"]');

  const changed = await read(serverConfigDataSource, { ...full, bind_address: '10.0.2.10' });
  t.not(changed.state?.sha256, state?.sha256, 'another member renders another hash');
});

t.test('the connection string and everything holding it are sensitive in the schema', (t) => {
  t.equal(serverConfigSchema.blocks.datastore.block.attributes.connection_string?.sensitive, true);
  t.equal(serverConfigSchema.blocks.datastore.block.attributes.ro_connection_string?.sensitive, true);
  t.equal(serverConfigSchema.attributes.hcl.sensitive, true, 'hcl');
  t.equal(serverConfigSchema.attributes.user_data.sensitive, true, 'user_data');
  t.equal(serverConfigSchema.attributes.hcl_redacted.sensitive, false, 'the redacted text is not');
  t.end();
});

t.test('user_data is a cloud-config that writes server.conf at 0600 and enables the unit', async (t) => {
  const { state } = await read(serverConfigDataSource, {
    ...full,
    extra_files: [{ path: '/etc/spire/server/k8s-rules.json', content: '{"rules":[]}', permissions: '644' }],
  });
  const text = String(state?.user_data);
  t.equal(text.split('\n')[0], '#cloud-config');
  const doc = parseYaml(text, { version: '1.1' }) as {
    write_files: { path: string; content: string; permissions: string; owner: string }[];
    runcmd: string[][];
  };
  const byPath = new Map(doc.write_files.map((f) => [f.path, f]));
  t.equal(
    byPath.get('/etc/spire/server/server.conf')?.content,
    state?.hcl,
    'server.conf is the rendered hcl',
  );
  t.equal(
    byPath.get('/etc/spire/server/server.conf')?.permissions,
    '0600',
    'readable by root only: it holds a password',
  );
  t.equal(byPath.get('/etc/spire/server/aws-account-ids.json')?.content, '["111111111111","222222222222"]\n');
  t.equal(byPath.get('/etc/spire/server/aws-account-ids.json')?.permissions, '0644');
  t.equal(
    byPath.get('/etc/spire/server/k8s-rules.json')?.permissions,
    '0644',
    'extra file, mode normalised to 4 digits',
  );
  const unit = byPath.get('/etc/systemd/system/spire-server.service');
  t.equal(unit?.permissions, '0644');
  t.match(
    unit?.content,
    /^ExecStart=\/opt\/bin\/spire-server run -config \/etc\/spire\/server\/server\.conf$/m,
  );
  t.strictSame(doc.runcmd, [
    ['mkdir', '-p', '-m', '0700', '/var/lib/spire/server'],
    ['systemctl', 'daemon-reload'],
    ['systemctl', 'enable', '--now', 'spire-server.service'],
  ]);
});

t.test('plugin_data of the credential composer is rendered as a plugin_data block', async (t) => {
  const { state, diagnostics } = await read(serverConfigDataSource, {
    ...minimal,
    credential_composer: {
      name: 'k8s',
      plugin_cmd: '/opt/bin/spire-credentialcomposer-k8s',
      plugin_data: new Dynamic(['object', { rules_file: 'string', strict: 'bool' }], {
        rules_file: '/r.json',
        strict: true,
      }),
    },
  });
  t.strictSame(describe(diagnostics), []);
  const parsed = await parseRenderedHcl(String(state?.hcl), 'server.conf');
  t.strictSame((parsed.plugins as Record<string, unknown>[])[0]?.CredentialComposer, {
    k8s: [
      {
        plugin_cmd: '/opt/bin/spire-credentialcomposer-k8s',
        plugin_data: [{ rules_file: '/r.json', strict: true }],
      },
    ],
  });
});

t.test(
  'a single sqlite3 server with defaults renders SPIRE defaults where SPIRE needs a value',
  async (t) => {
    const { state, diagnostics } = await read(serverConfigDataSource, minimal);
    t.strictSame(describe(diagnostics), []);
    const parsed = await parseRenderedHcl(String(state?.hcl), 'server.conf');
    t.strictSame(parsed.server, [
      {
        trust_domain: TD,
        bind_address: '0.0.0.0',
        bind_port: 8081,
        socket_path: '/tmp/spire-server/private/api.sock',
        data_dir: '/var/lib/spire/server',
      },
    ]);
    t.equal(parsed.health_checks, undefined, 'no health listener unless asked');
    t.equal(state?.upstream_authority_id, '', 'self-signed: no upstream');
    t.strictSame(state?.aws_iid_selector_sets, []);
  },
);

interface RuleCase {
  readonly rule: string;
  readonly config: Record<string, unknown>;
  readonly severity: 'error' | 'warning';
  readonly path: string;
  readonly message: RegExp;
}

const withDatastore = (ds: Record<string, unknown>) => ({
  ...minimal,
  datastore: { ...minimal.datastore, ...ds },
});
const postgres = { type: 'postgres', connection_string: CONNECTION };
const upstreamDisk = {
  type: 'disk',
  cert_file_path: '/etc/spire/server/root.pem',
  key_file_path: '/etc/spire/server/root-key.pem',
};

const rules: RuleCase[] = [
  {
    rule: 'HA with sqlite3 is an error on datastore.type',
    config: { ...minimal, ha: true, upstream_authority: upstreamDisk },
    severity: 'error',
    path: 'datastore.type',
    message: /sqlite3.*ha = true.*postgres or mysql/s,
  },
  {
    rule: 'a read replica does not apply to sqlite3',
    config: withDatastore({ ro_connection_string: 'file:ro' }),
    severity: 'error',
    path: 'datastore.ro_connection_string',
    message: /does not apply to sqlite3/,
  },
  {
    rule: 'TLS files of the datastore are MySQL only',
    config: { ...minimal, datastore: { ...postgres, root_ca_path: '/ca.pem' } },
    severity: 'error',
    path: 'datastore.root_ca_path',
    message: /applies to mysql only/,
  },
  {
    rule: 'unknown database type',
    config: withDatastore({ type: 'oracle' }),
    severity: 'error',
    path: 'datastore.type',
    message: /must be one of "sqlite3", "postgres", "mysql", got "oracle"/,
  },
  {
    rule: 'a datastore block is required',
    config: { ...minimal, datastore: null },
    severity: 'error',
    path: 'datastore',
    message: /datastore block is required/,
  },
  {
    rule: 'a key_manager block is required',
    config: { ...minimal, key_manager: null },
    severity: 'error',
    path: 'key_manager',
    message: /key_manager block is required/,
  },
  {
    rule: 'unknown KeyManager plugin name',
    config: { ...minimal, key_manager: { type: 'hsm' } },
    severity: 'error',
    path: 'key_manager.type',
    message: /must be one of "disk", "memory", "aws_kms", got "hsm"/,
  },
  {
    rule: 'KeyManager disk needs keys_path',
    config: { ...minimal, key_manager: { type: 'disk' } },
    severity: 'error',
    path: 'key_manager.keys_path',
    message: /KeyManager "disk" requires keys_path/,
  },
  {
    rule: 'a setting of another KeyManager is refused',
    config: { ...minimal, key_manager: { type: 'memory', region: 'eu-west-1' } },
    severity: 'error',
    path: 'key_manager.region',
    message: /region is a setting of KeyManager "aws_kms", not of "memory"/,
  },
  {
    rule: 'aws_kms takes exactly one key identifier',
    config: {
      ...minimal,
      key_manager: {
        type: 'aws_kms',
        region: 'eu-west-1',
        key_identifier_file: '/f',
        key_identifier_value: 'v',
      },
    },
    severity: 'error',
    path: 'key_manager.key_identifier_value',
    message: /exactly one of key_identifier_file and key_identifier_value/,
  },
  {
    rule: 'unknown UpstreamAuthority plugin name',
    config: { ...minimal, upstream_authority: { type: 'vault' } },
    severity: 'error',
    path: 'upstream_authority.type',
    message: /must be one of "disk", "aws_pca", "awssecret", got "vault"/,
  },
  {
    rule: 'UpstreamAuthority awssecret needs the key secret',
    config: {
      ...minimal,
      upstream_authority: { type: 'awssecret', region: 'eu-west-1', cert_file_arn: 'arn:c' },
    },
    severity: 'error',
    path: 'upstream_authority.key_file_arn',
    message: /UpstreamAuthority "awssecret" requires key_file_arn/,
  },
  {
    rule: 'unknown NodeAttestor plugin name',
    config: { ...minimal, node_attestor: [{ type: 'k8s_psat' }] },
    severity: 'error',
    path: 'node_attestor[0].type',
    message: /must be one of "aws_iid", "join_token", "x509pop", got "k8s_psat"/,
  },
  {
    rule: 'a node attestor may appear once',
    config: { ...minimal, node_attestor: [{ type: 'join_token' }, { type: 'join_token' }] },
    severity: 'error',
    path: 'node_attestor[1].type',
    message: /repeats type "join_token" of node_attestor\[0\]/,
  },
  {
    rule: 'aws_iid without an account allow-list is a warning',
    config: { ...minimal, node_attestor: [{ type: 'aws_iid', regions: ['eu-west-1'] }] },
    severity: 'warning',
    path: 'node_attestor[0]',
    message: /no account_ids/,
  },
  {
    rule: 'aws_iid account IDs are 12 digits',
    config: { ...minimal, node_attestor: [{ type: 'aws_iid', account_ids: ['1234'] }] },
    severity: 'error',
    path: 'node_attestor[0].account_ids',
    message: /12-digit AWS account ID/,
  },
  {
    rule: 'account_ids belong to aws_iid only',
    config: { ...minimal, node_attestor: [{ type: 'join_token', account_ids: ['111111111111'] }] },
    severity: 'error',
    path: 'node_attestor[0].account_ids',
    message: /account_ids is a setting of NodeAttestor "aws_iid", not of "join_token"/,
  },
  {
    rule: 'x509pop in external_pki mode needs CA bundles',
    config: { ...minimal, node_attestor: [{ type: 'x509pop' }] },
    severity: 'error',
    path: 'node_attestor[0].ca_bundle_paths',
    message: /external_pki requires ca_bundle_paths/,
  },
  {
    rule: 'a credential composer without plugin_cmd must be a built-in',
    config: { ...minimal, credential_composer: { name: 'k8s' } },
    severity: 'error',
    path: 'credential_composer.name',
    message: /"k8s" is not a built-in CredentialComposer \("uniqueid"\); set plugin_cmd/,
  },
  {
    rule: 'plugin_checksum is a SHA-256 in hex',
    config: {
      ...minimal,
      credential_composer: { name: 'k8s', plugin_cmd: '/opt/bin/c', plugin_checksum: 'DEADBEEF' },
    },
    severity: 'error',
    path: 'credential_composer.plugin_checksum',
    message: /64 hexadecimal characters/,
  },
  {
    rule: 'plugin_data and plugin_data_file exclude each other',
    config: {
      ...minimal,
      credential_composer: {
        name: 'k8s',
        plugin_cmd: '/opt/bin/c',
        plugin_data: new Dynamic(['object', { a: 'string' }], { a: 'b' }),
        plugin_data_file: '/r.json',
      },
    },
    severity: 'error',
    path: 'credential_composer.plugin_data_file',
    message: /mutually exclusive/,
  },
  {
    rule: 'a federated bundle endpoint must be https',
    config: {
      ...minimal,
      federation: {
        federates_with: [
          {
            trust_domain: 'p.example',
            bundle_endpoint_url: 'http://p.example',
            endpoint_spiffe_id: 'spiffe://p.example/spire/server',
          },
        ],
      },
    },
    severity: 'error',
    path: 'federation.federates_with[0].bundle_endpoint_url',
    message: /must use https:\/\//,
  },
  {
    rule: 'https_spiffe needs the endpoint SPIFFE ID',
    config: {
      ...minimal,
      federation: {
        federates_with: [{ trust_domain: 'p.example', bundle_endpoint_url: 'https://p.example' }],
      },
    },
    severity: 'error',
    path: 'federation.federates_with[0].endpoint_spiffe_id',
    message: /needs endpoint_spiffe_id/,
  },
  {
    rule: 'the https_web profile needs ACME or a certificate',
    config: { ...minimal, federation: { bundle_endpoint: { profile: 'https_web' } } },
    severity: 'error',
    path: 'federation.bundle_endpoint.profile',
    message: /either acme_domain_name and acme_email, or serving_cert_file_path/,
  },
  {
    rule: 'TTLs are Go durations',
    config: { ...minimal, ca_ttl: '1 day' },
    severity: 'error',
    path: 'ca_ttl',
    message: /must be a duration such as "24h"/,
  },
  {
    rule: 'the trust domain is a bare trust domain name',
    config: { ...minimal, trust_domain: 'spiffe://cluster.example' },
    severity: 'error',
    path: 'trust_domain',
    message: /without "spiffe:\/\/"/,
  },
  {
    rule: 'admin IDs are SPIFFE IDs',
    config: { ...minimal, admin_ids: ['admin'] },
    severity: 'error',
    path: 'admin_ids',
    message: /must be a SPIFFE ID/,
  },
  {
    rule: 'log_level is one SPIRE knows',
    config: { ...minimal, log_level: 'TRACE' },
    severity: 'error',
    path: 'log_level',
    message: /must be one of "DEBUG", "INFO", "WARN", "ERROR"/,
  },
  {
    rule: 'HA without an upstream authority is a warning',
    config: { ...minimal, ha: true, datastore: postgres },
    severity: 'warning',
    path: 'ha',
    message: /self-signs its own CA/,
  },
  {
    rule: 'a value may hold ${ only as an environment reference',
    config: withDatastore({ connection_string: `password=${SECRET} \${oops` }),
    severity: 'error',
    path: 'datastore.connection_string',
    message: /environment variable reference \$\{NAME\}/,
  },
];

for (const rule of rules) {
  t.test(rule.rule, (t) => {
    const diagnostics = validate(serverConfigDataSource, rule.config);
    const found = at(diagnostics, rule.severity, rule.path);
    t.equal(
      found.length,
      1,
      `one ${rule.severity} at ${rule.path}; got ${JSON.stringify(describe(diagnostics))}`,
    );
    t.match(found[0]?.detail, rule.message);
    for (const d of diagnostics) t.notMatch(`${d.summary} ${d.detail}`, SECRET, 'no secret in any message');
    t.end();
  });
}

t.test('the rules run again at read time, when validation saw unknown values', async (t) => {
  // At validation the datastore block is not known yet (it refers to a database created in the same plan).
  const unknownDatastore = validate(serverConfigDataSource, {
    ...minimal,
    ha: true,
    upstream_authority: upstreamDisk,
    datastore: new Unknown(),
  });
  t.strictSame(describe(unknownDatastore), [], 'nothing to say while it is unknown');
  const { state, diagnostics } = await read(
    serverConfigDataSource,
    { ...minimal, ha: true, upstream_authority: upstreamDisk },
    { skipValidation: true },
  );
  t.equal(state, null);
  t.equal(at(diagnostics, 'error', 'datastore.type').length, 1, 'the HA rule fails the read');
});
