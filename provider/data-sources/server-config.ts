// spire_server_config: server.conf for one SPIRE Server of a (possibly HA) cluster, rendered from typed
// settings, plus cloud-init user-data that installs it. Pure rendering: it never talks to SPIRE, so it
// works before any server exists.
//
// Every key written is one SPIRE documents (spiffe/spire at ef8527ec):
//   doc/spire_server.md                         server { … }, plugins { … }, federation, health_checks, ca_subject
//   cmd/spire-server/cli/run/run.go             the hcl tags those keys decode into (unknown keys are fatal)
//   doc/plugin_server_datastore_sql.md          DataStore "sql"
//   doc/plugin_server_keymanager_{disk,memory,aws_kms}.md
//   doc/plugin_server_upstreamauthority_{disk,aws_pca,awssecret}.md
//   doc/plugin_server_nodeattestor_{aws_iid,jointoken,x509pop}.md
//   doc/plugin_server_credentialcomposer_uniqueid.md, pkg/common/catalog/config.go (plugin_cmd, plugin_checksum,
//                                               plugin_data, plugin_data_file; catalog.go: checksum is 64 hex)
//   doc/telemetry/telemetry_config.md           telemetry { Prometheus { host, port } }
//   doc/scaling_spire.md                        HA: every server shares one SQL datastore
import {
  Dynamic,
  attribute,
  block,
  defineSchema,
  frameworkFor,
  types,
  validators,
} from '../framework/index.js';
import type { AttributePath, ConfigModel, Diagnostics, ModelOf } from '../framework/index.js';
import type { ProviderData } from '../provider-data.js';
import { spiffeId, trustDomainName } from '../validators.js';
import { renderCloudConfig } from '../render/cloud-init.js';
import type { CloudInitFile } from '../render/cloud-init.js';
import {
  absolutePath,
  checkStrings,
  extraFilesAttribute,
  goDuration,
  healthChecksBlock,
  known,
  logFormats,
  logLevels,
  octalMode,
  port,
  renderHealthChecks,
  systemdUnit,
  unitName,
} from '../render/common.js';
import type { HclBody, HclItem, HclValue } from '../render/hcl.js';
import {
  Secret,
  attr,
  block as hclBlock,
  comment,
  parseRenderedHcl,
  renderHcl,
  sha256Hex,
} from '../render/hcl.js';
import { checkPluginFields, pluginDataItems } from '../render/plugins.js';
import type { PluginTable } from '../render/plugins.js';

const { defineDataSource } = frameworkFor<ProviderData>();

export const SERVER_DEFAULTS = {
  bindAddress: '0.0.0.0', // doc/spire_server.md bind_address default
  bindPort: 8081, // doc/spire_server.md bind_port default
  socketPath: '/tmp/spire-server/private/api.sock', // doc/spire_server.md socket_path default
  dataDir: '/var/lib/spire/server', // data_dir has no default and is required (run.go validateConfig)
  configPath: '/etc/spire/server/server.conf',
  binary: '/opt/bin/spire-server', // Tarmak installs binaries in /opt/bin (puppet spire::bin_dir)
  unit: 'spire-server.service',
  healthAddress: '0.0.0.0', // reachable by spire_cluster and load balancers (helm-charts-hardened uses 0.0.0.0:8080)
  accountListPath: '/etc/spire/server/aws-account-ids.json',
} as const;

/** DataStore "sql" database types this data source renders (doc/plugin_server_datastore_sql.md). */
export const databaseTypes = ['sqlite3', 'postgres', 'mysql'] as const;

/** KeyManager plugins and their plugin_data keys. */
export const keyManagers: PluginTable = {
  disk: { required: ['keys_path'], optional: [] }, // doc/plugin_server_keymanager_disk.md
  memory: { required: [], optional: [] }, // doc/plugin_server_keymanager_memory.md: no configuration
  // doc/plugin_server_keymanager_aws_kms.md (credentials come from the instance role, never from here)
  aws_kms: {
    required: ['region'],
    optional: [
      'key_identifier_file',
      'key_identifier_value',
      'key_policy_file',
      'enable_tag_based_key_discovery',
    ],
  },
};

/** UpstreamAuthority plugins and their plugin_data keys. */
export const upstreamAuthorities: PluginTable = {
  // doc/plugin_server_upstreamauthority_disk.md
  disk: { required: ['cert_file_path', 'key_file_path'], optional: ['bundle_file_path'] },
  // doc/plugin_server_upstreamauthority_aws_pca.md
  aws_pca: {
    required: ['region', 'certificate_authority_arn'],
    optional: [
      'ca_signing_template_arn',
      'signing_algorithm',
      'assume_role_arn',
      'endpoint',
      'supplemental_bundle_path',
    ],
  },
  // doc/plugin_server_upstreamauthority_awssecret.md
  awssecret: {
    required: ['region', 'cert_file_arn', 'key_file_arn'],
    optional: ['bundle_file_arn', 'assume_role_arn'],
  },
};

/** NodeAttestor plugins and their plugin_data keys. */
export const nodeAttestors: PluginTable = {
  // doc/plugin_server_nodeattestor_aws_iid.md
  aws_iid: {
    required: [],
    optional: ['skip_block_device', 'disable_instance_profile_selectors', 'assume_role', 'partition'],
  },
  join_token: { required: [], optional: [] }, // doc/plugin_server_nodeattestor_jointoken.md: no options
  // doc/plugin_server_nodeattestor_x509pop.md
  x509pop: { required: [], optional: ['mode', 'svid_prefix', 'ca_bundle_paths', 'agent_path_template'] },
};

/** Attributes of node_attestor that this provider renders itself (not plugin_data keys one to one). */
const nodeAttestorExtras = { aws_iid: ['account_ids', 'account_list_path', 'regions'] } as const;

