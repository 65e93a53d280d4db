# @summary The SPIRE agent: agent.conf, trust bundle, join token and its systemd unit.
#
# The agent attests the node to the SPIRE server and serves the Workload API on `$spire::socket_path`,
# which every spire-helper unit reads. agent.conf is rendered from the parameters below, or taken
# verbatim from `config` (for example the content Terraform's `spire_agent_config` renders).
#
# @example Join token, trust bundle from user-data
#   class { 'spire::agent':
#     trust_domain   => 'cluster.example',
#     server_address => 'spire-server.cluster.example',
#     trust_bundle   => file('/etc/spire/bootstrap-bundle.pem'),
#     join_token     => Sensitive($facts['spire_join_token']),
#   }
#
# @example agent.conf rendered elsewhere
#   class { 'spire::agent':
#     config       => $agent_conf_from_terraform,
#     trust_bundle => $bundle_pem,
#   }
#
# @param trust_domain
#   Trust domain of the cluster (`cluster.example`). Required unless `config` is given.
# @param server_address
#   DNS name or IP of the SPIRE server(s). Required unless `config` is given.
# @param server_port
#   Port of the SPIRE server API.
# @param config
#   agent.conf content to write verbatim instead of rendering one; the parameters that only feed the
#   rendering are then ignored.
# @param config_dir
#   Directory of agent.conf, the trust bundle and the join token.
# @param data_dir
#   The agent's data directory (its own SVID and keys); 0700.
# @param log_level
#   Agent log level.
# @param trust_bundle
#   PEM bundle the agent trusts when it first contacts the server (`trust_bundle_path`).
# @param trust_bundle_source
#   Same as `trust_bundle`, as a file `source` (`puppet:///…` or a local path); the module fetches
#   nothing from the network itself.
# @param trust_bundle_url
#   Bootstrap from this HTTPS URL instead of a bundle file (`trust_bundle_url`).
# @param join_token
#   One-time join token; written to `join-token` in `config_dir` at 0600 and referenced as
#   `join_token_file`. Never shown in diffs or logs.
# @param node_attestor
#   Node attestor plugin; defaults to `join_token` when a token is given, else `aws_iid` (Tarmak runs on EC2).
# @param node_attestor_data
#   `plugin_data` of the node attestor (for example `{ 'ec2_metadata_endpoint' => '…' }`).
# @param workload_attestors
#   Workload attestor plugins. spire-helper runs as root, so its registration entries select
#   `unix:uid:0`, or `systemd:id:<unit>` with the `systemd` attestor.
# @param workload_x509_svid_key_type
#   Key type of workload SVIDs (`rsa-2048` for consumers that need RSA, as vault-helper issued).
# @param binary
#   Path of the spire-agent binary the unit runs. Defaults to `spire-agent` in `$spire::bin_dir`.
# @param binary_source
#   Install the binary from this file `source` (`puppet:///…` or a local path). Unset: the binary is
#   expected in place (image, package).
# @param package_name
#   Install spire-agent from this OS package instead (from the node's configured repositories).
# @param user
#   User the agent runs as; owns the data directory, agent.conf and the join token.
# @param service_name
#   Name of the systemd unit, without `.service`.
# @param service_ensure
#   Whether the unit should be running (only when `$spire::manage_services`).
class spire::agent (
  Optional[String[1]] $trust_domain = undef,
  Optional[String[1]] $server_address = undef,
  Integer[1, 65535] $server_port = 8081,
  Optional[String[1]] $config = undef,
  Spire::AbsolutePath $config_dir = '/etc/spire/agent',
  Spire::AbsolutePath $data_dir = '/var/lib/spire/agent',
  Enum['DEBUG', 'INFO', 'WARN', 'ERROR'] $log_level = 'INFO',
  Optional[String[1]] $trust_bundle = undef,
  Optional[String[1]] $trust_bundle_source = undef,
  Optional[Pattern[/\Ahttps:\/\//]] $trust_bundle_url = undef,
  Optional[Variant[String[1], Sensitive[String[1]]]] $join_token = undef,
  Optional[String[1]] $node_attestor = undef,
  Hash[Pattern[/\A[A-Za-z_][A-Za-z0-9_]*\z/], Variant[String, Integer, Boolean]] $node_attestor_data = {},
  Array[Enum['unix', 'systemd', 'docker'], 1] $workload_attestors = ['unix'],
  Optional[Enum['rsa-2048', 'ec-p256']] $workload_x509_svid_key_type = undef,
  Optional[Spire::AbsolutePath] $binary = undef,
  Optional[String[1]] $binary_source = undef,
  Optional[String[1]] $package_name = undef,
  String[1] $user = 'root',
  String[1] $service_name = 'spire-agent',
  Enum['running', 'stopped'] $service_ensure = 'running',
) {
  include spire

  $prefix = $spire::prefix
  $agent_binary = $binary ? {
    undef   => "${spire::bin_dir}/spire-agent",
    default => $binary,
  }
  $config_path = "${config_dir}/agent.conf"
  $bundle_path = "${config_dir}/bundle.pem"
  $token_path = "${config_dir}/join-token"
  $has_bundle_file = $trust_bundle != undef or $trust_bundle_source != undef
  $attestor = $node_attestor ? {
    undef   => $join_token ? { undef => 'aws_iid', default => 'join_token' },
    default => $node_attestor,
  }

  if $trust_bundle != undef and $trust_bundle_source != undef {
    fail('spire::agent: give trust_bundle or trust_bundle_source, not both')
  }
  if $config == undef {
    if $trust_domain == undef or $server_address == undef {
      fail('spire::agent: trust_domain and server_address are required to render agent.conf (or give config)')
    }
    if $has_bundle_file == ($trust_bundle_url != undef) {
      fail('spire::agent: agent.conf needs exactly one bootstrap bundle: trust_bundle, trust_bundle_source or trust_bundle_url')
    }
    if $attestor == 'join_token' and $join_token == undef {
      fail('spire::agent: node_attestor join_token needs join_token')
    }
  }

  $content = $config ? {
    undef   => epp('spire/agent.conf.epp', {
        'trust_domain'                => $trust_domain,
        'server_address'              => $server_address,
        'server_port'                 => $server_port,
        'data_dir'                    => $data_dir,
        'socket_path'                 => $spire::socket_path,
        'log_level'                   => $log_level,
        'trust_bundle_path'           => $has_bundle_file ? { true => $bundle_path, default => undef },
        'trust_bundle_url'            => $trust_bundle_url,
        'join_token_file'             => $join_token ? { undef => undef, default => $token_path },
        'node_attestor'               => $attestor,
        'node_attestor_data'          => $node_attestor_data,
        'workload_attestors'          => $workload_attestors,
        'workload_x509_svid_key_type' => $workload_x509_svid_key_type,
    }),
    default => $config,
  }

  if $package_name != undef {
    package { $package_name:
      ensure => installed,
      before => File["${prefix}${config_path}"],
    }
  }
  if $binary_source != undef {
    include spire::bin_dir
    file { "${prefix}${agent_binary}":
      ensure => file,
      source => $binary_source,
      owner  => 'root',
      group  => 'root',
      mode   => '0755',
    }
  }

  # The shared parents of the default paths (/etc/spire, /var/lib/spire) are created too; other parents
  # must exist.
  $config_dirs = $config_dir ? {
    /\A\/etc\/spire\/[^\/]+\z/ => ["${prefix}/etc/spire", "${prefix}${config_dir}"],
    default                 => ["${prefix}${config_dir}"],
  }
  $data_dirs = $data_dir ? {
    /\A\/var\/lib\/spire\/[^\/]+\z/ => ["${prefix}/var/lib/spire", "${prefix}${data_dir}"],
    default                     => ["${prefix}${data_dir}"],
  }
  file { $config_dirs:
    ensure => directory,
    owner  => 'root',
    group  => 'root',
    mode   => '0755',
  }
  file { $data_dirs:
    ensure => directory,
    owner  => $user,
    group  => 'root',
    mode   => '0700',
  }
  file { "${prefix}${config_path}":
    ensure  => file,
    owner   => $user,
    group   => 'root',
    mode    => '0640',
    content => $content,
  }
  if $has_bundle_file {
    file { "${prefix}${bundle_path}":
      ensure  => file,
      owner   => 'root',
      group   => 'root',
      mode    => '0644',
      content => $trust_bundle,
      source  => $trust_bundle_source,
    }
  }
  if $join_token != undef {
    $token_content = $join_token ? { Sensitive => $join_token, default => Sensitive($join_token) }
    file { "${prefix}${token_path}":
      ensure    => file,
      owner     => $user,
      group     => 'root',
      mode      => '0600',
      show_diff => false,
      content   => $token_content,
    }
  }

  $unit_path = "${spire::systemd_dir}/${service_name}.service"
  file { "${prefix}${unit_path}":
    ensure  => file,
    owner   => 'root',
    group   => 'root',
    mode    => '0644',
    content => epp('spire/spire-agent.service.epp', {
        'binary'      => $agent_binary,
        'config_path' => $config_path,
        'user'        => $user,
        'socket_path' => $spire::socket_path,
    }),
  }

  if $spire::manage_services {
    File["${prefix}${unit_path}"] ~> Exec['spire-systemd-daemon-reload']
    service { "${service_name}.service":
      ensure    => $service_ensure,
      enable    => true,
      subscribe => [Exec['spire-systemd-daemon-reload'], File["${prefix}${config_path}"]],
    }
  }
}
