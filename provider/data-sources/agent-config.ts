// spire_agent_config: agent.conf for the SPIRE Agent of one node group, and the cloud-init user-data that
// installs it with its bootstrap trust bundle and (for join_token) its token. Pure rendering: it never
// talks to SPIRE.
//
// Keys (spiffe/spire at ef8527ec):
//   doc/spire_agent.md                          agent { … }, plugins { … }, health_checks, §Server Attestation
//   cmd/spire-agent/cli/run/run.go              hcl tags, and validateConfig: exactly one bootstrap source
//                                               (trust_bundle_path | trust_bundle_url | insecure_bootstrap),
//                                               trust_bundle_url must be https://, trust_bundle_format pem|spiffe,
//                                               one of join_token / join_token_file
//   doc/plugin_agent_nodeattestor_{aws_iid,jointoken}.md
//   doc/plugin_agent_workloadattestor_{unix,systemd}.md
//   doc/plugin_agent_keymanager_{disk,memory}.md
//   doc/plugin_server_nodeattestor_aws_iid.md   aws_iid attests a node once (TOFU)
// The server address is one name for the whole cluster: the agent dials dns:///<server_address>:<port> and
// balances round-robin over its A records (run.go, pkg/agent/client/dial.go), so a load balancer name or a
// multi-A-record name both work.
import { Unknown, attribute, defineSchema, frameworkFor, types, validators } from '../framework/index.js';
import type { AttributePath, ConfigModel, Diagnostics, ModelOf } from '../framework/index.js';
import type { ProviderData } from '../provider-data.js';
import { trustDomainName } from '../validators.js';
import { renderCloudConfig } from '../render/cloud-init.js';
import type { CloudInitFile } from '../render/cloud-init.js';
import {
  absolutePath,
  checkStrings,
  extraFilesAttribute,
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
import type { HclBody } from '../render/hcl.js';
import { attr, block as hclBlock, comment, parseRenderedHcl, renderHcl, sha256Hex } from '../render/hcl.js';

const { defineDataSource } = frameworkFor<ProviderData>();

/** Defaults, aligned with the Puppet module (puppet/manifests/agent.pp, init.pp). */
export const AGENT_DEFAULTS = {
  serverPort: 8081, // doc/spire_server.md bind_port default
  configDir: '/etc/spire/agent',
  dataDir: '/var/lib/spire/agent',
  socketPath: '/run/spire/sockets/agent.sock',
  binary: '/opt/bin/spire-agent',
  unit: 'spire-agent.service',
  healthAddress: '127.0.0.1',
  workloadAttestors: ['unix', 'systemd'],
  keyManager: 'disk',
} as const;

/** Node attestors the agent side renders (doc/spire_agent.md §Built-in plugins). */
export const agentNodeAttestors = ['aws_iid', 'join_token'] as const;
/** Workload attestors the agent side renders. */
export const agentWorkloadAttestors = ['unix', 'systemd'] as const;
/** Agent key managers (doc/plugin_agent_keymanager_{disk,memory}.md). */
export const agentKeyManagers = ['disk', 'memory'] as const;

export const agentConfigSchema = defineSchema({
  description:
    'Renders agent.conf for the SPIRE Agents of a node group, and cloud-init user-data that writes it, the ' +
    'bootstrap trust bundle and (for join_token) the token, then enables the units. Needs no connection to SPIRE.',
  attributes: {
    trust_domain: attribute.string({
      required: true,
      description: 'The trust domain (`agent.trust_domain`).',
      validators: [trustDomainName],
    }),
    server_address: attribute.string({
      required: true,
      description:
        'DNS name (or IP) of the server cluster: a load balancer name or a name with one A record per server.',
      validators: [
        validators.matches(
          /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$|^\[?[0-9A-Fa-f:.]+\]?$/,
          'a DNS name or IP address without scheme or port',
        ),
      ],
    }),
    server_port: attribute.number({
      optional: true,
      description: 'Server API port. Default 8081.',
      validators: [port],
    }),
    config_dir: attribute.string({
      optional: true,
      description: 'Directory of agent.conf, bundle.pem and join-token. Default `/etc/spire/agent`.',
      validators: [absolutePath],
    }),
    data_dir: attribute.string({
      optional: true,
      description: "The agent's data directory (its SVID and key). Default `/var/lib/spire/agent`.",
      validators: [absolutePath],
    }),
    socket_path: attribute.string({
      optional: true,
      description: 'Workload API socket. Default `/run/spire/sockets/agent.sock` (what spire-helper reads).',
      validators: [absolutePath],
    }),
    log_level: attribute.string({
      optional: true,
      description: 'DEBUG, INFO, WARN or ERROR.',
      validators: [validators.oneOf(...logLevels)],
    }),
    log_format: attribute.string({
      optional: true,
      description: '`text` or `json`.',
      validators: [validators.oneOf(...logFormats)],
    }),
    trust_bundle_pem: attribute.string({
      optional: true,
      description:
        'Bootstrap trust bundle (PEM certificates, such as the upstream root or `spire_cluster.trust_bundle_pem`): ' +
        'written to `<config_dir>/bundle.pem` and named by `trust_bundle_path`.',
    }),
    trust_bundle_url: attribute.string({
      optional: true,
      description: 'Fetch the bootstrap bundle from this https:// URL instead (`trust_bundle_url`).',
    }),
    trust_bundle_format: attribute.string({
      optional: true,
      description: 'Format served at `trust_bundle_url`: `pem` (SPIRE default) or `spiffe`.',
      validators: [validators.oneOf('pem', 'spiffe')],
    }),
    insecure_bootstrap: attribute.bool({
      optional: true,
      description: 'Trust the first server contacted without a bundle. Only for tests; never the default.',
    }),
    node_attestor: attribute.string({
      required: true,
      description: '`aws_iid` (EC2 instance identity) or `join_token`.',
      validators: [validators.oneOf(...agentNodeAttestors)],
    }),
    join_token: attribute.string({
      optional: true,
      sensitive: true,
      description:
        'join_token: the token (`spire_join_token`), written to `<config_dir>/join-token` at 0600.',
    }),
    ec2_metadata_endpoint: attribute.string({
      optional: true,
      description: 'aws_iid: instance metadata endpoint override.',
    }),
    workload_attestors: attribute.list(types.string, {
      optional: true,
      description: 'Workload attestor plugins: `unix`, `systemd`. Default both.',
      validators: [validators.eachElement(validators.oneOf(...agentWorkloadAttestors))],
    }),
    key_manager: attribute.string({
      optional: true,
      description:
        'Where the agent keeps its key: `disk` (default; survives restarts, which aws_iid needs) or `memory`.',
      validators: [validators.oneOf(...agentKeyManagers)],
    }),
    workload_x509_svid_key_type: attribute.string({
      optional: true,
      description: 'Key type of workload X509-SVIDs: rsa-2048, ec-p256 (SPIRE default) or ec-p384.',
      validators: [validators.oneOf('rsa-2048', 'ec-p256', 'ec-p384')],
    }),
    agent_binary: attribute.string({
      optional: true,
      description: 'The spire-agent executable the systemd unit runs. Default `/opt/bin/spire-agent`.',
      validators: [absolutePath],
    }),
    install_unit: attribute.bool({
      optional: true,
      description: 'Write a `spire-agent.service` systemd unit in `user_data`. Default true.',
    }),
    enable_units: attribute.list(types.string, {
      optional: true,
      description: 'Units `user_data` enables and starts, in order. Default `["spire-agent.service"]`.',
      validators: [validators.eachElement(unitName)],
    }),
    extra_files: extraFilesAttribute,

    hcl: attribute.string({
      computed: true,
      description: 'The rendered agent.conf (no secrets: the join token stays in its own file).',
    }),
    sha256: attribute.string({ computed: true, description: 'SHA-256 (hex) of `hcl`.' }),
    user_data: attribute.string({
      computed: true,
      sensitive: true,
      description: 'cloud-init `#cloud-config` user-data. Sensitive: it may hold the join token.',
    }),
    config_path: attribute.string({ computed: true, description: 'Where `user_data` writes agent.conf.' }),
  },
  blocks: {
    health_checks: healthChecksBlock(AGENT_DEFAULTS.healthAddress),
  },
});

export type AgentConfigModel = ModelOf<typeof agentConfigSchema>;

const at = (name: string): AttributePath => [{ attribute: name }];

/** Adds the diagnostics of the cross-field rules (validation, and again before rendering). */
export function checkAgentConfig(config: ConfigModel<AgentConfigModel>, diagnostics: Diagnostics): void {
  // Bootstrap: exactly one source (run.go validateConfig). Unknown values are skipped.
  const sources = (['trust_bundle_pem', 'trust_bundle_url', 'insecure_bootstrap'] as const).map((name) => {
    const value = config[name];
    return { name, set: value instanceof Unknown ? undefined : value !== null && value !== false };
  });
  if (sources.every((s) => s.set !== undefined)) {
    const set = sources.filter((s) => s.set === true);
    if (set.length === 0) {
      diagnostics.addError(
        'No bootstrap trust bundle',
        'Set trust_bundle_pem (or trust_bundle_url): the agent must authenticate the server on first contact ' +
          '(doc/spire_agent.md §Server Attestation). insecure_bootstrap exists for tests only.',
        at('trust_bundle_pem'),
      );
    } else if (set.length > 1) {
      diagnostics.addError(
        'Conflicting bootstrap sources',
        `Only one of trust_bundle_pem, trust_bundle_url and insecure_bootstrap may be set; got ${set.map((s) => s.name).join(' and ')}.`,
        at(set[1]?.name ?? 'trust_bundle_pem'),
      );
    }
  }
  if (known(config.insecure_bootstrap) === true) {
    diagnostics.addWarning(
      'Insecure bootstrap',
      'insecure_bootstrap = true: the agent does not authenticate the server on first contact, so a ' +
        "man in the middle could control this node's identities (doc/spire_agent.md). Use it only in tests.",
      at('insecure_bootstrap'),
    );
  }
  const url = known(config.trust_bundle_url);
  if (url !== undefined && !url.startsWith('https://')) {
    diagnostics.addError(
      'Bundle URL must be https',
      `trust_bundle_url must start with https:// (the agent verifies it with the system roots; run.go), got ${JSON.stringify(url)}.`,
      at('trust_bundle_url'),
    );
  }
  if (known(config.trust_bundle_format) !== undefined && config.trust_bundle_url === null) {
    diagnostics.addError(
      'Setting does not apply',
      'trust_bundle_format describes what trust_bundle_url serves; trust_bundle_pem is always PEM.',
      at('trust_bundle_format'),
    );
  }
  const pem = known(config.trust_bundle_pem);
  if (pem !== undefined && !pem.includes('-----BEGIN CERTIFICATE-----')) {
    diagnostics.addError(
      'Not a PEM bundle',
      'trust_bundle_pem must hold PEM "CERTIFICATE" blocks.',
      at('trust_bundle_pem'),
    );
  }

  const attestor = known(config.node_attestor);
  if (attestor === 'join_token' && config.join_token === null) {
    diagnostics.addError(
      'Missing join token',
      'node_attestor "join_token" needs join_token (create one with spire_join_token).',
      at('join_token'),
    );
  }
  if (attestor !== undefined && attestor !== 'join_token' && known(config.join_token) !== undefined) {
    diagnostics.addError(
      'Setting does not apply',
      `join_token applies to node_attestor "join_token", not "${attestor}".`,
      at('join_token'),
    );
  }
  if (attestor !== undefined && attestor !== 'aws_iid' && known(config.ec2_metadata_endpoint) !== undefined) {
    diagnostics.addError(
      'Setting does not apply',
      `ec2_metadata_endpoint applies to node_attestor "aws_iid", not "${attestor}".`,
      at('ec2_metadata_endpoint'),
    );
  }
  if (attestor === 'aws_iid' && known(config.key_manager) === 'memory') {
    diagnostics.addWarning(
      'aws_iid with an in-memory key',
      'key_manager "memory" loses the agent key on restart, and aws_iid lets a node attest only once ' +
        '(doc/plugin_server_nodeattestor_aws_iid.md): the node could not rejoin. Use "disk".',
      at('key_manager'),
    );
  }

  const workload = known(config.workload_attestors);
  if (workload !== undefined) {
    // WorkloadAttestor is AtLeastOne on the agent (pkg/agent/catalog), one plugin per name.
    if (workload.length === 0) {
      diagnostics.addError(
        'No workload attestor',
        'workload_attestors needs at least one plugin.',
        at('workload_attestors'),
      );
    }
    const repeated = workload.find((w, i) => workload.indexOf(w) !== i);
    if (repeated !== undefined && repeated !== null) {
      diagnostics.addError(
        'Duplicate workload attestor',
        `workload_attestors lists "${repeated}" twice.`,
        at('workload_attestors'),
      );
    }
  }

  for (const name of [
    'trust_domain',
    'server_address',
    'config_dir',
    'data_dir',
    'socket_path',
    'trust_bundle_url',
    'ec2_metadata_endpoint',
    'health_checks',
  ] as const) {
    checkStrings(config[name], at(name), diagnostics);
  }
}

/** Returns the file paths the configuration uses. */
export function agentPaths(config: AgentConfigModel): {
  config: string;
  bundle: string;
  token: string;
  dataDir: string;
  socket: string;
} {
  const dir = (config.config_dir ?? AGENT_DEFAULTS.configDir).replace(/\/+$/, '');
  return {
    config: `${dir}/agent.conf`,
    bundle: `${dir}/bundle.pem`,
    token: `${dir}/join-token`,
    dataDir: config.data_dir ?? AGENT_DEFAULTS.dataDir,
    socket: config.socket_path ?? AGENT_DEFAULTS.socketPath,
  };
}

/** Returns the agent.conf body for a configuration that passed checkAgentConfig. */
export function agentConfigBody(config: AgentConfigModel): HclBody {
  const paths = agentPaths(config);
  const workload = (config.workload_attestors ?? [...AGENT_DEFAULTS.workloadAttestors]).filter(
    (w): w is string => w !== null,
  );
  const keyManager = config.key_manager ?? AGENT_DEFAULTS.keyManager;
  return [
    comment(
      'SPIRE Agent configuration, rendered by terraform-provider-spire (spire_agent_config).\n' +
        'Keys: spiffe/spire doc/spire_agent.md and doc/plugin_agent_*.md.',
    ),
    hclBlock(
      'agent',
      [],
      [
        attr('trust_domain', config.trust_domain),
        attr('server_address', config.server_address),
        attr('server_port', config.server_port ?? AGENT_DEFAULTS.serverPort),
        attr('data_dir', paths.dataDir),
        attr('socket_path', paths.socket),
        attr('log_level', config.log_level),
        attr('log_format', config.log_format),
        attr('trust_bundle_path', config.trust_bundle_pem === null ? null : paths.bundle),
        attr('trust_bundle_url', config.trust_bundle_url),
        attr('trust_bundle_format', config.trust_bundle_format),
        attr('insecure_bootstrap', config.insecure_bootstrap === true ? true : null),
        // The token stays out of agent.conf: join_token_file names the 0600 file user_data writes.
        attr('join_token_file', config.node_attestor === 'join_token' ? paths.token : null),
        attr('workload_x509_svid_key_type', config.workload_x509_svid_key_type),
      ],
    ),
    hclBlock(
      'plugins',
      [],
      [
        hclBlock(
          'NodeAttestor',
          [config.node_attestor],
          [hclBlock('plugin_data', [], [attr('ec2_metadata_endpoint', config.ec2_metadata_endpoint)])],
        ),
        hclBlock(
          'KeyManager',
          [keyManager],
          [
            // doc/plugin_agent_keymanager_disk.md: `directory` holds the private key.
            hclBlock('plugin_data', [], [attr('directory', keyManager === 'disk' ? paths.dataDir : null)]),
          ],
        ),
        ...workload.map((name) => hclBlock('WorkloadAttestor', [name], [hclBlock('plugin_data', [], [])])),
      ],
    ),
    renderHealthChecks(config.health_checks, AGENT_DEFAULTS.healthAddress),
  ];
}

/** Returns the cloud-config that installs the agent. */
export function agentUserData(config: AgentConfigModel, hcl: string): string {
  const paths = agentPaths(config);
  const files: CloudInitFile[] = [{ path: paths.config, content: hcl, permissions: '0644' }];
  if (config.trust_bundle_pem !== null) {
    const pem = config.trust_bundle_pem.endsWith('\n')
      ? config.trust_bundle_pem
      : `${config.trust_bundle_pem}\n`;
    files.push({ path: paths.bundle, content: pem, permissions: '0644' });
  }
  if (config.node_attestor === 'join_token' && config.join_token !== null) {
    files.push({ path: paths.token, content: config.join_token, permissions: '0600' });
  }
  if (config.install_unit ?? true) {
    files.push({
      path: `/etc/systemd/system/${AGENT_DEFAULTS.unit}`,
      content: systemdUnit({
        description: 'SPIRE Agent: node attestation and the SPIFFE Workload API',
        binary: config.agent_binary ?? AGENT_DEFAULTS.binary,
        configPath: paths.config,
        socketPath: paths.socket,
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
  const units = (config.enable_units ?? [AGENT_DEFAULTS.unit]).filter((u): u is string => u !== null);
  return renderCloudConfig({
    writeFiles: files,
    runcmd: [
      ['mkdir', '-p', '-m', '0700', paths.dataDir],
      ['systemctl', 'daemon-reload'],
      ...units.map((unit) => ['systemctl', 'enable', '--now', unit]),
    ],
  });
}

export const agentConfigDataSource = defineDataSource({
  typeName: 'spire_agent_config',
  schema: agentConfigSchema,
  validate(config, { diagnostics }) {
    checkAgentConfig(config, diagnostics);
  },
  async read({ config }, { diagnostics }) {
    checkAgentConfig(config, diagnostics);
    const paths = agentPaths(config);
    if (diagnostics.hasError())
      return { ...config, hcl: null, sha256: null, user_data: null, config_path: null };
    const hcl = renderHcl(agentConfigBody(config));
    await parseRenderedHcl(hcl, 'agent.conf');
    return {
      ...config,
      hcl,
      sha256: sha256Hex(hcl),
      user_data: agentUserData(config, hcl),
      config_path: paths.config,
    };
  },
});