/** Built-in CredentialComposer plugins (doc/spire_server.md §Built-in plugins). */
export const builtInCredentialComposers = ['uniqueid'] as const;

const optionalString = (description: string) => attribute.string({ optional: true, description });

export const serverConfigSchema = defineSchema({
  description:
    'Renders server.conf for one SPIRE Server (one member of an HA cluster) and cloud-init user-data that ' +
    'installs it. Needs no connection to SPIRE.',
  attributes: {
    trust_domain: attribute.string({
      required: true,
      description: 'The trust domain (`server.trust_domain`).',
      validators: [trustDomainName],
    }),
    ha: attribute.bool({
      optional: true,
      description:
        'True when this server is one of several sharing the datastore (HA). Then the datastore must be ' +
        'postgres or mysql. Default false.',
    }),
    bind_address: optionalString('IP address or DNS name the Server API listens on. Default `0.0.0.0`.'),
    bind_port: attribute.number({
      optional: true,
      description: 'Port of the Server API. Default 8081.',
      validators: [port],
    }),
    socket_path: attribute.string({
      optional: true,
      description: 'Path of the local admin API socket. Default `/tmp/spire-server/private/api.sock`.',
      validators: [absolutePath],
    }),
    data_dir: attribute.string({
      optional: true,
      description: 'Runtime data directory. Default `/var/lib/spire/server`.',
      validators: [absolutePath],
    }),
    log_level: attribute.string({
      optional: true,
      description: "DEBUG, INFO, WARN or ERROR. Default SPIRE's (INFO).",
      validators: [validators.oneOf(...logLevels)],
    }),
    log_format: attribute.string({
      optional: true,
      description: '`text` or `json`.',
      validators: [validators.oneOf(...logFormats)],
    }),
    ca_ttl: attribute.string({
      optional: true,
      description: 'TTL of the server CA (`ca_ttl`, SPIRE default 24h).',
      validators: [goDuration],
    }),
    ca_key_type: attribute.string({
      optional: true,
      description: 'Key type of the server CA: rsa-2048, rsa-4096, ec-p256 (SPIRE default) or ec-p384.',
      validators: [validators.oneOf('rsa-2048', 'rsa-4096', 'ec-p256', 'ec-p384')],
    }),
    default_x509_svid_ttl: attribute.string({
      optional: true,
      description: 'Default X509-SVID TTL (SPIRE default 1h).',
      validators: [goDuration],
    }),
    default_jwt_svid_ttl: attribute.string({
      optional: true,
      description: 'Default JWT-SVID TTL (SPIRE default 5m).',
      validators: [goDuration],
    }),
    agent_ttl: attribute.string({
      optional: true,
      description: 'TTL of agent SVIDs (SPIRE default: default_x509_svid_ttl).',
      validators: [goDuration],
    }),
    jwt_issuer: optionalString('The `iss` claim of JWT-SVIDs.'),
    admin_ids: attribute.list(types.string, {
      optional: true,
      description:
        "SPIFFE IDs granted admin access to the Server API (`admin_ids`), such as Terraform's own.",
      validators: [validators.eachElement(spiffeId)],
    }),
    config_path: attribute.string({
      optional: true,
      description: 'Where `user_data` writes server.conf. Default `/etc/spire/server/server.conf`.',
      validators: [absolutePath],
    }),
    server_binary: attribute.string({
      optional: true,
      description: 'The spire-server executable the systemd unit runs. Default `/opt/bin/spire-server`.',
      validators: [absolutePath],
    }),
    install_unit: attribute.bool({
      optional: true,
      description: 'Write a `spire-server.service` systemd unit in `user_data`. Default true.',
    }),
    enable_units: attribute.list(types.string, {
      optional: true,
      description: 'Units `user_data` enables and starts. Default `["spire-server.service"]`.',
      validators: [validators.eachElement(unitName)],
    }),
    extra_files: extraFilesAttribute,

    hcl: attribute.string({
      computed: true,
      sensitive: true,
      description: 'The rendered server.conf. Sensitive: it holds the datastore connection string.',
    }),
    hcl_redacted: attribute.string({
      computed: true,
      description: 'server.conf with every secret replaced by `(sensitive)`, for review.',
    }),
    sha256: attribute.string({
      computed: true,
      description:
        'SHA-256 (hex) of `hcl`, to replace or restart instances when the configuration changes ' +
        '(`replace_triggered_by`). A hash of the full text, connection string included.',
    }),
    user_data: attribute.string({
      computed: true,
      sensitive: true,
      description:
        'cloud-init `#cloud-config` user-data: writes server.conf (0600), the aws_iid account list, the ' +
        'systemd unit and `extra_files`, then enables `enable_units`.',
    }),
    upstream_authority_id: attribute.string({
      computed: true,
      description:
        'Identifies the root this server chains to (`<plugin>:<certificate or CA>`); empty for a ' +
        'self-signed server CA. Give it to `spire_cluster` members to check that they all agree.',
    }),
    aws_iid_selector_sets: attribute.list(types.list(types.string), {
      computed: true,
      description:
        'For node-alias entries: one selector set per allowed account and region of the aws_iid ' +
        'attestor (`aws_iid:account_id:…`, `aws_iid:region:…`). SPIRE has no region filter of its own.',
    }),
    aws_account_list_json: attribute.string({
      computed: true,
      description:
        'The aws_iid account allow-list file (JSON array of account IDs) that server.conf names; `user_data` writes it.',
    }),
  },
  blocks: {
    ca_subject: block.single({
      description: 'Subject of the CA certificates (`ca_subject`).',
      attributes: {
        country: attribute.list(types.string, { optional: true, description: 'Country values.' }),
        organization: attribute.list(types.string, { optional: true, description: 'Organization values.' }),
        common_name: optionalString('Common name.'),
      },
    }),
    datastore: block.single({
      description: 'The shared SQL datastore (`DataStore "sql"`). Required.',
      attributes: {
        type: attribute.string({
          required: true,
          description: '`database_type`: sqlite3 (one server only), postgres or mysql.',
          validators: [validators.oneOf(...databaseTypes)],
        }),
        connection_string: attribute.string({
          required: true,
          sensitive: true,
          description:
            'postgres: lib/pq `key=value` (sslmode defaults to require); mysql: DSN; sqlite3: a file. ' +
            'May hold `${NAME}` for spire-server `-expandEnv`.',
        }),
        ro_connection_string: attribute.string({
          optional: true,
          sensitive: true,
          description: 'Read-only replica (not for sqlite3).',
        }),
        root_ca_path: optionalString('MySQL only: CA bundle for the server certificate.'),
        client_cert_path: optionalString('MySQL only: client certificate.'),
        client_key_path: optionalString('MySQL only: client key.'),
        max_open_conns: attribute.number({
          optional: true,
          description: 'Maximum open connections (SPIRE default 100).',
          validators: [validators.integerBetween(1, 100000)],
        }),
        max_idle_conns: attribute.number({
          optional: true,
          description: 'Maximum idle connections (SPIRE default 100).',
          validators: [validators.integerBetween(0, 100000)],
        }),
        conn_max_lifetime: attribute.string({
          optional: true,
          description: 'Maximum time a connection is reused.',
          validators: [goDuration],
        }),
        disable_migration: attribute.bool({
          optional: true,
          description: 'Do not migrate the schema at start (coordinate migrations of a shared datastore).',
        }),
      },
    }),
    key_manager: block.single({
      description: 'Where the server CA keys live (`KeyManager`). Required.',
      attributes: {
        type: attribute.string({
          required: true,
          description: 'disk, memory or aws_kms.',
          validators: [validators.oneOf(...Object.keys(keyManagers))],
        }),
        keys_path: optionalString('disk: the keys file.'),
        region: optionalString('aws_kms: region of the keys.'),
        key_identifier_file: optionalString("aws_kms: file keeping this server's key identifier."),
        key_identifier_value: optionalString('aws_kms: a fixed key identifier for this server.'),
        key_policy_file: optionalString('aws_kms: custom key policy (JSON file).'),
        enable_tag_based_key_discovery: attribute.bool({
          optional: true,
          description: 'aws_kms: tag-based key discovery (same value on every server).',
        }),
      },
    }),
    upstream_authority: block.single({
      description:
        'The root every server of the cluster chains to (`UpstreamAuthority`). Without it each server ' +
        'self-signs its CA.',
      attributes: {
        type: attribute.string({
          required: true,
          description: 'disk, aws_pca or awssecret.',
          validators: [validators.oneOf(...Object.keys(upstreamAuthorities))],
        }),
        cert_file_path: optionalString('disk: upstream CA certificate (PEM).'),
        key_file_path: optionalString('disk: upstream CA key (PEM).'),
        bundle_file_path: optionalString('disk: upstream roots, when the CA is not self-signed.'),
        region: optionalString('aws_pca, awssecret: AWS region.'),
        certificate_authority_arn: optionalString('aws_pca: ARN of the private CA.'),
        ca_signing_template_arn: optionalString('aws_pca: signing template ARN.'),
        signing_algorithm: optionalString('aws_pca: signing algorithm.'),
        endpoint: optionalString('aws_pca: endpoint override.'),
        supplemental_bundle_path: optionalString('aws_pca: more roots for the bundle (PEM file).'),
        cert_file_arn: optionalString('awssecret: secret holding the CA certificate.'),
        key_file_arn: optionalString('awssecret: secret holding the CA key.'),
        bundle_file_arn: optionalString(
          'awssecret: secret holding the roots, when the CA is not self-signed.',
        ),
        assume_role_arn: optionalString('aws_pca, awssecret: role to assume.'),
      },
    }),
    node_attestor: block.list({
      description: 'How agents prove their node identity (`NodeAttestor`); one block per plugin.',
      attributes: {
        type: attribute.string({
          required: true,
          description: 'aws_iid, join_token or x509pop.',
          validators: [validators.oneOf(...Object.keys(nodeAttestors))],
        }),
        account_ids: attribute.list(types.string, {
          optional: true,
          description:
            'aws_iid: AWS accounts allowed to attest, rendered as `verify_organization.account_list_file` ' +
            '(SPIRE ≥ 1.15.3 fails attestation of any other account).',
          validators: [validators.eachElement(validators.matches(/^\d{12}$/, 'a 12-digit AWS account ID'))],
        }),
        account_list_path: attribute.string({
          optional: true,
          description: `aws_iid: where the account list file lives. Default \`${SERVER_DEFAULTS.accountListPath}\`.`,
          validators: [absolutePath],
        }),
        regions: attribute.list(types.string, {
          optional: true,
          description:
            'aws_iid: AWS regions allowed. SPIRE has no setting for this: it feeds `aws_iid_selector_sets` ' +
            'for node-alias entries.',
          validators: [
            validators.eachElement(
              validators.matches(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'an AWS region such as "eu-west-1"'),
            ),
          ],
        }),
        skip_block_device: attribute.bool({
          optional: true,
          description: 'aws_iid: skip the root volume check.',
        }),
        disable_instance_profile_selectors: attribute.bool({
          optional: true,
          description: 'aws_iid: no `iamrole` selectors (no calls to IAM).',
        }),
        assume_role: optionalString("aws_iid: role name to assume in the node's account."),
        partition: attribute.string({
          optional: true,
          description: 'aws_iid: aws, aws-cn or aws-us-gov.',
          validators: [validators.oneOf('aws', 'aws-cn', 'aws-us-gov')],
        }),
        mode: attribute.string({
          optional: true,
          description: 'x509pop: external_pki (SPIRE default) or spiffe.',
          validators: [validators.oneOf('external_pki', 'spiffe')],
        }),
        svid_prefix: optionalString('x509pop (mode spiffe): SVID path prefix.'),
        ca_bundle_paths: attribute.list(types.string, {
          optional: true,
          description: 'x509pop (mode external_pki): CA bundle files.',
        }),
        agent_path_template: optionalString('x509pop: agent ID path template.'),
      },
    }),
    federation: block.single({
      description: 'Federation (`server.federation`).',
      attributes: {},
      blocks: {
        bundle_endpoint: block.single({
          description: "Serve this trust domain's bundle to federated peers.",
          attributes: {
            address: optionalString('Listen address. Default `0.0.0.0`.'),
            port: attribute.number({
              optional: true,
              description: 'Listen port. Default 8443.',
              validators: [port],
            }),
            refresh_hint: attribute.string({
              optional: true,
              description: 'Refresh hint for consumers (SPIRE default 5m).',
              validators: [goDuration],
            }),
            profile: attribute.string({
              optional: true,
              description: '`https_spiffe` (default) or `https_web`.',
              validators: [validators.oneOf('https_spiffe', 'https_web')],
            }),
            acme_domain_name: optionalString('https_web with ACME: domain name.'),
            acme_email: optionalString('https_web with ACME: contact email.'),
            acme_directory_url: optionalString('https_web with ACME: directory URL.'),
            acme_tos_accepted: attribute.bool({
              optional: true,
              description: 'https_web with ACME: accept the ToS.',
            }),
            serving_cert_file_path: optionalString('https_web with a certificate file: certificate (PEM).'),
            serving_key_file_path: optionalString('https_web with a certificate file: key (PEM).'),
            serving_file_sync_interval: attribute.string({
              optional: true,
              description: 'https_web with a certificate file: reload interval.',
              validators: [goDuration],
            }),
          },
        }),
        federates_with: block.list({
          description: 'A trust domain whose bundle this server fetches.',
          attributes: {
            trust_domain: attribute.string({
              required: true,
              description: 'Its trust domain.',
              validators: [trustDomainName],
            }),
            bundle_endpoint_url: attribute.string({
              required: true,
              description: 'Its bundle endpoint (https).',
            }),
            bundle_endpoint_profile: attribute.string({
              optional: true,
              description: '`https_spiffe` (default) or `https_web`.',
              validators: [validators.oneOf('https_spiffe', 'https_web')],
            }),
            endpoint_spiffe_id: attribute.string({
              optional: true,
              description: 'https_spiffe: the SPIFFE ID the endpoint presents.',
              validators: [spiffeId],
            }),
          },
        }),
      },
    }),
    health_checks: healthChecksBlock(SERVER_DEFAULTS.healthAddress),
    telemetry: block.single({
      description: 'Metrics (`telemetry { Prometheus { … } }`).',
      attributes: {
        prometheus_port: attribute.number({
          required: true,
          description: 'Prometheus exporter port.',
          validators: [port],
        }),
        prometheus_host: optionalString('Prometheus exporter listen address.'),
      },
    }),
    credential_composer: block.single({
      description:
        'A CredentialComposer plugin, such as spire-credentialcomposer-k8s (docs/composer.md): an external ' +
        'plugin (`plugin_cmd`) or a built-in one (`uniqueid`).',
      attributes: {
        name: attribute.string({
          required: true,
          description: 'Plugin name; a built-in name unless `plugin_cmd` is set.',
          validators: [validators.matches(/^[A-Za-z0-9_.-]+$/, 'letters, digits, ".", "_" or "-"')],
        }),
        plugin_cmd: attribute.string({
          optional: true,
          description: 'The plugin executable.',
          validators: [absolutePath],
        }),
        plugin_checksum: attribute.string({
          optional: true,
          description: 'SHA-256 (hex) of the executable; SPIRE refuses to start it otherwise.',
          validators: [validators.matches(/^[0-9a-fA-F]{64}$/, '64 hexadecimal characters (a SHA-256)')],
        }),
        plugin_data: attribute.dynamic({
          optional: true,
          description: 'Plugin settings as an object, rendered as a `plugin_data` block.',
        }),
        plugin_data_file: attribute.string({
          optional: true,
          description:
            'A file holding the settings instead (spire-credentialcomposer-k8s reads its JSON rules from one).',
          validators: [absolutePath],
        }),
      },
    }),
  },
});

export type ServerConfigModel = ModelOf<typeof serverConfigSchema>;
type NodeAttestorModel = ServerConfigModel['node_attestor'][number];

const at = (...steps: (string | number)[]): AttributePath =>
  steps.map((s) => (typeof s === 'string' ? { attribute: s } : { index: s }));

/**
 * Adds the diagnostics of the cross-field rules. Runs at validation (where a block not wholly known is
 * skipped) and again before rendering, when everything is known.
 */
export function checkServerConfig(config: ConfigModel<ServerConfigModel>, diagnostics: Diagnostics): void {
  const ha = known(config.ha) === true;
  const datastore = config.datastore;
  if (datastore === null) {
    diagnostics.addError(
      'Missing datastore',
      'A datastore block is required (SPIRE\'s DataStore "sql").',
      at('datastore'),
    );
  } else if (known(datastore) !== undefined) {
    const ds = known(datastore);
    if (ds !== undefined) {
      if (ds.type === 'sqlite3' && ha) {
        diagnostics.addError(
          'sqlite3 cannot be shared',
          'datastore.type "sqlite3" is a file local to one server, but ha = true: the servers of an HA cluster ' +
            'must share one postgres or mysql datastore (SPIRE doc/scaling_spire.md).',
          at('datastore', 'type'),
        );
      }
      if (ds.type === 'sqlite3' && ds.ro_connection_string !== null) {
        diagnostics.addError(
          'No read replica for sqlite3',
          'datastore.ro_connection_string does not apply to sqlite3 (doc/plugin_server_datastore_sql.md).',
          at('datastore', 'ro_connection_string'),
        );
      }
      for (const name of ['root_ca_path', 'client_cert_path', 'client_key_path'] as const) {
        if (ds[name] !== null && ds.type !== 'mysql') {
          diagnostics.addError(
            'Setting does not apply',
            `datastore.${name} applies to mysql only (doc/plugin_server_datastore_sql.md).`,
            at('datastore', name),
          );
        }
      }
    }
  }

  const keyManager = config.key_manager;
  if (keyManager === null) {
    diagnostics.addError(
      'Missing key manager',
      'A key_manager block is required (SPIRE needs exactly one KeyManager).',
      at('key_manager'),
    );
  } else {
    const km = known(keyManager);
    if (km !== undefined) {
      checkPluginFields('KeyManager', keyManagers, km, at('key_manager'), diagnostics);
      if (km.type === 'aws_kms' && (km.key_identifier_file === null) === (km.key_identifier_value === null)) {
        diagnostics.addError(
          'Key identifier',
          'KeyManager "aws_kms" needs exactly one of key_identifier_file and key_identifier_value (doc/plugin_server_keymanager_aws_kms.md).',
          at('key_manager', km.key_identifier_file === null ? 'key_identifier_file' : 'key_identifier_value'),
        );
      }
    }
  }

  const upstream = known(config.upstream_authority);
  if (upstream !== undefined) {
    checkPluginFields(
      'UpstreamAuthority',
      upstreamAuthorities,
      upstream,
      at('upstream_authority'),
      diagnostics,
    );
  } else if (config.upstream_authority === null && ha) {
    diagnostics.addWarning(
      'HA servers without an upstream authority',
      'Without upstream_authority every server of the cluster self-signs its own CA, so the trust bundle ' +
        'grows with every new server and agents bootstrapped with an older bundle cannot trust a new one. ' +
        'An UpstreamAuthority makes every server chain to one root.',
      at('ha'),
    );
  }

  const attestors = known(config.node_attestor);
  if (attestors !== undefined) {
    const seen = new Map<string, number>();
    attestors.forEach((attestor, i) => {
      const before = seen.get(attestor.type);
      if (before !== undefined) {
        diagnostics.addError(
          'Duplicate node attestor',
          `node_attestor[${i}] repeats type "${attestor.type}" of node_attestor[${before}]; SPIRE loads one plugin per name.`,
          at('node_attestor', i, 'type'),
        );
      }
      seen.set(attestor.type, i);
      checkPluginFields(
        'NodeAttestor',
        nodeAttestors,
        attestor,
        at('node_attestor', i),
        diagnostics,
        nodeAttestorExtras,
      );
      if (
        attestor.type === 'aws_iid' &&
        (attestor.account_ids === null || attestor.account_ids.length === 0)
      ) {
        diagnostics.addWarning(
          'aws_iid without an account allow-list',
          `node_attestor[${i}] (aws_iid) has no account_ids: nothing limits which AWS accounts' instances ` +
            "may attest beyond what the server's credentials can describe. Set account_ids.",
          at('node_attestor', i),
        );
      }
      if (
        attestor.type === 'x509pop' &&
        (attestor.mode ?? 'external_pki') === 'external_pki' &&
        attestor.ca_bundle_paths === null
      ) {
        diagnostics.addError(
          'Missing required setting',
          'NodeAttestor "x509pop" in mode external_pki requires ca_bundle_paths (doc/plugin_server_nodeattestor_x509pop.md).',
          at('node_attestor', i, 'ca_bundle_paths'),
        );
      }
    });
  }

  const federation = known(config.federation);
  if (federation !== undefined) {
    const endpoint = federation.bundle_endpoint;
    if (endpoint !== null && (endpoint.profile ?? 'https_spiffe') === 'https_web') {
      const acme = endpoint.acme_domain_name !== null || endpoint.acme_email !== null;
      const file = endpoint.serving_cert_file_path !== null || endpoint.serving_key_file_path !== null;
      if (acme === file) {
        diagnostics.addError(
          'https_web profile',
          'federation.bundle_endpoint with profile https_web needs either acme_domain_name and acme_email, or ' +
            'serving_cert_file_path and serving_key_file_path (doc/spire_server.md §federation).',
          at('federation', 'bundle_endpoint', 'profile'),
        );
      } else if (acme && (endpoint.acme_domain_name === null || endpoint.acme_email === null)) {
        diagnostics.addError(
          'Incomplete ACME settings',
          'ACME needs both acme_domain_name and acme_email (run.go: "must be configured").',
          at(
            'federation',
            'bundle_endpoint',
            endpoint.acme_domain_name === null ? 'acme_domain_name' : 'acme_email',
          ),
        );
      } else if (
        file &&
        (endpoint.serving_cert_file_path === null || endpoint.serving_key_file_path === null)
      ) {
        diagnostics.addError(
          'Incomplete certificate file settings',
          'A serving certificate needs both serving_cert_file_path and serving_key_file_path.',
          at(
            'federation',
            'bundle_endpoint',
            endpoint.serving_cert_file_path === null ? 'serving_cert_file_path' : 'serving_key_file_path',
          ),
        );
      }
    }
    federation.federates_with.forEach((peer, i) => {
      // run.go validateConfig: federates_with bundle_endpoint_url must use the HTTPS protocol.
      if (!peer.bundle_endpoint_url.startsWith('https://')) {
        diagnostics.addError(
          'Bundle endpoint must be https',
          `federation.federates_with[${i}].bundle_endpoint_url must use https://, got ${JSON.stringify(peer.bundle_endpoint_url)}.`,
          at('federation', 'federates_with', i, 'bundle_endpoint_url'),
        );
      }
      const profile = peer.bundle_endpoint_profile ?? 'https_spiffe';
      if (profile === 'https_spiffe' && peer.endpoint_spiffe_id === null) {
        diagnostics.addError(
          'Missing endpoint SPIFFE ID',
          `federation.federates_with[${i}] uses https_spiffe, which needs endpoint_spiffe_id (doc/spire_server.md).`,
          at('federation', 'federates_with', i, 'endpoint_spiffe_id'),
        );
      }
      if (profile === 'https_web' && peer.endpoint_spiffe_id !== null) {
        diagnostics.addError(
          'Setting does not apply',
          `federation.federates_with[${i}].endpoint_spiffe_id applies to https_spiffe only.`,
          at('federation', 'federates_with', i, 'endpoint_spiffe_id'),
        );
      }
    });
  }

  const composer = known(config.credential_composer);
  if (composer !== undefined) {
    const external = composer.plugin_cmd !== null;
    if (!external && !(builtInCredentialComposers as readonly string[]).includes(composer.name)) {
      diagnostics.addError(
        'Unknown plugin name',
        `credential_composer.name "${composer.name}" is not a built-in CredentialComposer ` +
          `(${builtInCredentialComposers.map((n) => `"${n}"`).join(', ')}); set plugin_cmd for an external plugin.`,
        at('credential_composer', 'name'),
      );
    }
    if (!external && composer.plugin_checksum !== null) {
      diagnostics.addError(
        'Setting does not apply',
        'credential_composer.plugin_checksum is the checksum of plugin_cmd; set plugin_cmd too.',
        at('credential_composer', 'plugin_checksum'),
      );
    }
    if (composer.plugin_data !== null && composer.plugin_data_file !== null) {
      diagnostics.addError(
        'Conflicting plugin data',
        'credential_composer: plugin_data and plugin_data_file are mutually exclusive (doc/spire_server.md §Plugin configuration).',
        at('credential_composer', 'plugin_data_file'),
      );
    }
    if (composer.plugin_data !== null && pluginDataObject(composer.plugin_data) === undefined) {
      diagnostics.addError(
        'Invalid plugin data',
        'credential_composer.plugin_data must be an object (`{ key = value }`).',
        at('credential_composer', 'plugin_data'),
      );
    }
  }

  // Every value written into server.conf must be expressible there (render/hcl.ts).
  for (const name of hclFields) {
    checkStrings(config[name], at(name), diagnostics);
  }
}

/** The configuration attributes and blocks whose strings end up in server.conf. */
const hclFields = [
  'trust_domain',
  'bind_address',
  'socket_path',
  'data_dir',
  'jwt_issuer',
  'admin_ids',
  'ca_subject',
  'datastore',
  'key_manager',
  'upstream_authority',
  'node_attestor',
  'federation',
  'health_checks',
  'telemetry',
  'credential_composer',
] as const;

/** Returns the object a dynamic plugin_data holds, or undefined when it is not an object or map. */
function pluginDataObject(data: Dynamic): Readonly<Record<string, unknown>> | undefined {
  const kind = typeof data.type === 'string' ? data.type : data.type[0];
  if (kind !== 'object' && kind !== 'map') return undefined;
  return data.value as Readonly<Record<string, unknown>>;
}

/** Returns a Terraform value (from a dynamic attribute) as an HCL value; nulls are left out. */
function hclValueOf(value: unknown): HclValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Dynamic) return hclValueOf(value.value);
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) {
    return (value as readonly unknown[]).map(hclValueOf).filter((v): v is HclValue => v !== undefined);
  }
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .map(([k, v]) => [k, hclValueOf(v)] as const)
        .filter((e): e is readonly [string, HclValue] => e[1] !== undefined),
    );
  }
  return undefined;
}

/** Returns a `plugin_data { … }` block for an object (a block when its keys are identifiers). */
function pluginDataBlock(data: Readonly<Record<string, unknown>>): HclItem {
  const value = hclValueOf(data) as Readonly<Record<string, HclValue>>;
  const identifiers = Object.keys(value).every((k) => /^[A-Za-z_][A-Za-z0-9_-]*$/.test(k));
  if (!identifiers) return attr('plugin_data', value) as HclItem;
  return hclBlock(
    'plugin_data',
    [],
    Object.entries(value).map(([k, v]) => attr(k, v)),
  );
}

function awsIidAccounts(attestor: NodeAttestorModel): string[] {
  return (attestor.account_ids ?? []).filter((a): a is string => a !== null);
}

/** Returns the aws_iid node attestor, if configured. */
function awsIid(config: ServerConfigModel): NodeAttestorModel | undefined {
  return config.node_attestor.find((a) => a.type === 'aws_iid');
}

/** Returns the plugin_data body of a node attestor. */
function nodeAttestorData(attestor: NodeAttestorModel): HclBody {
  const fields = nodeAttestors[attestor.type];
  const items: (HclItem | undefined)[] = fields === undefined ? [] : pluginDataItems(fields, attestor);
  if (attestor.type === 'aws_iid' && awsIidAccounts(attestor).length > 0) {
    // doc/plugin_server_nodeattestor_aws_iid.md §Sourcing the account list from a file: only accounts in the
    // file may attest (fail-closed); mutually exclusive with management_account_id/assume_org_role.
    items.push(
      attr('verify_organization', {
        account_list_file: attestor.account_list_path ?? SERVER_DEFAULTS.accountListPath,
      }),
    );
  }
  return items;
}

/** Returns the `<plugin>:<root>` identity of the upstream authority, "" when there is none. */
export function upstreamAuthorityId(config: Pick<ServerConfigModel, 'upstream_authority'>): string {
  const ua = config.upstream_authority;
  if (ua === null) return '';
  switch (ua.type) {
    case 'disk':
      return `disk:${ua.bundle_file_path ?? ua.cert_file_path ?? ''}`;
    case 'aws_pca':
      return `aws_pca:${ua.certificate_authority_arn ?? ''}`;
    case 'awssecret':
      return `awssecret:${ua.bundle_file_arn ?? ua.cert_file_arn ?? ''}`;
    default:
      return `${ua.type}:`;
  }
}

/** Returns the server.conf body for a configuration that passed checkServerConfig. */
export function serverConfigBody(config: ServerConfigModel): HclBody {
  const ds = config.datastore;
  const km = config.key_manager;
  if (ds === null || km === null) throw new Error('server.conf needs a datastore and a key manager');
  const federation = config.federation;
  const endpoint = federation?.bundle_endpoint ?? null;
  const profile = endpoint?.profile ?? 'https_spiffe';
  const composer = config.credential_composer;
  const ua = config.upstream_authority;
  const composerData =
    composer?.plugin_data === null || composer === null ? undefined : pluginDataObject(composer.plugin_data);

  return [
    comment(
      'SPIRE Server configuration, rendered by terraform-provider-spire (spire_server_config).\n' +
        'Keys: spiffe/spire doc/spire_server.md and doc/plugin_server_*.md.',
    ),
    hclBlock(
      'server',
      [],
      [
        attr('trust_domain', config.trust_domain),
        attr('bind_address', config.bind_address ?? SERVER_DEFAULTS.bindAddress),
        attr('bind_port', config.bind_port ?? SERVER_DEFAULTS.bindPort),
        attr('socket_path', config.socket_path ?? SERVER_DEFAULTS.socketPath),
        attr('data_dir', config.data_dir ?? SERVER_DEFAULTS.dataDir),
        attr('log_level', config.log_level),
        attr('log_format', config.log_format),
        attr('ca_ttl', config.ca_ttl),
        attr('ca_key_type', config.ca_key_type),
        attr('default_x509_svid_ttl', config.default_x509_svid_ttl),
        attr('default_jwt_svid_ttl', config.default_jwt_svid_ttl),
        attr('agent_ttl', config.agent_ttl),
        attr('jwt_issuer', config.jwt_issuer),
        attr(
          'admin_ids',
          config.admin_ids?.filter((id): id is string => id !== null),
        ),
        config.ca_subject === null
          ? undefined
          : hclBlock(
              'ca_subject',
              [],
              [
                attr(
                  'country',
                  config.ca_subject.country?.filter((v): v is string => v !== null),
                ),
                attr(
                  'organization',
                  config.ca_subject.organization?.filter((v): v is string => v !== null),
                ),
                attr('common_name', config.ca_subject.common_name),
              ],
            ),
        federation === null
          ? undefined
          : hclBlock(
              'federation',
              [],
              [
                endpoint === null
                  ? undefined
                  : hclBlock(
                      'bundle_endpoint',
                      [],
                      [
                        attr('address', endpoint.address ?? '0.0.0.0'),
                        attr('port', endpoint.port ?? 8443),
                        attr('refresh_hint', endpoint.refresh_hint),
                        hclBlock(
                          'profile',
                          [profile],
                          profile === 'https_spiffe'
                            ? []
                            : endpoint.acme_domain_name !== null
                              ? [
                                  hclBlock(
                                    'acme',
                                    [],
                                    [
                                      attr('domain_name', endpoint.acme_domain_name),
                                      attr('email', endpoint.acme_email),
                                      attr('directory_url', endpoint.acme_directory_url),
                                      attr('tos_accepted', endpoint.acme_tos_accepted),
                                    ],
                                  ),
                                ]
                              : [
                                  hclBlock(
                                    'serving_cert_file',
                                    [],
                                    [
                                      attr('cert_file_path', endpoint.serving_cert_file_path),
                                      attr('key_file_path', endpoint.serving_key_file_path),
                                      attr('file_sync_interval', endpoint.serving_file_sync_interval),
                                    ],
                                  ),
                                ],
                        ),
                      ],
                    ),
                ...federation.federates_with.map((peer) =>
                  hclBlock(
                    'federates_with',
                    [peer.trust_domain],
                    [
                      attr('bundle_endpoint_url', peer.bundle_endpoint_url),
                      hclBlock(
                        'bundle_endpoint_profile',
                        [peer.bundle_endpoint_profile ?? 'https_spiffe'],
                        [attr('endpoint_spiffe_id', peer.endpoint_spiffe_id)],
                      ),
                    ],
                  ),
                ),
              ],
            ),
      ],
    ),
    hclBlock(
      'plugins',
      [],
      [
        hclBlock(
          'DataStore',
          ['sql'],
          [
            hclBlock(
              'plugin_data',
              [],
              [
                attr('database_type', ds.type),
                attr('connection_string', new Secret(ds.connection_string)),
                attr(
                  'ro_connection_string',
                  ds.ro_connection_string === null ? null : new Secret(ds.ro_connection_string),
                ),
                attr('root_ca_path', ds.root_ca_path),
                attr('client_cert_path', ds.client_cert_path),
                attr('client_key_path', ds.client_key_path),
                attr('max_open_conns', ds.max_open_conns),
                attr('max_idle_conns', ds.max_idle_conns),
                attr('conn_max_lifetime', ds.conn_max_lifetime),
                attr('disable_migration', ds.disable_migration),
              ],
            ),
          ],
        ),
        hclBlock(
          'KeyManager',
          [km.type],
          [
            hclBlock(
              'plugin_data',
              [],
              pluginDataItems(keyManagers[km.type] ?? { required: [], optional: [] }, km),
            ),
          ],
        ),
        ua === null
          ? undefined
          : hclBlock(
              'UpstreamAuthority',
              [ua.type],
              [
                hclBlock(
                  'plugin_data',
                  [],
                  pluginDataItems(upstreamAuthorities[ua.type] ?? { required: [], optional: [] }, ua),
                ),
              ],
            ),
        ...config.node_attestor.map((attestor) =>
          hclBlock(
            'NodeAttestor',
            [attestor.type],
            [hclBlock('plugin_data', [], nodeAttestorData(attestor))],
          ),
        ),
        composer === null
          ? undefined
          : hclBlock(
              'CredentialComposer',
              [composer.name],
              [
                attr('plugin_cmd', composer.plugin_cmd),
                attr('plugin_checksum', composer.plugin_checksum?.toLowerCase()),
                composerData === undefined ? undefined : pluginDataBlock(composerData),
                attr('plugin_data_file', composer.plugin_data_file),
              ],
            ),
      ],
    ),
    renderHealthChecks(config.health_checks, SERVER_DEFAULTS.healthAddress),
    config.telemetry === null
      ? undefined
      : hclBlock(
          'telemetry',
          [],
          [
            hclBlock(
              'Prometheus',
              [],
              [
                attr('host', config.telemetry.prometheus_host),
                attr('port', config.telemetry.prometheus_port),
              ],
            ),
          ],
        ),
  ];
}

/** Returns the node-alias selector sets of the aws_iid allow-lists: accounts × regions. */
export function awsIidSelectorSets(config: ServerConfigModel): string[][] {
  const attestor = awsIid(config);
  if (attestor === undefined) return [];
  // Selector names: doc/plugin_server_nodeattestor_aws_iid.md §Selectors.
  const accounts = awsIidAccounts(attestor).map((a) => `aws_iid:account_id:${a}`);
  const regions = (attestor.regions ?? [])
    .filter((r): r is string => r !== null)
    .map((r) => `aws_iid:region:${r}`);
  if (accounts.length === 0) return regions.map((r) => [r]);
  if (regions.length === 0) return accounts.map((a) => [a]);
  return accounts.flatMap((a) => regions.map((r) => [a, r]));
}

/** Returns the cloud-config that installs this server. */
export function serverUserData(config: ServerConfigModel, hcl: string): string {
  const configPath = config.config_path ?? SERVER_DEFAULTS.configPath;
  const files: CloudInitFile[] = [{ path: configPath, content: hcl, permissions: '0600' }];
  const attestor = awsIid(config);
  if (attestor !== undefined && awsIidAccounts(attestor).length > 0) {
    files.push({
      path: attestor.account_list_path ?? SERVER_DEFAULTS.accountListPath,
      content: `${JSON.stringify(awsIidAccounts(attestor))}\n`,
      permissions: '0644',
    });
  }
  if (config.install_unit ?? true) {
    files.push({
      path: `/etc/systemd/system/${SERVER_DEFAULTS.unit}`,
      content: systemdUnit({
        description: 'SPIRE Server',
        binary: config.server_binary ?? SERVER_DEFAULTS.binary,
        configPath,
      }),
      permissions: '0644',
    });
  }
  for (const file of config.extra_files ?? []) {
    files.push({
      path: file.path,
      content: file.content,
      permissions: octalMode(file.permissions ?? '0644'),
      ...(file.owner === null ? {} : { owner: file.owner }),
    });
  }
  const units = (config.enable_units ?? [SERVER_DEFAULTS.unit]).filter((u): u is string => u !== null);
  return renderCloudConfig({
    writeFiles: files,
    runcmd: [
      ['mkdir', '-p', '-m', '0700', config.data_dir ?? SERVER_DEFAULTS.dataDir],
      ['systemctl', 'daemon-reload'],
      ...units.map((unit) => ['systemctl', 'enable', '--now', unit]),
    ],
  });
}

const emptyOutputs = {
  hcl: null,
  hcl_redacted: null,
  sha256: null,
  user_data: null,
  upstream_authority_id: null,
  aws_iid_selector_sets: null,
  aws_account_list_json: null,
};

export const serverConfigDataSource = defineDataSource({
  typeName: 'spire_server_config',
  schema: serverConfigSchema,
  validate(config, { diagnostics }) {
    checkServerConfig(config, diagnostics);
  },
  async read({ config }, { diagnostics }) {
    checkServerConfig(config, diagnostics);
    if (diagnostics.hasError()) return { ...config, ...emptyOutputs };
    const body = serverConfigBody(config);
    const hcl = renderHcl(body);
    const redacted = renderHcl(body, { redact: true });
    // Structural check with HashiCorp's parser, on the redacted text so no secret reaches a message.
    await parseRenderedHcl(redacted, 'server.conf');
    const attestor = awsIid(config);
    const accounts = attestor === undefined ? [] : awsIidAccounts(attestor);
    return {
      ...config,
      hcl,
      hcl_redacted: redacted,
      sha256: sha256Hex(hcl),
      user_data: serverUserData(config, hcl),
      upstream_authority_id: upstreamAuthorityId(config),
      aws_iid_selector_sets: awsIidSelectorSets(config),
      aws_account_list_json: accounts.length === 0 ? null : JSON.stringify(accounts),
    };
  },
});
